// The waveform's geometry: peaks fitted to the bars that fit the canvas, and x ↔ time. Pure.

/** `peaks` brought to `count` bars, each the loudest peak of its slice (so no peak is lost). */
export function resamplePeaks(peaks: readonly number[], count: number): number[] {
  if (count <= 0 || peaks.length === 0) return [];
  const bars: number[] = [];
  for (let bar = 0; bar < count; bar++) {
    const start = Math.floor((bar * peaks.length) / count);
    const end = Math.max(start + 1, Math.floor(((bar + 1) * peaks.length) / count));
    let loudest = 0;
    for (let index = start; index < end && index < peaks.length; index++) loudest = Math.max(loudest, peaks[index]);
    bars.push(Math.min(1, Math.max(0, loudest)));
  }
  return bars;
}

/** The song time (ms) at `x` pixels into a waveform `width` pixels wide. */
export function timeAtX(x: number, width: number, durationMs: number): number {
  if (width <= 0 || durationMs <= 0) return 0;
  return Math.round(Math.min(1, Math.max(0, x / width)) * durationMs);
}

/** Where (px) `timeMs` is drawn in a waveform `width` pixels wide. */
export function xAtTime(timeMs: number, width: number, durationMs: number): number {
  if (durationMs <= 0) return 0;
  return Math.min(1, Math.max(0, timeMs / durationMs)) * width;
}

/** How many bars of `barWidth` with `gap` fit `width` (at least one). */
export function barCount(width: number, barWidth = 3, gap = 1): number {
  return Math.max(1, Math.floor((width + gap) / (barWidth + gap)));
}
