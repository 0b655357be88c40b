import { describe, expect, it } from "vitest";
import { anchorFor, chunkSenderStartMs, songPositionSec } from "./lyricsClock";
import type { ShareMetadata } from "./metadata";

function metadata(elapsedSeconds: number, timestamp: number, title = "Song"): ShareMetadata {
  return {
    title, artist: "Band", lyrics: null, hasSyncedLyrics: false, elapsedSeconds, totalSeconds: 180,
    thumbnailData: null, timestamp,
  };
}

describe("songPositionSec without audio", () => {
  it("runs on from the metadata's position by the local clock since it arrived", () => {
    const anchor = anchorFor(metadata(30, 1_000_000), 5_000, null);
    expect(songPositionSec(anchor, 5_000, null)).toBeCloseTo(30);
    expect(songPositionSec(anchor, 7_500, null)).toBeCloseTo(32.5);
  });

  it("stays within the song", () => {
    const anchor = anchorFor(metadata(179, 1_000_000), 0, null);
    expect(songPositionSec(anchor, 10_000, null)).toBe(180);
  });

  it("stands still while the sender's position does", () => {
    const first = anchorFor(metadata(30, 1_000_000), 0, null);
    const second = anchorFor(metadata(30, 1_000_500), 500, first);
    expect(second.paused).toBe(true);
    expect(songPositionSec(second, 5_000, null)).toBe(30);
    const resumed = anchorFor(metadata(30.1, 1_000_600), 600, second);
    expect(resumed.paused).toBe(false);
  });

  it("does not take a new song starting at the same second for a pause", () => {
    const first = anchorFor(metadata(0, 1_000_000, "One"), 0, null);
    expect(anchorFor(metadata(0, 1_000_500, "Two"), 500, first).paused).toBe(false);
  });
});

describe("songPositionSec with audio", () => {
  it("follows the sample being heard, which lags the metadata by the buffer", () => {
    // The sender was at 30 s at its 1_000_000 ms; the listener now hears its 999_400 ms: 0.6 s behind.
    const anchor = anchorFor(metadata(30, 1_000_000), 5_000, null);
    expect(songPositionSec(anchor, 5_100, 999_400)).toBeCloseTo(29.4);
    expect(songPositionSec(anchor, 6_100, 1_000_400)).toBeCloseTo(30.4);
  });

  it("falls back to the local clock when the audio's stamps are from another clock", () => {
    const anchor = anchorFor(metadata(30, 1_000_000), 5_000, null);
    expect(songPositionSec(anchor, 6_000, 12)).toBeCloseTo(31);
    expect(songPositionSec(anchor, 6_000, 2_000_000)).toBeCloseTo(31);
  });
});

describe("chunkSenderStartMs", () => {
  it("puts a chunk's first sample its length before its stamp", () => {
    expect(chunkSenderStartMs(10_000, 0.25)).toBe(9_750);
  });
});
