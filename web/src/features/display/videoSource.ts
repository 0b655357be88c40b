// How a URL entry is played: a media file straight in a <video>, or a provider's page (a YouTube
// watch URL cannot be a <video> source) through the provider's embedded player.
import { api, ApiError, json } from "../../lib/api";
import type { KaraokeEntry } from "../../lib/protocol/types";

export type VideoSource =
  | { kind: "direct"; url: string }
  | { kind: "embed"; provider: "YouTube" | "Vimeo"; url: string; origin: string };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** The YouTube video id a page URL names, or null. */
export function youtubeId(url: URL): string | null {
  const host = url.hostname.replace(/^(www|m|music)\./, "");
  let id: string | null = null;
  if (host === "youtu.be") id = url.pathname.slice(1).split("/")[0];
  else if (host === "youtube.com" || host === "youtube-nocookie.com") {
    if (url.pathname === "/watch") id = url.searchParams.get("v");
    else {
      const match = /^\/(?:embed|shorts|live|v)\/([^/?#]+)/.exec(url.pathname);
      id = match?.[1] ?? null;
    }
  }
  return id && YOUTUBE_ID.test(id) ? id : null;
}

export function youtubeEmbed(id: string): VideoSource {
  return {
    kind: "embed",
    provider: "YouTube",
    // enablejsapi lets the display pause, resume and hear about the end over postMessage.
    url: `https://www.youtube.com/embed/${id}?autoplay=1&enablejsapi=1&playsinline=1&rel=0`,
    origin: "https://www.youtube.com",
  };
}

/** Where `url` plays: embedded when it is a provider's page, else directly. */
export function classifyVideoUrl(url: string): VideoSource {
  let parsed: URL;
  try {
    parsed = new URL(url, "http://localhost");
  } catch {
    return { kind: "direct", url };
  }
  const youtube = youtubeId(parsed);
  if (youtube) return youtubeEmbed(youtube);
  const vimeo = /^(?:www\.)?vimeo\.com$/.test(parsed.hostname) ? /^\/(\d+)/.exec(parsed.pathname) : null;
  if (vimeo) {
    return { kind: "embed", provider: "Vimeo", url: `https://player.vimeo.com/video/${vimeo[1]}?autoplay=1`, origin: "https://player.vimeo.com" };
  }
  return { kind: "direct", url };
}

/** Answers worth another try: the network, the server's own trouble, rate limits. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500 || error.status === 429 || error.status === 407;
  return error instanceof TypeError;
}

export interface ResolveOptions {
  signal: AbortSignal;
  tries?: number;
  baseDelayMs?: number;
  fetchUrl?: (entry: KaraokeEntry, signal: AbortSignal) => Promise<{ video_url: string | null; note?: string }>;
}

const askServer = (entry: KaraokeEntry, signal: AbortSignal) =>
  api<{ video_url: string | null; note?: string }>("/get_video_url", { ...json(entry), signal });

/**
 * The entry's playable source: its `video_url`, else `/get_video_url` (3 tries, as the original
 * display), else for a YouTube entry (its id is the video id) YouTube's own player.
 */
export async function resolveVideoSource(entry: KaraokeEntry, options: ResolveOptions): Promise<VideoSource> {
  if (entry.video_url) return classifyVideoUrl(entry.video_url);
  const { signal, tries = 3, baseDelayMs = 1500, fetchUrl = askServer } = options;
  let note = "no video was found for it";
  for (let attempt = 0; attempt < tries; attempt++) {
    try {
      const answer = await fetchUrl(entry, signal);
      if (answer.video_url) return classifyVideoUrl(answer.video_url);
      note = answer.note ?? note;
      break;
    } catch (error) {
      if (signal.aborted) throw error;
      note = error instanceof Error ? error.message : String(error);
      if (!isRetryable(error) || attempt === tries - 1) break;
      await delay(baseDelayMs * 2 ** attempt, signal);
    }
  }
  if (entry.source === "youtube" && YOUTUBE_ID.test(entry.id)) return youtubeEmbed(entry.id);
  throw new Error(`This song cannot be played: ${note}`);
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
