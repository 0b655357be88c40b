import { describe, expect, it } from "vitest";
import { formatClock } from "./format";

describe("formatClock", () => {
  it("shows minutes and seconds, and hours when there are any", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(48.018)).toBe("0:48");
    expect(formatClock(83.9)).toBe("1:23");
    expect(formatClock(3723)).toBe("1:02:03");
  });

  it("says the time is unknown rather than showing nonsense", () => {
    expect(formatClock(null)).toBe("–:––");
    expect(formatClock(undefined)).toBe("–:––");
    expect(formatClock(Number.NaN)).toBe("–:––");
    expect(formatClock(Number.POSITIVE_INFINITY)).toBe("–:––");
    expect(formatClock(-3)).toBe("–:––");
    expect(formatClock(null, "")).toBe("");
  });
});
