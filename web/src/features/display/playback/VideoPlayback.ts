// A URL entry whose URL is a media file: a <video> element the page mounts on the stage.
import { PlaybackBase, type MixRequest, type Playback } from "./Playback";

const MEDIA_ERRORS: Record<number, string> = {
  1: "loading the video was stopped",
  2: "a network error interrupted the video",
  3: "the video could not be decoded",
  4: "the video's format or address is not supported",
};

export class VideoPlayback extends PlaybackBase implements Playback {
  readonly kind = "video" as const;
  readonly reportsProgress = true;
  readonly element: HTMLVideoElement;
  private wantPlaying: boolean;
  private readonly stops: (() => void)[] = [];

  constructor(url: string, options: { startAt: number; paused: boolean; volume: number }) {
    super();
    this.wantPlaying = !options.paused;
    const video = document.createElement("video");
    video.className = "display-video";
    video.playsInline = true;
    video.preload = "auto";
    video.volume = options.volume;
    this.element = video;
    const on = (name: string, handler: () => void) => {
      video.addEventListener(name, handler);
      this.stops.push(() => video.removeEventListener(name, handler));
    };
    on("loadedmetadata", () => {
      if (options.startAt > 0 && options.startAt < video.duration) video.currentTime = options.startAt;
      if (this.wantPlaying) this.play();
      else this.update({ status: "paused" });
    });
    on("playing", () => this.update({ status: "playing", blocked: false }));
    on("waiting", () => this.update({ status: "loading" }));
    on("pause", () => {
      if (!video.ended) this.update({ status: "paused" });
    });
    on("ended", () => this.update({ status: "ended" }));
    on("error", () => this.fail(new Error(`This video cannot be played: ${MEDIA_ERRORS[video.error?.code ?? 0] ?? "unknown error"}`)));
    video.src = url;
  }

  duration(): number {
    const duration = this.element.duration;
    return Number.isFinite(duration) ? duration : 0;
  }

  currentTime(): number {
    return this.element.currentTime;
  }

  heardTime(): number {
    return this.element.currentTime;
  }

  play(): void {
    this.wantPlaying = true;
    if (this.element.readyState === 0 || this.status === "error") return;
    this.element.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === "NotAllowedError") {
        this.update({ blocked: true, status: "paused" });
      } else if (!(error instanceof DOMException && error.name === "AbortError")) {
        this.fail(error);
      }
    });
  }

  pause(): void {
    this.wantPlaying = false;
    this.element.pause();
  }

  seek(seconds: number): void {
    if (this.element.readyState > 0) this.element.currentTime = Math.max(0, seconds);
  }

  setMix(mix: MixRequest): void {
    this.element.volume = Math.min(1, Math.max(0, mix.volume));
  }

  appliedLevels(): { vocal: number | null; volume: number } {
    return { vocal: null, volume: this.element.volume };
  }

  dispose(): void {
    this.stops.forEach((stop) => stop());
    this.element.pause();
    this.element.removeAttribute("src");
    this.element.load();
    this.element.remove();
    super.dispose();
  }
}
