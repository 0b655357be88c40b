// Search answers as the page uses them, and the queue_song payload: only the KaraokeEntry keys the
// server validates, plus Chorus's `singer`.
import type { KaraokeEntry } from "../../lib/protocol/types";

export const SINGER_MAX_CHARS = 200;
export const QUERY_MAX_CHARS = 200;

export interface SearchAnswer {
  entries: KaraokeEntry[];
  /** Why some providers are missing from the answer (failed, timed out, unavailable). */
  notes: string[];
}

/** The /search body, with anything malformed left out rather than breaking the list. */
export function parseSearchAnswer(body: unknown): SearchAnswer {
  const record = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const entries = Array.isArray(record.entries) ? record.entries.filter(isEntry) : [];
  const notes = Array.isArray(record.notes) ? record.notes.filter((note): note is string => typeof note === "string") : [];
  return { entries, notes };
}

function isEntry(value: unknown): value is KaraokeEntry {
  if (!value || typeof value !== "object") return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.id === "string" && typeof entry.title === "string" && typeof entry.source === "string";
}

/** The singer name as sent: trimmed, at most SINGER_MAX_CHARS, absent when blank. */
export function cleanSinger(name: string | null | undefined): string | null {
  const trimmed = (name ?? "").trim().slice(0, SINGER_MAX_CHARS).trim();
  return trimmed === "" ? null : trimmed;
}

/** The queue_song payload for an entry (search extras such as thumbnail_url left out). */
export function queueSongPayload(entry: KaraokeEntry, singer: string | null | undefined): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    id: entry.id,
    title: entry.title,
    artist: entry.artist ?? "",
    video_url: entry.video_url ?? null,
    source: entry.source,
    uploader: entry.uploader ?? "",
    duration: typeof entry.duration === "number" && Number.isFinite(entry.duration) ? entry.duration : null,
  };
  const name = cleanSinger(singer);
  if (name) payload.singer = name;
  return payload;
}

/** The query to send, or null when there is nothing to search for. */
export function searchQuery(text: string): string | null {
  const trimmed = text.trim().slice(0, QUERY_MAX_CHARS);
  return trimmed === "" ? null : trimmed;
}

/** A short name for where an entry comes from, for its badge. */
export function sourceLabel(source: string): string {
  switch (source) {
    case "library":
      return "Library";
    case "youtube":
      return "YouTube";
    default:
      return source ? source[0].toUpperCase() + source.slice(1) : "Other";
  }
}

/** "Title — Artist" for messages. */
export function entryLabel(entry: Pick<KaraokeEntry, "title" | "artist">): string {
  return entry.artist ? `“${entry.title}” by ${entry.artist}` : `“${entry.title}”`;
}
