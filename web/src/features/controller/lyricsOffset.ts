// The room's lyrics offset as the server takes it: whole milliseconds within ±60 s; positive shows
// the lyrics later.

export const OFFSET_STEP_MS = 250;
export const OFFSET_LIMIT_MS = 60_000;

/** The offset after one nudge, kept whole and within the server's limits. */
export function nudgeOffset(currentMs: number, deltaMs: number): number {
  const base = Number.isFinite(currentMs) ? currentMs : 0;
  return clampOffset(base + deltaMs);
}

export function clampOffset(ms: number): number {
  if (!Number.isFinite(ms)) return 0;
  return Math.max(-OFFSET_LIMIT_MS, Math.min(OFFSET_LIMIT_MS, Math.round(ms)));
}

/** "+0.25 s", "−1.5 s", "0 s": short enough for a phone, signed so the direction is clear. */
export function formatOffset(ms: number): string {
  if (!ms) return "0 s";
  const seconds = Math.abs(ms) / 1000;
  const text = Number.isInteger(seconds) ? String(seconds) : String(Number(seconds.toFixed(3)));
  return `${ms > 0 ? "+" : "\u2212"}${text} s`;
}

/** What the offset does, for people and screen readers. */
export function describeOffset(ms: number): string {
  if (!ms) return "Lyrics in time with the song";
  return ms > 0 ? `Lyrics ${formatOffset(ms).slice(1)} later` : `Lyrics ${formatOffset(ms).slice(1)} earlier`;
}
