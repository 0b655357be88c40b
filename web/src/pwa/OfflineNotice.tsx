// A banner for every page when Chorus cannot be reached: the device is offline, or /heartbeat fails
// (the app itself may have opened from the service worker's copy). Mounted once, above the routes.
import { useCallback, useEffect, useReducer, useRef } from "react";
import {
  HEARTBEAT_TIMEOUT_MS, initialReachability, isHeartbeat, nextHeartbeatDelay, noticeFor, reachabilityReducer,
  type ReachabilityState,
} from "./reachability";
import "./offline.css";

/** Coming back to a tab after this long checks the server again. */
const STALE_AFTER_MS = 30_000;

export function OfflineNotice() {
  const { state, checkNow } = useServerReachability();
  const notice = noticeFor(state);
  if (!notice) return null;
  return (
    <div className={`offline-notice offline-notice-${notice.kind}`} role="status" aria-live="polite"
      data-testid="offline-notice" data-state={notice.kind}>
      <span className="offline-notice-icon" aria-hidden="true">!</span>
      <p className="offline-notice-text">
        <strong>{notice.title}.</strong> {notice.detail}
      </p>
      <button type="button" className="offline-notice-retry" onClick={checkNow} disabled={state.checking}>
        {state.checking ? "Checking…" : "Retry now"}
      </button>
    </div>
  );
}

/** The device's and the server's reachability, kept fresh while it matters. */
export function useServerReachability(): { state: ReachabilityState; checkNow: () => void } {
  const [state, dispatch] = useReducer(reachabilityReducer, undefined, () => initialReachability(navigator.onLine));
  const lastCheck = useRef(0);
  const inFlight = useRef(false);

  const checkNow = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    lastCheck.current = Date.now();
    dispatch({ type: "checking" });
    heartbeat().then((ok) => {
      inFlight.current = false;
      dispatch({ type: "heartbeat", ok });
    });
  }, []);

  useEffect(() => {
    checkNow();
    const online = () => {
      dispatch({ type: "browser", online: true });
      checkNow();
    };
    const offline = () => dispatch({ type: "browser", online: false });
    const visible = () => {
      if (document.visibilityState === "visible" && Date.now() - lastCheck.current > STALE_AFTER_MS) checkNow();
    };
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    document.addEventListener("visibilitychange", visible);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      document.removeEventListener("visibilitychange", visible);
    };
  }, [checkNow]);

  const delay = nextHeartbeatDelay(state);
  useEffect(() => {
    if (state.checking) return;
    const timer = setTimeout(checkNow, delay);
    return () => clearTimeout(timer);
  }, [delay, state.checking, state.failures, checkNow]);

  return { state, checkNow };
}

async function heartbeat(): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), HEARTBEAT_TIMEOUT_MS);
  try {
    const response = await fetch("/heartbeat", { cache: "no-store", signal: controller.signal });
    const body: unknown = await response.json().catch(() => null);
    return isHeartbeat(response.status, body);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
