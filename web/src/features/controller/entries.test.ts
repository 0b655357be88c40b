import { describe, expect, it } from "vitest";
import { cleanSinger, entryLabel, parseSearchAnswer, queueSongPayload, searchQuery, sourceLabel } from "./entries";
import type { KaraokeEntry } from "../../lib/protocol/types";

const demo: KaraokeEntry = {
  id: "01a9",
  title: "Chorus Demo",
  artist: "Chorus",
  video_url: "http://host/api/songs/01a9/download/instrumental",
  source: "library",
  uploader: "Chorus library",
  duration: 48.018,
  thumbnail_url: null,
  album: "Chorus",
  page_url: null,
};

describe("queueSongPayload", () => {
  it("sends only the KaraokeEntry keys and the singer", () => {
    expect(queueSongPayload(demo, "  Ana  ")).toEqual({
      id: "01a9",
      title: "Chorus Demo",
      artist: "Chorus",
      video_url: "http://host/api/songs/01a9/download/instrumental",
      source: "library",
      uploader: "Chorus library",
      duration: 48.018,
      singer: "Ana",
    });
  });

  it("leaves the singer out when there is none, and fills the keys the server requires", () => {
    const youtube = { id: "yt1", title: "Song", artist: "", video_url: null, source: "youtube", uploader: "", duration: null };
    expect(queueSongPayload(youtube as KaraokeEntry, "   ")).toEqual({
      id: "yt1", title: "Song", artist: "", video_url: null, source: "youtube", uploader: "", duration: null,
    });
  });
});

describe("cleanSinger", () => {
  it("trims and caps the name at 200 characters", () => {
    expect(cleanSinger(" Bo ")).toBe("Bo");
    expect(cleanSinger("x".repeat(250))).toHaveLength(200);
    expect(cleanSinger("")).toBeNull();
    expect(cleanSinger(null)).toBeNull();
  });
});

describe("parseSearchAnswer", () => {
  it("keeps well-formed entries and the notes", () => {
    const answer = parseSearchAnswer({
      entries: [demo, { title: "no id" }, null],
      providers: [],
      notes: ["youtube did not answer within 8 s", 3],
    });
    expect(answer.entries.map((entry) => entry.id)).toEqual(["01a9"]);
    expect(answer.notes).toEqual(["youtube did not answer within 8 s"]);
  });

  it("answers nothing for a body that is not a search answer", () => {
    expect(parseSearchAnswer("oops")).toEqual({ entries: [], notes: [] });
  });
});

describe("searchQuery", () => {
  it("trims, caps at the server's 200 characters and skips blank text", () => {
    expect(searchQuery("  chorus demo ")).toBe("chorus demo");
    expect(searchQuery("   ")).toBeNull();
    expect(searchQuery("a".repeat(300))).toHaveLength(200);
  });
});

describe("labels", () => {
  it("names sources and entries", () => {
    expect(sourceLabel("library")).toBe("Library");
    expect(sourceLabel("youtube")).toBe("YouTube");
    expect(sourceLabel("vimeo")).toBe("Vimeo");
    expect(entryLabel(demo)).toBe("“Chorus Demo” by Chorus");
    expect(entryLabel({ title: "Solo", artist: "" })).toBe("“Solo”");
  });
});
