// Debounce (search as you type) and throttle (slider drags). Both can be flushed, so the last
// value a person chose is never lost when they stop typing or let go of a slider.

export interface RateLimited<Args extends unknown[]> {
  (...args: Args): void;
  /** Runs the pending call now, if there is one. */
  flush(): void;
  /** Drops the pending call. */
  cancel(): void;
}

/** Calls `fn` once `waitMs` have passed without a new call, with the last call's arguments. */
export function debounce<Args extends unknown[]>(fn: (...args: Args) => void, waitMs: number): RateLimited<Args> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Args | null = null;
  const run = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const args = pending;
    pending = null;
    if (args) fn(...args);
  };
  const debounced = (...args: Args) => {
    pending = args;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, waitMs);
  };
  debounced.flush = run;
  debounced.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return debounced;
}

/**
 * Calls `fn` at once, then at most once per `intervalMs`: calls in between are merged into one
 * trailing call with the latest arguments, so the final value of a drag always goes out.
 */
export function throttle<Args extends unknown[]>(fn: (...args: Args) => void, intervalMs: number): RateLimited<Args> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Args | null = null;
  let lastRun = -Infinity;
  const run = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const args = pending;
    pending = null;
    if (args) {
      lastRun = Date.now();
      fn(...args);
    }
  };
  const throttled = (...args: Args) => {
    pending = args;
    const wait = lastRun + intervalMs - Date.now();
    if (wait <= 0) {
      run();
    } else if (timer === null) {
      timer = setTimeout(run, wait);
    }
  };
  throttled.flush = run;
  throttled.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return throttled;
}
