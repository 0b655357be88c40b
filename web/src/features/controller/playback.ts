// The now-playing position between the display's ~1 Hz reports, and which way the play/pause
// button points while a command is on its way.

/** A position report, with the local time (ms) it arrived; the server's clock may differ. */
export interface PositionReport {
  currentTime: number;
  duration: number;
  playing: boolean;
  receivedAt: number;
}

/**
 * Seconds into the song at `now`: the report's time plus what has elapsed since it arrived while
 * playing, never past the song's end; a paused report stays where it was.
 */
export function interpolatePosition(report: PositionReport, now: number): number {
  const start = Math.max(0, Number.isFinite(report.currentTime) ? report.currentTime : 0);
  const elapsed = report.playing ? Math.max(0, now - report.receivedAt) / 1000 : 0;
  const position = start + elapsed;
  return report.duration > 0 ? Math.min(position, report.duration) : position;
}

/** 0..1 through the song, 0 when its length is unknown. */
export function progressFraction(position: number, duration: number): number {
  if (!(duration > 0)) return 0;
  return Math.min(1, Math.max(0, position / duration));
}

/** A play or pause the person asked for, not yet confirmed by the display. */
export interface PlayIntent {
  playing: boolean;
  at: number;
}

/** How long a tap wins over the display's reports before they are trusted again. */
export const INTENT_HOLD_MS = 2500;

/**
 * Whether to show the song as playing: the person's latest tap until the display agrees with it
 * or INTENT_HOLD_MS pass (a display that never answers must not leave the button lying).
 */
export function effectivePlaying(reported: boolean, intent: PlayIntent | null, now: number): boolean {
  if (!intent || intent.playing === reported) return reported;
  return now - intent.at < INTENT_HOLD_MS ? intent.playing : reported;
}

/** A level the person set here, not yet reported back by the display. */
export interface LocalLevel {
  value: number;
  at: number;
}

export const LEVEL_HOLD_MS = 3000;

/**
 * The level to show: the person's own while they change it and until the display reports the
 * same (or LEVEL_HOLD_MS pass, so a display that ignores it is not hidden); else the report.
 */
export function shownLevel(reported: number | null, local: LocalLevel | null, now: number): number {
  if (local && (reported === null || (Math.abs(reported - local.value) > 0.005 && now - local.at < LEVEL_HOLD_MS))) {
    return local.value;
  }
  return reported ?? local?.value ?? 1;
}
