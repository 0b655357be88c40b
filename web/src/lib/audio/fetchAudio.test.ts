import { describe, expect, it } from "vitest";
import { combinedProgress } from "./fetchAudio";

describe("combinedProgress", () => {
  it("weighs each download by its size", () => {
    expect(combinedProgress([{ loaded: 50, total: 100 }, { loaded: 300, total: 300 }])).toBeCloseTo(350 / 400);
  });

  it("is unknown while a size is unknown, or with nothing to load", () => {
    expect(combinedProgress([{ loaded: 5, total: null }, { loaded: 0, total: 10 }])).toBeNull();
    expect(combinedProgress([])).toBeNull();
  });

  it("never passes 1 when a server sends more than it announced", () => {
    expect(combinedProgress([{ loaded: 120, total: 100 }])).toBe(1);
  });
});
