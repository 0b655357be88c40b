import { describe, expect, it } from "vitest";
import { endedExplanation, INITIAL_SHARE, SHARE_CODE, shareReducer, type ShareAction, type ShareSessionView } from "./shareSession";

const STATUS = {
  session_id: "123456", is_active: true, start_time: 1_700_000_000_000, listener_count: 3,
  current_metadata: { title: "Song", artist: "Band" },
};

function meta(elapsedSeconds: number, timestamp: number) {
  return { session_id: "123456", metadata: { title: "Song", artist: "Band", elapsedSeconds, totalSeconds: 100, timestamp } };
}

function run(actions: ShareAction[], from: ShareSessionView = INITIAL_SHARE): ShareSessionView {
  return actions.reduce(shareReducer, from);
}

describe("shareReducer", () => {
  it("goes live on an active status and keeps its listener count", () => {
    const view = run([{ type: "listening" }, { type: "status", status: STATUS }]);
    expect(view.phase).toBe("live");
    expect(view.status?.listener_count).toBe(3);
    expect(view.status?.current_metadata).toEqual({ title: "Song", artist: "Band" });
  });

  it("shows a stopped session (still in its grace time) as ended", () => {
    const view = run([{ type: "status", status: { ...STATUS, is_active: false } }]);
    expect(view).toMatchObject({ phase: "ended", endedReason: "stopped" });
  });

  it("takes newer metadata and keeps an older arrival out", () => {
    const view = run([
      { type: "listening" },
      { type: "status", status: STATUS },
      { type: "metadata", payload: meta(10, 2_000), receivedAtMs: 1 },
      { type: "metadata", payload: meta(9, 1_000), receivedAtMs: 2 },
    ]);
    expect(view.metadata?.elapsedSeconds).toBe(10);
    expect(view.anchor?.receivedAtMs).toBe(1);
  });

  it("takes the first metadata after a reconnect whatever its time (a restarted sender)", () => {
    const before = run([
      { type: "listening" },
      { type: "metadata", payload: meta(50, 9_000), receivedAtMs: 1 },
    ]);
    const after = run([{ type: "listening" }, { type: "metadata", payload: meta(2, 100), receivedAtMs: 5 }], before);
    expect(after.metadata?.elapsedSeconds).toBe(2);
    expect(after.resyncing).toBe(false);
  });

  it("ignores metadata that is not a Metadata object", () => {
    const view = run([{ type: "metadata", payload: { session_id: "123456", metadata: "x" }, receivedAtMs: 1 }]);
    expect(view.metadata).toBeNull();
  });

  it("ends on share_ended with its reason and stays ended", () => {
    const view = run([
      { type: "status", status: STATUS },
      { type: "ended", payload: { session_id: "123456", reason: "expired" } },
      { type: "metadata", payload: meta(10, 5_000), receivedAtMs: 1 },
      { type: "status", status: STATUS },
      { type: "refused", errorType: "not_found", message: "Session not found" },
    ]);
    expect(view).toMatchObject({ phase: "ended", endedReason: "expired", metadata: null });
  });

  it("tells an unknown code from other refusals", () => {
    expect(run([{ type: "refused", errorType: "not_found", message: "Session not found" }]).phase).toBe("not_found");
    expect(run([{ type: "refused", errorType: "limit_exceeded", message: "Too many" }])).toMatchObject({
      phase: "failed", error: "Too many",
    });
  });
});

describe("share codes and endings", () => {
  it("accepts exactly six digits", () => {
    expect(SHARE_CODE.test("123456")).toBe(true);
    expect(SHARE_CODE.test("12345")).toBe(false);
    expect(SHARE_CODE.test("1234567")).toBe(false);
    expect(SHARE_CODE.test("12345a")).toBe(false);
  });

  it("explains each reason", () => {
    expect(endedExplanation("stopped")).toMatch(/stopped sharing/);
    expect(endedExplanation("expired")).toMatch(/expired/);
    expect(endedExplanation("other")).toMatch(/other/);
  });
});
