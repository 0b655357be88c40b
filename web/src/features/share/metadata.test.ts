import { describe, expect, it } from "vitest";
import { coverDataUrl, readMetadata } from "./metadata";

describe("readMetadata", () => {
  it("reads the contract's Metadata object", () => {
    const metadata = readMetadata({
      title: "Song", artist: "Band", lyrics: "[00:01.00]Hi", hasSyncedLyrics: true,
      elapsedSeconds: 12.5, totalSeconds: 200, thumbnailData: "/9j/AA==", timestamp: 1_700_000_000_000,
    });
    expect(metadata).toEqual({
      title: "Song", artist: "Band", lyrics: "[00:01.00]Hi", hasSyncedLyrics: true,
      elapsedSeconds: 12.5, totalSeconds: 200, thumbnailData: "/9j/AA==", timestamp: 1_700_000_000_000,
    });
  });

  it("takes nulls, blanks, numeric strings and missing fields as the desktop client does", () => {
    expect(readMetadata({ title: null, artist: "  ", elapsedSeconds: "3.5", totalSeconds: -4, hasSyncedLyrics: "true" }))
      .toEqual({
        title: null, artist: null, lyrics: null, hasSyncedLyrics: false,
        elapsedSeconds: 3.5, totalSeconds: 0, thumbnailData: null, timestamp: 0,
      });
  });

  it("refuses what is not an object", () => {
    expect(readMetadata(null)).toBeNull();
    expect(readMetadata("title")).toBeNull();
    expect(readMetadata([1])).toBeNull();
  });
});

describe("coverDataUrl", () => {
  it("types the cover by its first bytes", () => {
    expect(coverDataUrl("/9j/4AAQ")).toBe("data:image/jpeg;base64,/9j/4AAQ");
    expect(coverDataUrl("iVBORw0KGgoAAAA")).toBe("data:image/png;base64,iVBORw0KGgoAAAA");
  });

  it("drops line breaks and refuses what is not base64", () => {
    expect(coverDataUrl("/9j/\n4AAQ")).toBe("data:image/jpeg;base64,/9j/4AAQ");
    expect(coverDataUrl("not base64!")).toBeNull();
    expect(coverDataUrl(null)).toBeNull();
  });
});
