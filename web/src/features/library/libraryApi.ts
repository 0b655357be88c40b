// The library's HTTP calls.
import { api as call, apiResponse as request, json } from "../../lib/api";
import type { ImportAnswer, Job, LyricsResponse, Song, SongListItem } from "./types";

const songPath = (id: string) => `/api/songs/${encodeURIComponent(id)}`;

export interface SongQuery {
  q: string;
  sortBy: string;
  direction: "asc" | "desc";
  limit: number;
  offset: number;
}

export async function listSongs(query: SongQuery, signal?: AbortSignal): Promise<{ songs: SongListItem[]; total: number }> {
  const params = new URLSearchParams({
    q: query.q.trim(),
    sort_by: query.sortBy,
    direction: query.direction,
    limit: String(query.limit),
    offset: String(query.offset),
  });
  const { body, headers } = await request<SongListItem[]>(`/api/songs?${params}`, { signal });
  const total = Number(headers.get("X-Total-Count"));
  return { songs: body, total: Number.isFinite(total) ? total : body.length };
}

export const getSong = (id: string) => call<Song>(songPath(id));
export const patchSong = (id: string, changes: Record<string, unknown>) => call<Song>(songPath(id), json(changes, "PATCH"));
export const deleteSong = (id: string) => call<{ message: string }>(songPath(id), { method: "DELETE" });
export const enrichSong = (id: string) => call<{ job: Job }>(`${songPath(id)}/enrich`, { method: "POST" });
export const getWaveform = (id: string, columns: number, signal?: AbortSignal) =>
  call<{ columns: number; peaks: number[] }>(`${songPath(id)}/waveform?columns=${columns}`, { signal });

export const getLyrics = (id: string) => call<LyricsResponse>(`${songPath(id)}/lyrics`);
export const putLyrics = (id: string, lyrics: { syncedLyrics: string | null; plainLyrics: string | null }) =>
  call<LyricsResponse>(`${songPath(id)}/lyrics`, json(lyrics, "PUT"));
export const shiftLyrics = (id: string, offsetMs: number) =>
  call<LyricsResponse>(`${songPath(id)}/lyrics/shift`, json({ offsetMs }));

export const listJobs = () => call<{ jobs: Job[] }>("/api/jobs");
export const jobAction = (id: string, action: "cancel" | "retry" | "dismiss") =>
  call<{ success: boolean; message: string }>(`/api/jobs/${encodeURIComponent(id)}/${action}`, { method: "POST" });

export const importUrl = (url: string) => call<{ job: Job; message?: string }>("/api/youtube/download", json({ url }));
export const importFolder = (path: string) => call<ImportAnswer>("/api/imports/folder", json({ path }));

export const trackUrl = (id: string, track: string) => `${songPath(id)}/download/${track}`;
export const thumbnailUrl = (id: string) => `${songPath(id)}/thumbnail`;
