// The library's wire shapes (docs/protocol.md §8: songs, lyrics, jobs), the parts these pages read.
import type { LyricLine } from "../../lib/lyrics/timing";

export type JobStatus = "pending" | "downloading" | "processing" | "finalizing" | "completed" | "failed" | "cancelled";

export interface Job {
  id: string;
  filename: string | null;
  status: JobStatus;
  progress: number;
  status_message: string | null;
  song_id: string | null;
  title: string | null;
  artist: string | null;
  created_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  error: string | null;
  notes: string | null;
  dismissed: boolean;
  kind?: string;
  attempts?: number;
}

export type SongStatus = "processed" | "pending" | "processing" | "failed";

export interface SongListItem {
  id: string;
  title: string;
  artist: string;
  album: string | null;
  year: number | null;
  genre: string | null;
  language: string | null;
  durationMs: number | null;
  status: SongStatus;
  dateAdded: string | null;
  vocalPath: string | null;
  instrumentalPath: string | null;
  originalPath: string | null;
  thumbnail: string | null;
  source: string | null;
  hasCdg?: boolean;
  editedFields?: string[];
}

export interface Song extends SongListItem {
  plainLyrics: string | null;
  syncedLyrics: string | null;
  fieldSources?: Record<string, string>;
  updatedAt?: string | null;
}

/** GET/PUT /api/songs/{id}/lyrics and the shift's answer. */
export interface LyricsResponse {
  songId: string;
  synced: boolean;
  source: "synced" | "plain" | "none";
  tags: Record<string, string>;
  lines: LyricLine[];
  problems: string[];
  plainLyrics: string | null;
  syncedLyrics: string | null;
}

/** The answer of an upload or a folder import: one job per song, and the files left out. */
export interface ImportAnswer {
  success: boolean;
  message?: string;
  jobs: Job[];
  skipped: { name: string; reason: string }[];
}
