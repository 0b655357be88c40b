import { describe, expect, it } from "vitest";
import { barCount, resamplePeaks, timeAtX, xAtTime } from "./waveformMath";

describe("resamplePeaks", () => {
  it("keeps the loudest peak of each slice when shrinking", () => {
    expect(resamplePeaks([0.1, 0.9, 0.2, 0.3, 0.5, 0.4], 3)).toEqual([0.9, 0.3, 0.5]);
  });

  it("repeats peaks when stretching and clamps to 0..1", () => {
    expect(resamplePeaks([0.2, 1.4], 4)).toEqual([0.2, 0.2, 1, 1]);
    expect(resamplePeaks([], 4)).toEqual([]);
  });
});

describe("x and time", () => {
  it("maps both ways and clamps to the song", () => {
    expect(timeAtX(150, 600, 48_000)).toBe(12_000);
    expect(timeAtX(-20, 600, 48_000)).toBe(0);
    expect(timeAtX(900, 600, 48_000)).toBe(48_000);
    expect(xAtTime(12_000, 600, 48_000)).toBe(150);
    expect(xAtTime(99_000, 600, 48_000)).toBe(600);
    expect(xAtTime(5, 600, 0)).toBe(0);
  });

  it("fits bars with their gaps", () => {
    expect(barCount(600)).toBe(150);
    expect(barCount(1)).toBe(1);
  });
});
