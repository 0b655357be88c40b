import { describe, expect, it } from "vitest";
import { formatStamp, isStampable, lineIndexAt, lineStamp, lineText, nextStampable, previousStampable, rebaseEdit, stampLine } from "./lrcEdit";

describe("formatStamp", () => {
  it("writes minutes, seconds and hundredths", () => {
    expect(formatStamp(0)).toBe("[00:00.00]");
    expect(formatStamp(12_345)).toBe("[00:12.35]");
    expect(formatStamp(61_999)).toBe("[01:02.00]");
    expect(formatStamp(3_725_000)).toBe("[62:05.00]");
    expect(formatStamp(-50)).toBe("[00:00.00]");
  });
});

describe("lines", () => {
  it("tells sung lines from tags and blanks", () => {
    expect(isStampable("Hello there")).toBe(true);
    expect(isStampable("[00:01.00]")).toBe(true);
    expect(isStampable("[ti:Song]")).toBe(false);
    expect(isStampable("   ")).toBe(false);
  });

  it("reads a line's words and first stamp", () => {
    expect(lineText("[00:01.50][00:20.00] Hello")).toBe("Hello");
    expect(lineStamp("[01:02.5]x")).toBe(62_500);
    expect(lineStamp("[00:07:25]x")).toBe(7_250);
    expect(lineStamp("no stamp")).toBeNull();
  });
});

describe("stampLine", () => {
  const text = "[ti:Demo]\nFirst line\n[00:05.00][00:30.00]Second line\n\nThird";

  it("adds a stamp to an untimed line and replaces a timed line's stamps", () => {
    expect(stampLine(text, 1, 2_400)).toBe("[ti:Demo]\n[00:02.40]First line\n[00:05.00][00:30.00]Second line\n\nThird");
    expect(stampLine(text, 2, 4_800)).toBe("[ti:Demo]\nFirst line\n[00:04.80]Second line\n\nThird");
  });

  it("leaves tags, blank lines and lines past the end alone", () => {
    expect(stampLine(text, 0, 1000)).toBe(text);
    expect(stampLine(text, 3, 1000)).toBe(text);
    expect(stampLine(text, 9, 1000)).toBe(text);
  });

  it("keeps Windows line ends", () => {
    expect(stampLine("a\r\nb\r\n", 0, 1000)).toBe("[00:01.00]a\r\nb\r\n");
  });

  it("moves on to the next line that can take a time", () => {
    expect(nextStampable(text, 0)).toBe(1);
    expect(nextStampable(text, 2)).toBe(4);
    expect(nextStampable(text, 4)).toBe(-1);
    expect(previousStampable(text, 4)).toBe(2);
    expect(previousStampable(text, 1)).toBe(-1);
  });
});

describe("caret and lines", () => {
  it("maps a caret offset to its line", () => {
    const text = "ab\ncd\nef";
    expect(lineIndexAt(text, 0)).toBe(0);
    expect(lineIndexAt(text, 4)).toBe(1);
    expect(lineIndexAt(text, 99)).toBe(2);
  });
});

describe("rebaseEdit", () => {
  it("takes the new saved text where nothing was edited", () => {
    expect(rebaseEdit("old", "old", "new")).toEqual({ value: "new", keptEdit: false });
    expect(rebaseEdit("new", "old", "new")).toEqual({ value: "new", keptEdit: false });
  });

  it("keeps a person's unsaved edit", () => {
    expect(rebaseEdit("mine", "old", "new")).toEqual({ value: "mine", keptEdit: true });
  });
});
