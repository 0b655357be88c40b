import { describe, expect, it } from "vitest";
import { decideOnPlayerState, isFreshStart, playerReport, rememberReport, roomMovedOn } from "./flow";
import type { KaraokeEntry, PlayerState } from "../../lib/protocol/types";

const entry = (id: string): KaraokeEntry => ({
  id, title: `Song ${id}`, artist: "Artist", video_url: null, source: "library", uploader: "", duration: 100,
});

const state = (id: string | null, extra: Partial<PlayerState> = {}): PlayerState => ({
  entry: id ? entry(id) : null, play_state: "playing", current_time: 0, duration: 0, volume: 0.5,
  version: 1, timestamp: 1, ...extra,
});

describe("decideOnPlayerState", () => {
  it("goes idle without a state or an entry", () => {
    expect(decideOnPlayerState(null, null, [])).toEqual({ action: "idle" });
    expect(decideOnPlayerState(state(null, { play_state: "finished" }), { entryId: "a", position: 3, advanceRequested: true }, []))
      .toEqual({ action: "idle" });
  });

  it("loads a new song from the start", () => {
    expect(decideOnPlayerState(state("a"), null, [])).toEqual({ action: "load", startAt: 0, paused: false });
  });

  it("resumes a song the room was already in (a reload of the page), paused if it was", () => {
    expect(decideOnPlayerState(state("a", { current_time: 31.5, duration: 100, play_state: "paused" }), null, []))
      .toEqual({ action: "load", startAt: 31.5, paused: true });
  });

  it("carries on with the same song on its own echoes and after a reconnect", () => {
    const active = { entryId: "a", position: 40, advanceRequested: false };
    expect(decideOnPlayerState(state("a", { current_time: 39, duration: 100 }), active, [])).toEqual({ action: "keep" });
    expect(decideOnPlayerState(state("a", { play_state: "buffering" }), { ...active, position: 0 }, [])).toEqual({ action: "keep" });
  });

  it("plays the same song again when it was queued twice in a row", () => {
    const ended = { entryId: "a", position: 100, advanceRequested: true };
    expect(decideOnPlayerState(state("a"), ended, [])).toEqual({ action: "load", startAt: 0, paused: false });
    const skipped = { entryId: "a", position: 50, advanceRequested: false };
    expect(decideOnPlayerState(state("a"), skipped, [])).toEqual({ action: "load", startAt: 0, paused: false });
  });

  it("does not restart a song that has only just started", () => {
    expect(decideOnPlayerState(state("a"), { entryId: "a", position: 0.4, advanceRequested: false }, []))
      .toEqual({ action: "keep" });
  });

  it("recognises its own late report for the song it left", () => {
    const active = { entryId: "b", position: 1, advanceRequested: false };
    const stale = state("a", { current_time: 41.2, duration: 100 });
    expect(decideOnPlayerState(stale, active, [{ entryId: "a", currentTime: 41.2 }])).toEqual({ action: "reassert" });
    expect(decideOnPlayerState(stale, active, [{ entryId: "a", currentTime: 40.2 }]).action).toBe("load");
    expect(decideOnPlayerState(stale, null, [{ entryId: "a", currentTime: 41.2 }])).toEqual({ action: "reassert" });
    // The same song queued again later starts fresh, whatever the display reported before.
    expect(decideOnPlayerState(state("a"), active, [{ entryId: "a", currentTime: 0 }]).action).toBe("load");
  });

  it("stays idle on a finished state it did not play", () => {
    expect(decideOnPlayerState(state("a", { play_state: "finished", current_time: 100 }), null, [])).toEqual({ action: "idle" });
  });
});

describe("reports", () => {
  it("keeps only the last few", () => {
    let reports: { entryId: string; currentTime: number }[] = [];
    for (let i = 0; i < 12; i++) reports = rememberReport(reports, { entryId: "a", currentTime: i }, 8);
    expect(reports).toHaveLength(8);
    expect(reports[0].currentTime).toBe(4);
  });

  it("builds a DisplayPlayerState stamped with the display's clock", () => {
    const report = playerReport(entry("a"), "playing", 12.34567, 99.9999, 1.4, 1_700_000_000_000);
    expect(report).toMatchObject({ play_state: "playing", current_time: 12.346, duration: 100, volume: 1 });
    expect(report.version).toBe(1_700_000_000_000);
    expect(report.timestamp).toBe(1_700_000_000_000);
    expect(isFreshStart(report)).toBe(false);
  });
});

describe("roomMovedOn", () => {
  it("is false while the room still names the song that ended", () => {
    expect(roomMovedOn(state("a", { current_time: 100, duration: 100, version: 7 }), "a", 7)).toBe(false);
    expect(roomMovedOn(state("a", { play_state: "finished", current_time: 100, duration: 100, version: 8 }), "a", 7)).toBe(false);
  });

  it("is true once another song, or the same one again, has started", () => {
    expect(roomMovedOn(state("b", { version: 9 }), "a", 7)).toBe(true);
    expect(roomMovedOn(state("a", { version: 9 }), "a", 7)).toBe(true);
    expect(roomMovedOn(state(null, { play_state: "finished", version: 9 }), "a", 7)).toBe(true);
  });
});
