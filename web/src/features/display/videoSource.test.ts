import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api";
import type { KaraokeEntry } from "../../lib/protocol/types";
import { classifyVideoUrl, isRetryable, resolveVideoSource } from "./videoSource";

const entry = (extra: Partial<KaraokeEntry> = {}): KaraokeEntry => ({
  id: "dQw4w9WgXcQ", title: "T", artist: "A", video_url: null, source: "youtube", uploader: "U", duration: 200, ...extra,
});

describe("classifyVideoUrl", () => {
  it("plays media files directly", () => {
    expect(classifyVideoUrl("https://rr1.googlevideo.com/videoplayback?id=1")).toEqual({
      kind: "direct", url: "https://rr1.googlevideo.com/videoplayback?id=1",
    });
    expect(classifyVideoUrl("/media/song.mp4").kind).toBe("direct");
  });

  it("embeds YouTube pages in every form", () => {
    for (const url of [
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3",
      "https://youtu.be/dQw4w9WgXcQ",
      "https://m.youtube.com/shorts/dQw4w9WgXcQ",
      "https://music.youtube.com/watch?v=dQw4w9WgXcQ",
    ]) {
      const source = classifyVideoUrl(url);
      expect(source.kind).toBe("embed");
      expect(source.url).toMatch(/^https:\/\/www\.youtube\.com\/embed\/dQw4w9WgXcQ\?autoplay=1/);
    }
  });

  it("embeds Vimeo pages", () => {
    expect(classifyVideoUrl("https://vimeo.com/76979871").url).toBe("https://player.vimeo.com/video/76979871?autoplay=1");
  });

  it("does not take a broken watch URL for a video", () => {
    expect(classifyVideoUrl("https://www.youtube.com/watch?v=short").kind).toBe("direct");
  });
});

describe("resolveVideoSource", () => {
  const signal = new AbortController().signal;

  it("uses the entry's URL when it has one", async () => {
    const source = await resolveVideoSource(entry({ video_url: "https://cdn.example/v.mp4" }), { signal });
    expect(source).toEqual({ kind: "direct", url: "https://cdn.example/v.mp4" });
  });

  it("asks the server, up to three times on failures worth retrying", async () => {
    let calls = 0;
    const source = await resolveVideoSource(entry(), {
      signal,
      baseDelayMs: 1,
      fetchUrl: async () => {
        calls += 1;
        if (calls < 3) throw new ApiError(503, "busy");
        return { video_url: "https://cdn.example/v.mp4" };
      },
    });
    expect(calls).toBe(3);
    expect(source.url).toBe("https://cdn.example/v.mp4");
  });

  it("falls back to YouTube's player when the server finds no URL for a YouTube entry", async () => {
    const source = await resolveVideoSource(entry(), { signal, fetchUrl: async () => ({ video_url: null, note: "yt-dlp missing" }) });
    expect(source.kind).toBe("embed");
  });

  it("says why when nothing can play", async () => {
    await expect(resolveVideoSource(entry({ source: "vimeo", id: "1" }), {
      signal, fetchUrl: async () => ({ video_url: null, note: "not found" }),
    })).rejects.toThrow("This song cannot be played: not found");
  });

  it("retries only what may work next time", () => {
    expect(isRetryable(new ApiError(502, "x"))).toBe(true);
    expect(isRetryable(new ApiError(429, "x"))).toBe(true);
    expect(isRetryable(new ApiError(422, "x"))).toBe(false);
    expect(isRetryable(new TypeError("fetch failed"))).toBe(true);
  });
});
