import { describe, expect, it } from "vitest";
import { timeAgo } from "./timeAgo";

describe("timeAgo", () => {
  const now = 1_800_000_000_000;
  it("rounds down to the largest whole unit", () => {
    expect(timeAgo(now - 20_000, now)).toBe("just now");
    expect(timeAgo(now - 5 * 60_000 - 59_000, now)).toBe("5 min ago");
    expect(timeAgo(now - 3 * 3_600_000, now)).toBe("3 h ago");
    expect(timeAgo(now - 30 * 3_600_000, now)).toBe("yesterday");
    expect(timeAgo(now - 5 * 86_400_000, now)).toBe("5 days ago");
  });
  it("copes with a missing time and a clock that went back", () => {
    expect(timeAgo(0, now)).toBe("a while ago");
    expect(timeAgo(now + 60_000, now)).toBe("just now");
  });
});
