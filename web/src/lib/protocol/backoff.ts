// Reconnection delays: exponential from 1 s, doubling up to 30 s, with ±20 % jitter so that the
// phones of a whole party do not all come back in the same millisecond after the server restarts.

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 30_000;
export const BACKOFF_JITTER = 0.2;

/** The wait before reconnect attempt `attempt` (0 for the first), given a random number in [0, 1). */
export function backoffDelay(attempt: number, random: number = Math.random()): number {
  const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 16));
  const jittered = exponential * (1 - BACKOFF_JITTER + 2 * BACKOFF_JITTER * random);
  return Math.round(Math.min(BACKOFF_MAX_MS, Math.max(BACKOFF_BASE_MS, jittered)));
}
