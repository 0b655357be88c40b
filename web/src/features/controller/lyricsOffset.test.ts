import { describe, expect, it } from "vitest";
import { clampOffset, describeOffset, formatOffset, nudgeOffset } from "./lyricsOffset";

describe("nudgeOffset", () => {
  it("steps by whole milliseconds", () => {
    expect(nudgeOffset(0, 250)).toBe(250);
    expect(nudgeOffset(250, -500)).toBe(-250);
    expect(nudgeOffset(100.4, 250)).toBe(350);
  });

  it("stays within ±60 s", () => {
    expect(nudgeOffset(59_900, 250)).toBe(60_000);
    expect(nudgeOffset(-59_900, -250)).toBe(-60_000);
  });

  it("treats a missing offset as none", () => {
    expect(nudgeOffset(Number.NaN, 250)).toBe(250);
    expect(clampOffset(Number.POSITIVE_INFINITY)).toBe(0);
  });
});

describe("formatOffset and describeOffset", () => {
  it("signs the offset and says which way it moves the lyrics", () => {
    expect(formatOffset(0)).toBe("0 s");
    expect(formatOffset(250)).toBe("+0.25 s");
    expect(formatOffset(-1500)).toBe("\u22121.5 s");
    expect(formatOffset(2000)).toBe("+2 s");
    expect(describeOffset(0)).toBe("Lyrics in time with the song");
    expect(describeOffset(750)).toBe("Lyrics 0.75 s later");
    expect(describeOffset(-250)).toBe("Lyrics 0.25 s earlier");
  });
});
