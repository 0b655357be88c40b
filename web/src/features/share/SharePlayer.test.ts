import { describe, expect, it } from "vitest";
import { perceivedGain } from "./SharePlayer";

describe("perceivedGain", () => {
  it("follows the square of the slider, within 0 to 1", () => {
    expect(perceivedGain(0)).toBe(0);
    expect(perceivedGain(0.5)).toBe(0.25);
    expect(perceivedGain(1)).toBe(1);
    expect(perceivedGain(2)).toBe(1);
    expect(perceivedGain(-1)).toBe(0);
  });
});
