import { describe, expect, it } from "vitest";
import { pauseClock, pausedClock, positionAt, startClock } from "./clock";

describe("playback clock", () => {
  it("holds its position while paused", () => {
    const clock = pausedClock(100, 12);
    expect(positionAt(clock, 0)).toBe(12);
    expect(positionAt(clock, 50)).toBe(12);
  });

  it("advances with the context time once started, not before the scheduled start", () => {
    const clock = startClock(pausedClock(100), 10, 5.05);
    expect(positionAt(clock, 5)).toBe(10);
    expect(positionAt(clock, 7.05)).toBeCloseTo(12);
  });

  it("pauses where it was and resumes from there", () => {
    let clock = startClock(pausedClock(100), 0, 1);
    clock = pauseClock(clock, 4);
    expect(clock.playing).toBe(false);
    expect(positionAt(clock, 20)).toBeCloseTo(3);
    clock = startClock(clock, clock.offset, 30);
    expect(positionAt(clock, 32)).toBeCloseTo(5);
  });

  it("stops at the song's end", () => {
    const clock = startClock(pausedClock(48), 40, 0);
    expect(positionAt(clock, 7)).toBe(47);
    expect(positionAt(clock, 9)).toBe(48);
  });

  it("clamps bad offsets into the song", () => {
    expect(pausedClock(10, -3).offset).toBe(0);
    expect(pausedClock(10, 99).offset).toBe(10);
    expect(pausedClock(10, Number.NaN).offset).toBe(0);
  });
});
