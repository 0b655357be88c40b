// The parts of a library Song (GET /api/songs/{id}) the display uses.
import { api } from "../../lib/api";

export interface LibrarySong {
  id: string;
  title: string;
  artist: string;
  album?: string | null;
  durationMs: number | null;
  hasCdg?: boolean;
  loudnessLufs?: number | null;
  thumbnail?: string | null;
  instrumentalPath?: string | null;
  vocalPath?: string | null;
  originalPath?: string | null;
}

export function fetchLibrarySong(id: string, signal: AbortSignal): Promise<LibrarySong> {
  return api<LibrarySong>(`/api/songs/${encodeURIComponent(id)}`, { signal });
}

/** The cover image of a song that has one. */
export function coverUrl(song: Pick<LibrarySong, "id" | "thumbnail">): string | null {
  return song.thumbnail ? `/api/songs/${encodeURIComponent(song.id)}/thumbnail` : null;
}
