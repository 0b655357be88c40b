import { describe, expect, it } from "vitest";
import {
  HEARTBEAT_HEALTHY_MS, HEARTBEAT_RETRY_MS, initialReachability, isHeartbeat, nextHeartbeatDelay, noticeFor, reachabilityReducer,
  type ReachabilityEvent, type ReachabilityState,
} from "./reachability";

function run(events: ReachabilityEvent[], from: ReachabilityState = initialReachability(true)): ReachabilityState {
  return events.reduce(reachabilityReducer, from);
}

describe("reachability", () => {
  it("shows nothing and checks only now and then while the server answers", () => {
    const state = run([{ type: "checking" }, { type: "heartbeat", ok: true }]);
    expect(noticeFor(state)).toBeNull();
    expect(nextHeartbeatDelay(state)).toBe(HEARTBEAT_HEALTHY_MS);
    expect(state.checking).toBe(false);
  });

  it("shows nothing before the first answer", () => {
    expect(noticeFor(initialReachability(true))).toBeNull();
  });

  it("says the server is unreachable when the heartbeat fails, and polls every 10 s", () => {
    const state = run([{ type: "heartbeat", ok: false }, { type: "heartbeat", ok: false }]);
    expect(noticeFor(state)).toMatchObject({ kind: "unreachable", title: "Chorus server unreachable" });
    expect(nextHeartbeatDelay(state)).toBe(HEARTBEAT_RETRY_MS);
    expect(state.failures).toBe(2);
  });

  it("clears the banner once the server answers again", () => {
    const state = run([{ type: "heartbeat", ok: false }, { type: "heartbeat", ok: true }]);
    expect(noticeFor(state)).toBeNull();
    expect(state.failures).toBe(0);
  });

  it("says the device is offline when the browser says so, ahead of the server's state", () => {
    const state = run([{ type: "heartbeat", ok: false }, { type: "browser", online: false }]);
    expect(noticeFor(state)?.kind).toBe("offline");
    expect(nextHeartbeatDelay(state)).toBe(HEARTBEAT_RETRY_MS);
  });

  it("trusts an answering server over a browser that thinks it is offline", () => {
    const state = run([{ type: "browser", online: false }, { type: "heartbeat", ok: true }]);
    expect(noticeFor(state)).toBeNull();
  });
});

describe("isHeartbeat", () => {
  it("takes only the server's heartbeat body as an answer", () => {
    expect(isHeartbeat(200, { status: "ok", timestamp: 1 })).toBe(true);
    expect(isHeartbeat(200, "<!doctype html>")).toBe(false);
    expect(isHeartbeat(503, { status: "ok" })).toBe(false);
    expect(isHeartbeat(200, null)).toBe(false);
  });
});
