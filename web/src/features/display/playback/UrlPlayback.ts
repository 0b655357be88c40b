// A URL entry: finds its playable source first (the entry's URL, else /get_video_url), then plays
// it in a <video> or through the provider's embedded player. Until then it is "loading".
import type { KaraokeEntry } from "../../../lib/protocol/types";
import { resolveVideoSource } from "../videoSource";
import { EmbedPlayback } from "./EmbedPlayback";
import { PlaybackBase, type MixRequest, type Playback } from "./Playback";
import { VideoPlayback } from "./VideoPlayback";

export class UrlPlayback extends PlaybackBase implements Playback {
  /** "video" until the source turns out to be a provider's page. */
  kind: "video" | "embed" = "video";
  private inner: VideoPlayback | EmbedPlayback | null = null;
  private readonly abort = new AbortController();
  private wantPlaying: boolean;
  private mix: MixRequest;

  constructor(entry: KaraokeEntry, options: { startAt: number; paused: boolean; mix: MixRequest }) {
    super();
    this.wantPlaying = !options.paused;
    this.mix = options.mix;
    resolveVideoSource(entry, { signal: this.abort.signal })
      .then((source) => {
        if (this.disposed) return;
        const inner = source.kind === "direct"
          ? new VideoPlayback(source.url, { startAt: options.startAt, paused: !this.wantPlaying, volume: this.mix.volume })
          : new EmbedPlayback(source, { volume: this.mix.volume });
        this.kind = inner.kind;
        this.inner = inner;
        inner.subscribe(() => this.update({ status: inner.status, error: inner.error, blocked: inner.blocked }));
        this.update({});
      })
      .catch((error: unknown) => this.fail(error));
  }

  get element(): HTMLElement | null {
    return this.inner?.element ?? null;
  }

  get reportsProgress(): boolean {
    return this.inner?.reportsProgress ?? true;
  }

  /** The embedded player's provider, when the entry plays through one. */
  get provider(): string | null {
    return this.inner instanceof EmbedPlayback ? this.inner.provider : null;
  }

  duration(): number {
    return this.inner?.duration() ?? 0;
  }

  currentTime(): number {
    return this.inner?.currentTime() ?? 0;
  }

  heardTime(): number {
    return this.inner?.heardTime() ?? 0;
  }

  play(): void {
    this.wantPlaying = true;
    this.inner?.play();
  }

  pause(): void {
    this.wantPlaying = false;
    this.inner?.pause();
  }

  seek(seconds: number): void {
    this.inner?.seek(seconds);
  }

  setMix(mix: MixRequest): void {
    this.mix = mix;
    this.inner?.setMix(mix);
  }

  appliedLevels(): { vocal: number | null; volume: number } {
    return this.inner?.appliedLevels() ?? { vocal: null, volume: this.mix.volume };
  }

  dispose(): void {
    this.abort.abort();
    this.inner?.dispose();
    this.inner = null;
    super.dispose();
  }
}
