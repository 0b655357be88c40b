// Which of a song's three tracks can be played, and which to play. Pure, so it is unit-tested.
import type { SongListItem } from "../types";

export type Track = "original" | "instrumental" | "vocals";

export const TRACKS: { track: Track; label: string }[] = [
  { track: "instrumental", label: "Instrumental" },
  { track: "original", label: "Original" },
  { track: "vocals", label: "Vocals" },
];

/** The tracks the song lists, less those that failed to load (a 404, a file gone). */
export function availableTracks(song: Pick<SongListItem, "originalPath" | "instrumentalPath" | "vocalPath">, failed: ReadonlySet<Track>): Track[] {
  const listed: Record<Track, string | null> = {
    instrumental: song.instrumentalPath, original: song.originalPath, vocals: song.vocalPath,
  };
  return TRACKS.map((item) => item.track).filter((track) => listed[track] !== null && !failed.has(track));
}

/** The current track if still playable, else the karaoke one (instrumental), else the first. */
export function chooseTrack(available: readonly Track[], current: Track | null): Track | null {
  if (current && available.includes(current)) return current;
  return available[0] ?? null;
}
