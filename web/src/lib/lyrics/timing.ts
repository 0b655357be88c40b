// Synced lyrics against the playback clock: which line is being sung, how far into it (by its words
// when they are timed, else by the line), and which line comes next. Pure, so it is unit-tested.

export interface LyricWord {
  startMs: number | null;
  endMs: number | null;
  text: string;
}

export interface LyricLine {
  startMs: number | null;
  endMs: number | null;
  text: string;
  words: LyricWord[];
}

/** The server's Lyrics (GET /api/songs/{id}/lyrics). */
export interface Lyrics {
  songId?: string;
  synced: boolean;
  source: "synced" | "plain" | "none";
  lines: LyricLine[];
}

export interface LyricsPosition {
  /** Index of the line being sung, or -1 before the first line (and for unsynced lyrics). */
  current: number;
  /** Index of the next line with text, or -1 at the end. */
  next: number;
  /** 0..1 through the current line (its words' timing when it has any). */
  lineProgress: number;
  /** Per word of the current line, 0..1 sung; empty when the line has no word timing. */
  wordProgress: number[];
  /** Milliseconds until the first line starts, while it has not (for a count-in), else 0. */
  countInMs: number;
}

const NOTHING: LyricsPosition = { current: -1, next: -1, lineProgress: 0, wordProgress: [], countInMs: 0 };

/**
 * Where the lyrics are at `timeMs` of the song. `offsetMs` is the room's lyrics offset: positive
 * shows the lyrics later (a line starting at 10 s shows at 10 s + offset).
 */
export function lyricsPosition(lines: readonly LyricLine[], timeMs: number, offsetMs = 0): LyricsPosition {
  const timed = lines.length > 0 && lines[0].startMs !== null;
  if (!timed) return { ...NOTHING, next: lines.length > 0 ? 0 : -1 };
  const t = timeMs - offsetMs;
  const current = lastStartedAt(lines, t);
  const next = nextWithText(lines, current + 1);
  if (current < 0) {
    return { ...NOTHING, next, countInMs: Math.max(0, (lines[0].startMs ?? 0) - t) };
  }
  const line = lines[current];
  const start = line.startMs ?? 0;
  const end = line.endMs ?? lines[current + 1]?.startMs ?? start + 5_000;
  const wordProgress = line.words.map((word) => fraction(t, word.startMs ?? start, word.endMs ?? end));
  const lineProgress = line.words.length > 0 ? wordWeightedProgress(line.words, wordProgress) : fraction(t, start, end);
  return { current, next, lineProgress, wordProgress, countInMs: 0 };
}

/** The last line whose start is at or before `t` (binary search; lines are sorted by start). */
function lastStartedAt(lines: readonly LyricLine[], t: number): number {
  let low = 0;
  let high = lines.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = lines[middle].startMs;
    if (start !== null && start <= t) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

function nextWithText(lines: readonly LyricLine[], from: number): number {
  for (let index = from; index < lines.length; index++) {
    if (lines[index].text.trim() !== "") return index;
  }
  return -1;
}

function fraction(t: number, start: number, end: number): number {
  if (end <= start) return t >= start ? 1 : 0;
  return Math.min(1, Math.max(0, (t - start) / (end - start)));
}

/** Progress through a line by its characters, so a long word counts for more than "a". */
function wordWeightedProgress(words: readonly LyricWord[], progress: readonly number[]): number {
  let total = 0;
  let sung = 0;
  words.forEach((word, index) => {
    const weight = Math.max(1, word.text.trim().length);
    total += weight;
    sung += weight * progress[index];
  });
  return total === 0 ? 0 : sung / total;
}


const WORD_MARK = /<(\d{1,3}):(\d{1,2})(?:[.:](\d{1,3}))?>/g;
const OFFSET_TAG = /^\[offset:\s*([+-]?\d+)\s*\]$/i;

function stampMs(minutes: string, seconds: string, fractionDigits: string | undefined): number {
  const fractionMs = fractionDigits ? Math.round(Number(`0.${fractionDigits}`) * 1000) : 0;
  return Number(minutes) * 60_000 + Number(seconds) * 1000 + fractionMs;
}

/**
 * Reads LRC text (as a music share's metadata carries it) into timed lines, as the server reads it:
 * several stamps per line, enhanced word marks, `[offset:]` (positive shows lyrics sooner).
 * Text without any time stamp becomes untimed lines.
 */
export function parseLrc(text: string, durationMs: number | null = null): LyricLine[] {
  let offset = 0;
  const timed: { startMs: number; text: string; words: LyricWord[] }[] = [];
  const plain: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const offsetTag = OFFSET_TAG.exec(line);
    if (offsetTag) {
      offset = Number(offsetTag[1]);
      continue;
    }
    const stamps: number[] = [];
    let rest = line;
    for (;;) {
      const match = /^\[(\d{1,3}):(\d{1,2})(?:[.:](\d{1,3}))?\]/.exec(rest);
      if (!match) break;
      stamps.push(stampMs(match[1], match[2], match[3]));
      rest = rest.slice(match[0].length);
    }
    if (stamps.length === 0) {
      if (line !== "" && !/^\[[a-z]+:.*\]$/i.test(line)) plain.push(line);
      continue;
    }
    const words = parseWords(rest);
    const lineText = words.length > 0 ? words.map((word) => word.text).join("").trim() : rest.trim();
    for (const start of stamps) {
      const shift = (ms: number | null) => (ms === null ? null : Math.max(0, ms - offset + (start - stamps[0])));
      timed.push({
        startMs: Math.max(0, start - offset),
        text: lineText,
        words: words.map((word) => ({ ...word, startMs: shift(word.startMs), endMs: shift(word.endMs) })),
      });
    }
  }
  if (timed.length === 0) {
    return plain.map((lineText) => ({ startMs: null, endMs: null, text: lineText, words: [] }));
  }
  timed.sort((a, b) => a.startMs - b.startMs);
  return timed.map((line, index) => {
    const endMs = timed[index + 1]?.startMs ?? (durationMs !== null && durationMs > line.startMs ? durationMs : line.startMs + 5_000);
    const words = line.words.map((word, wordIndex) => ({
      ...word,
      endMs: word.endMs ?? line.words[wordIndex + 1]?.startMs ?? endMs,
    }));
    return { startMs: line.startMs, endMs, text: line.text, words };
  });
}

/** `<00:01.20>Hel<00:01.50>lo ` → timed words; a mark followed by nothing ends the word before it. */
function parseWords(rest: string): LyricWord[] {
  const marks = [...rest.matchAll(WORD_MARK)];
  if (marks.length === 0) return [];
  const words: LyricWord[] = [];
  marks.forEach((mark, index) => {
    const start = stampMs(mark[1], mark[2], mark[3]);
    const textStart = (mark.index ?? 0) + mark[0].length;
    const textEnd = marks[index + 1]?.index ?? rest.length;
    const wordText = rest.slice(textStart, textEnd);
    if (wordText.trim() === "") {
      const previous = words[words.length - 1];
      if (previous && previous.endMs === null) previous.endMs = start;
      return;
    }
    words.push({ startMs: start, endMs: null, text: wordText });
  });
  return words;
}
