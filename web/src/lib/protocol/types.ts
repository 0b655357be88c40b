// The /ws protocol's data shapes (docs/protocol.md §7), as Chorus sends them.

/** A song that can be queued: the PWA's KaraokeEntry plus Chorus's optional extras. */
export interface KaraokeEntry {
  id: string;
  title: string;
  artist: string;
  video_url: string | null;
  source: string;
  uploader: string;
  duration: number | null;
  thumbnail_url?: string | null;
  album?: string | null;
  page_url?: string | null;
}

/** A queued song; `singer` is Chorus-only (null when queued by a client that names none). */
export interface QueueItem {
  id: string;
  entry: KaraokeEntry;
  singer?: string | null;
}

export interface QueueUpdate {
  items: QueueItem[];
  version: number;
  timestamp: number;
}

export type PlayState = "playing" | "paused" | "finished" | "buffering";

export interface PlayerState {
  entry: KaraokeEntry | null;
  play_state: PlayState;
  current_time: number;
  duration: number;
  volume: number;
  version: number;
  timestamp: number;
  /** Chorus only: who sings the current item, when the state is about it. */
  singer?: string | null;
}

export type LyricsSize = "small" | "medium" | "large";

/** The room's performance controls (the Open Karaoke Studio's shape). */
export interface PerformanceState {
  vocal_volume: number;
  instrumental_volume: number;
  lyrics_size: LyricsSize;
  lyrics_offset: number;
  current_time: number;
  duration: number;
  is_playing: boolean;
}

export type PerformanceControl = "vocal_volume" | "instrumental_volume" | "lyrics_size" | "lyrics_offset";

export interface ErrorObject {
  error_type: string;
  message: string;
  details: Record<string, unknown> | null;
  timestamp: number;
  request_id: string | null;
}

export type ClientType = "display" | "controller";
