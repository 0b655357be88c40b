// Editing LRC text in place for tap-to-sync: which lines can take a time, and setting a line's time
// stamp to the player's position. Pure, so it is unit-tested.

const LEADING_STAMPS = /^\s*(?:\[\d{1,3}:\d{1,2}(?:[.:]\d{1,3})?\]\s*)+/;
const FIRST_STAMP = /^\s*\[(\d{1,3}):(\d{1,2})(?:[.:](\d{1,3}))?\]/;
const TAG_LINE = /^\[[a-z]+:.*\]$/i;

/** `[mm:ss.xx]` (minutes past 59 as LRC allows; hundredths, as canonical LRC writes them). */
export function formatStamp(ms: number): string {
  const hundredths = Math.round(Math.max(0, ms) / 10);
  const minutes = Math.floor(hundredths / 6000);
  const seconds = Math.floor((hundredths % 6000) / 100);
  const rest = hundredths % 100;
  return `[${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}.${String(rest).padStart(2, "0")}]`;
}

/** A line that is sung (or a timed gap), as opposed to a blank line or a tag like `[ti:…]`. */
export function isStampable(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== "" && !TAG_LINE.test(trimmed);
}

/** The line's words without its time stamps. */
export function lineText(line: string): string {
  return line.replace(LEADING_STAMPS, "").trim();
}

/** The line's first time stamp in ms, or null. */
export function lineStamp(line: string): number | null {
  const match = FIRST_STAMP.exec(line);
  if (!match) return null;
  const fraction = match[3] ? Math.round(Number(`0.${match[3]}`) * 1000) : 0;
  return Number(match[1]) * 60_000 + Number(match[2]) * 1000 + fraction;
}

/** `text` with line `index`'s time stamps replaced by one at `ms` (added when it had none). */
export function stampLine(text: string, index: number, ms: number): string {
  const lines = text.split("\n");
  if (index < 0 || index >= lines.length || !isStampable(lines[index])) return text;
  const line = lines[index];
  const carriageReturn = line.endsWith("\r") ? "\r" : "";
  lines[index] = `${formatStamp(ms)}${lineText(line)}${carriageReturn}`;
  return lines.join("\n");
}

/** The first stampable line after `index` (-1 for none). */
export function nextStampable(text: string, index: number): number {
  const lines = text.split("\n");
  for (let candidate = index + 1; candidate < lines.length; candidate++) {
    if (isStampable(lines[candidate])) return candidate;
  }
  return -1;
}

/** The line the caret at `offset` is on. */
export function lineIndexAt(text: string, offset: number): number {
  let count = 0;
  const end = Math.min(Math.max(0, offset), text.length);
  for (let position = 0; position < end; position++) if (text[position] === "\n") count++;
  return count;
}


/** The line at `index`, or "" past the end. */
export function lineAt(text: string, index: number): string {
  return text.split("\n")[index] ?? "";
}

/** The last stampable line before `index` (-1 for none). */
export function previousStampable(text: string, index: number): number {
  const lines = text.split("\n");
  for (let candidate = Math.min(index, lines.length) - 1; candidate >= 0; candidate--) {
    if (isStampable(lines[candidate])) return candidate;
  }
  return -1;
}

/**
 * A text box's value after its saved value changed underneath it (a save, a shift, a lookup): the
 * new saved value where the person had not edited (or typed exactly that), else their edit.
 */
export function rebaseEdit(current: string, before: string, after: string): { value: string; keptEdit: boolean } {
  if (current === before || current === after) return { value: after, keptEdit: false };
  return { value: current, keptEdit: true };
}
