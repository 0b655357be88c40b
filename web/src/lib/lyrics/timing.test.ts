import { describe, expect, it } from "vitest";
import { lyricsPosition, parseLrc, type LyricLine } from "./timing";

const line = (startMs: number, endMs: number, text: string, words: LyricLine["words"] = []): LyricLine =>
  ({ startMs, endMs, text, words });

const song: LyricLine[] = [
  line(2_000, 4_000, "First line"),
  line(4_000, 6_000, ""),
  line(6_000, 10_000, "Third line"),
];

describe("lyricsPosition", () => {
  it("counts in before the first line and names it as next", () => {
    expect(lyricsPosition(song, 500)).toEqual({ current: -1, next: 0, lineProgress: 0, wordProgress: [], countInMs: 1_500 });
  });

  it("follows the line being sung and its progress", () => {
    expect(lyricsPosition(song, 3_000)).toMatchObject({ current: 0, next: 2, lineProgress: 0.5 });
    expect(lyricsPosition(song, 8_000)).toMatchObject({ current: 2, next: -1, lineProgress: 0.5 });
    expect(lyricsPosition(song, 60_000)).toMatchObject({ current: 2, lineProgress: 1 });
  });

  it("skips an instrumental gap when naming the next line", () => {
    expect(lyricsPosition(song, 4_500)).toMatchObject({ current: 1, next: 2 });
  });

  it("shifts the lyrics by the room's offset: positive shows them later", () => {
    expect(lyricsPosition(song, 2_100, 0).current).toBe(0);
    expect(lyricsPosition(song, 2_100, 500).current).toBe(-1);
    expect(lyricsPosition(song, 1_600, -500).current).toBe(0);
  });

  it("measures a line with timed words by its words, longer words weighing more", () => {
    const timed = [line(0, 3_000, "Hello big world", [
      { startMs: 0, endMs: 1_000, text: "Hello " },
      { startMs: 1_000, endMs: 2_000, text: "big " },
      { startMs: 2_000, endMs: 3_000, text: "world" },
    ])];
    const position = lyricsPosition(timed, 1_500);
    expect(position.wordProgress).toEqual([1, 0.5, 0]);
    // Hello (5) sung, big (3) half: 6.5 of 13 characters.
    expect(position.lineProgress).toBeCloseTo(6.5 / 13, 5);
  });

  it("has no current line for lyrics without timing", () => {
    const plain: LyricLine[] = [{ startMs: null, endMs: null, text: "Just words", words: [] }];
    expect(lyricsPosition(plain, 5_000)).toMatchObject({ current: -1, next: 0 });
    expect(lyricsPosition([], 5_000)).toMatchObject({ current: -1, next: -1 });
  });
});

describe("parseLrc", () => {
  it("reads stamps in every usual form, several per line, sorted, each line ending where the next begins", () => {
    const lines = parseLrc("[ti:Song]\n[00:12.5]Chorus\n[00:01.00][00:30:20]Twice\n[0:05]Five\n", 40_000);
    expect(lines.map((l) => [l.startMs, l.endMs, l.text])).toEqual([
      [1_000, 5_000, "Twice"],
      [5_000, 12_500, "Five"],
      [12_500, 30_200, "Chorus"],
      [30_200, 40_000, "Twice"],
    ]);
  });

  it("applies [offset:] as LRC does: positive shows the lyrics sooner", () => {
    expect(parseLrc("[offset:+500]\n[00:02.00]Line")[0].startMs).toBe(1_500);
    expect(parseLrc("[offset:-250]\n[00:02.00]Line")[0].startMs).toBe(2_250);
  });

  it("reads enhanced word marks, a mark followed by nothing ending the word before it", () => {
    const [first] = parseLrc("[00:01.00]<00:01.00>Hel<00:01.50>lo <00:02.00>you<00:03.00>\n[00:05.00]Next");
    expect(first.text).toBe("Hello you");
    expect(first.words).toEqual([
      { startMs: 1_000, endMs: 1_500, text: "Hel" },
      { startMs: 1_500, endMs: 2_000, text: "lo " },
      { startMs: 2_000, endMs: 3_000, text: "you" },
    ]);
  });

  it("gives untimed lines for lyrics without stamps, leaving out tags", () => {
    expect(parseLrc("[ar:Someone]\nOne\n\nTwo")).toEqual([
      { startMs: null, endMs: null, text: "One", words: [] },
      { startMs: null, endMs: null, text: "Two", words: [] },
    ]);
  });
});
