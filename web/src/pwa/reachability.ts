// Whether this device can reach the Chorus server: the browser's own online flag and the answer to
// GET /heartbeat. Pure, so the banner's rules are tested without a network.

/** While the server cannot be reached, /heartbeat is asked again this often. */
export const HEARTBEAT_RETRY_MS = 10_000;
/**
 * While it can, this often: a server that goes away after a good answer is noticed without a page
 * event (the page's socket shows it sooner; this banner is what an app opened offline relies on).
 */
export const HEARTBEAT_HEALTHY_MS = 60_000;
/** A heartbeat taking longer than this counts as failed (a dead Wi-Fi can hang rather than refuse). */
export const HEARTBEAT_TIMEOUT_MS = 5_000;

export interface ReachabilityState {
  browserOnline: boolean;
  /** null until the first heartbeat answered or failed. */
  serverReachable: boolean | null;
  /** Heartbeats failed in a row. */
  failures: number;
  checking: boolean;
}

export type ReachabilityEvent =
  | { type: "browser"; online: boolean }
  | { type: "checking" }
  | { type: "heartbeat"; ok: boolean };

export function initialReachability(browserOnline: boolean): ReachabilityState {
  return { browserOnline, serverReachable: null, failures: 0, checking: false };
}

export function reachabilityReducer(state: ReachabilityState, event: ReachabilityEvent): ReachabilityState {
  switch (event.type) {
    case "browser":
      return { ...state, browserOnline: event.online };
    case "checking":
      return { ...state, checking: true };
    case "heartbeat":
      return event.ok
        ? { ...state, checking: false, serverReachable: true, failures: 0, browserOnline: true }
        : { ...state, checking: false, serverReachable: false, failures: state.failures + 1 };
  }
}

export type Notice = { kind: "offline" | "unreachable"; title: string; detail: string } | null;

/** The banner to show, or null when all is well (or not known to be otherwise yet). */
export function noticeFor(state: ReachabilityState): Notice {
  if (!state.browserOnline) {
    return {
      kind: "offline",
      title: "You are offline",
      detail: "This device has no network. Chorus reconnects by itself when it is back.",
    };
  }
  if (state.serverReachable === false) {
    return {
      kind: "unreachable",
      title: "Chorus server unreachable",
      detail: "Check that the server is running and that this device is on its network. "
        + `Trying again every ${HEARTBEAT_RETRY_MS / 1000} s.`,
    };
  }
  return null;
}

/** When to ask /heartbeat again: soon while something is wrong, now and then while all is well. */
export function nextHeartbeatDelay(state: ReachabilityState): number {
  return !state.browserOnline || state.serverReachable === false ? HEARTBEAT_RETRY_MS : HEARTBEAT_HEALTHY_MS;
}

/** Whether a /heartbeat answer says the server is up: a 2xx with `status: "ok"` (not the shell's HTML). */
export function isHeartbeat(status: number, body: unknown): boolean {
  return status >= 200 && status < 300 && typeof body === "object" && body !== null
    && (body as { status?: unknown }).status === "ok";
}
