import { describe, expect, it } from "vitest";
import type { LyricLine } from "../../lib/lyrics/timing";
import { countInBeat, lineFill, msUntilLine } from "./lyricsLayout";

const line = (text: string, words: LyricLine["words"] = []): LyricLine => ({ startMs: 1000, endMs: 3000, text, words });

describe("lineFill", () => {
  it("sweeps an untimed line word by word, weighted by letters", () => {
    const pieces = lineFill(line("I love karaoke"), { lineProgress: 0.5, wordProgress: [] });
    expect(pieces.map((piece) => piece.text)).toEqual(["I ", "love ", "karaoke"]);
    // 12 letters; half is 6: "I" (1) and "love" (4) sung, then 1 of 7 letters of "karaoke".
    expect(pieces[0].fill).toBe(1);
    expect(pieces[1].fill).toBe(1);
    expect(pieces[2].fill).toBeCloseTo(1 / 7);
    expect(pieces.map((piece) => piece.text).join("")).toBe("I love karaoke");
  });

  it("uses the words' own timing when the line has it", () => {
    const timed = line("Hel lo", [
      { startMs: 1000, endMs: 1500, text: "Hel " },
      { startMs: 1500, endMs: 2000, text: "lo" },
    ]);
    expect(lineFill(timed, { lineProgress: 0.7, wordProgress: [1, 0.25] })).toEqual([
      { text: "Hel ", fill: 1 },
      { text: "lo", fill: 0.25 },
    ]);
  });

  it("leaves an empty line empty", () => {
    expect(lineFill(line(""), { lineProgress: 0.5, wordProgress: [] })).toEqual([]);
  });
});

describe("count-in", () => {
  const lines = [line("a"), { ...line("b"), startMs: 9000 }];

  it("measures the time to a line with the offset", () => {
    expect(msUntilLine(lines, 1, 5000, 0)).toBe(4000);
    expect(msUntilLine(lines, 1, 5000, 500)).toBe(4500);
    expect(msUntilLine(lines, 1, 9500, 0)).toBe(0);
    expect(msUntilLine([{ ...line("x"), startMs: null }], 0, 0, 0)).toBeNull();
  });

  it("counts 3, 2, 1 in the last three seconds", () => {
    expect(countInBeat(4000)).toBeNull();
    expect(countInBeat(3000)).toBe(3);
    expect(countInBeat(2500)).toBe(3);
    expect(countInBeat(1200)).toBe(2);
    expect(countInBeat(300)).toBe(1);
    expect(countInBeat(0)).toBeNull();
  });
});
