// The library's HTTP calls. The shared `api()` drops an error's `details` (the field a
// VALIDATION_ERROR names, the problems of INVALID_LYRICS) and the response headers (X-Total-Count),
// which these pages need; this keeps both while still throwing the shared ApiError type.
import { ApiError, errorMessage, json } from "../../lib/api";
import type { ImportAnswer, Job, LyricsResponse, Song, SongListItem } from "./types";

/** An ApiError that also carries the server's `details` object. */
export class DetailedApiError extends ApiError {
  constructor(status: number, message: string, code: string | null, readonly details: Record<string, unknown>) {
    super(status, message, code);
  }

  /** The field the server named (`details.field`), if any. */
  get field(): string | null {
    return typeof this.details.field === "string" ? this.details.field : null;
  }

  /** The per-line problems of INVALID_LYRICS. */
  get problems(): string[] {
    const problems = this.details.problems;
    return Array.isArray(problems) ? problems.filter((item): item is string => typeof item === "string") : [];
  }
}

/** Turns a non-2xx answer's body into a DetailedApiError (shared with the upload's XHR). */
export function toApiError(status: number, body: unknown): DetailedApiError {
  const { message, code } = errorMessage(body, status);
  const details = body && typeof body === "object" && typeof (body as { details?: unknown }).details === "object"
    ? ((body as { details: Record<string, unknown> | null }).details ?? {})
    : {};
  return new DetailedApiError(status, message, code, details);
}

export function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<{ body: T; headers: Headers }> {
  const response = await fetch(path, { ...init, headers: { Accept: "application/json", ...init.headers } });
  const body = parseBody(await response.text());
  if (!response.ok) throw toApiError(response.status, body);
  return { body: body as T, headers: response.headers };
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  return (await request<T>(path, init)).body;
}

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
