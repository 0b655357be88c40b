// Where a song is, from the AudioContext's clock: the position at the moment playback last started
// plus the context time since. Stopping and restarting sources at an offset (pause, seek) goes
// through here, so the clock always names the sample the speakers are being fed.

export interface PlaybackClock {
  readonly playing: boolean;
  /** Song position (s) at `startedAt` while playing; the held position while paused. */
  readonly offset: number;
  /** Context time (s) at which `offset` plays; meaningless while paused. */
  readonly startedAt: number;
  /** Song length (s); the clock never runs past it. */
  readonly duration: number;
}

export function pausedClock(duration: number, offset = 0): PlaybackClock {
  return { playing: false, offset: clampPosition(offset, duration), startedAt: 0, duration };
}

/** The position (s) at context time `now`. Before a scheduled start it stays at the start offset. */
export function positionAt(clock: PlaybackClock, now: number): number {
  if (!clock.playing) return clock.offset;
  return clampPosition(clock.offset + Math.max(0, now - clock.startedAt), clock.duration);
}

/** Playing from `offset`, the first sample at context time `at`. */
export function startClock(clock: PlaybackClock, offset: number, at: number): PlaybackClock {
  return { ...clock, playing: true, offset: clampPosition(offset, clock.duration), startedAt: at };
}

/** Paused where it is at context time `now`. */
export function pauseClock(clock: PlaybackClock, now: number): PlaybackClock {
  return { ...clock, playing: false, offset: positionAt(clock, now), startedAt: 0 };
}

function clampPosition(position: number, duration: number): number {
  if (!Number.isFinite(position) || position < 0) return 0;
  return duration > 0 ? Math.min(position, duration) : position;
}
