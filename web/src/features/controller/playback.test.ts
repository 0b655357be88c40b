import { describe, expect, it } from "vitest";
import { effectivePlaying, interpolatePosition, progressFraction, shownLevel } from "./playback";

describe("interpolatePosition", () => {
  const report = { currentTime: 10, duration: 48, playing: true, receivedAt: 5_000 };

  it("moves on with the clock while playing", () => {
    expect(interpolatePosition(report, 5_000)).toBe(10);
    expect(interpolatePosition(report, 5_750)).toBeCloseTo(10.75);
  });

  it("stays put while paused", () => {
    expect(interpolatePosition({ ...report, playing: false }, 9_000)).toBe(10);
  });

  it("never passes the end of the song", () => {
    expect(interpolatePosition(report, 500_000)).toBe(48);
  });

  it("runs on when the length is unknown, and ignores a clock that went backwards", () => {
    expect(interpolatePosition({ ...report, duration: 0 }, 7_000)).toBe(12);
    expect(interpolatePosition(report, 4_000)).toBe(10);
  });

  it("treats a missing time as the start", () => {
    expect(interpolatePosition({ ...report, currentTime: Number.NaN, playing: false }, 6_000)).toBe(0);
  });
});

describe("progressFraction", () => {
  it("is the share of the song played, within 0..1", () => {
    expect(progressFraction(12, 48)).toBe(0.25);
    expect(progressFraction(60, 48)).toBe(1);
    expect(progressFraction(-1, 48)).toBe(0);
    expect(progressFraction(5, 0)).toBe(0);
  });
});

describe("effectivePlaying", () => {
  it("follows the display when nothing was tapped", () => {
    expect(effectivePlaying(true, null, 0)).toBe(true);
    expect(effectivePlaying(false, null, 0)).toBe(false);
  });

  it("shows a fresh tap at once, before the display confirms it", () => {
    expect(effectivePlaying(true, { playing: false, at: 1_000 }, 1_100)).toBe(false);
  });

  it("trusts the display again once the tap is old", () => {
    expect(effectivePlaying(true, { playing: false, at: 1_000 }, 4_000)).toBe(true);
  });
});

describe("shownLevel", () => {
  it("shows the person's value until the display reports it or the hold ends", () => {
    const local = { value: 0.3, at: 1_000 };
    expect(shownLevel(0.8, local, 1_500)).toBe(0.3);
    expect(shownLevel(0.3, local, 1_500)).toBe(0.3);
    expect(shownLevel(0.8, local, 4_500)).toBe(0.8);
  });

  it("keeps the local value while nothing is reported, and is full without either", () => {
    expect(shownLevel(null, { value: 0.4, at: 0 }, 99_000)).toBe(0.4);
    expect(shownLevel(0.6, null, 0)).toBe(0.6);
    expect(shownLevel(null, null, 0)).toBe(1);
  });
});
