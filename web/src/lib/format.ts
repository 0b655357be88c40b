// Times as people read them on every page: 83.9 s → "1:23", an hour or more → "1:02:03".

/** `m:ss` or `h:mm:ss` of a time in seconds; `unknown` for a missing, negative or endless one. */
export function formatClock(seconds: number | null | undefined, unknown = "–:––"): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return unknown;
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}
