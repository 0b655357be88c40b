import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff";

describe("backoffDelay", () => {
  it("starts at one second and doubles up to thirty", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffDelay(attempt, 0.5)))
      .toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it("spreads clients by up to 20 % either way, never below 1 s or above 30 s", () => {
    expect(backoffDelay(2, 0)).toBe(3_200);
    expect(backoffDelay(2, 0.999_999)).toBe(4_800);
    expect(backoffDelay(0, 0)).toBe(1_000);
    expect(backoffDelay(0, 0.999_999)).toBe(1_200);
    expect(backoffDelay(5, 0.999_999)).toBe(30_000);
    expect(backoffDelay(5, 0)).toBe(24_000);
  });

  it("stays finite for very long outages", () => {
    expect(backoffDelay(10_000, 0.5)).toBe(30_000);
  });
});
