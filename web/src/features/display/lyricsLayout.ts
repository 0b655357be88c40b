// How the current lyric line is filled in as it is sung: per word, from the words' own timing when
// the line has it, else by spreading the line's progress over its characters (a sweep that
// follows the text even when it wraps). Pure, for tests.
import type { LyricLine, LyricsPosition } from "../../lib/lyrics/timing";

export interface WordPiece {
  text: string;
  /** 0–1 sung. */
  fill: number;
}

/** The line cut into words (spaces kept with the word before), each with how much of it is sung. */
export function lineFill(line: LyricLine, position: Pick<LyricsPosition, "lineProgress" | "wordProgress">): WordPiece[] {
  if (line.words.length > 0) {
    return line.words.map((word, index) => ({ text: word.text, fill: position.wordProgress[index] ?? 0 }));
  }
  const pieces = line.text.match(/\S+\s*|\s+/g) ?? [];
  const weights = pieces.map((piece) => Math.max(1, piece.trim().length));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let sung = position.lineProgress * total;
  return pieces.map((text, index) => {
    const fill = Math.min(1, Math.max(0, sung / weights[index]));
    sung -= weights[index];
    return { text, fill };
  });
}

/** Milliseconds until line `index` starts (with the room's offset), or null if it is untimed. */
export function msUntilLine(lines: readonly LyricLine[], index: number, timeMs: number, offsetMs: number): number | null {
  const start = lines[index]?.startMs;
  return start === null || start === undefined ? null : Math.max(0, start + offsetMs - timeMs);
}

/** The count-in to show: 3, 2, 1 in the last three seconds before singing starts, else null. */
export function countInBeat(msUntil: number | null): number | null {
  if (msUntil === null || msUntil <= 0 || msUntil > 3_000) return null;
  return Math.ceil(msUntil / 1000);
}
