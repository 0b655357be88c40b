// A provider's page (a YouTube watch URL) that no <video> can play: the provider's own embedded
// player. Play, pause and volume go to it over postMessage; it may tell the position and the end
// back (YouTube's and Vimeo's player messages), and when it does not, progress is not reported.
import type { VideoSource } from "../videoSource";
import { PlaybackBase, type MixRequest, type Playback } from "./Playback";

type EmbedSource = Extract<VideoSource, { kind: "embed" }>;

export class EmbedPlayback extends PlaybackBase implements Playback {
  readonly kind = "embed" as const;
  readonly element: HTMLIFrameElement;
  readonly provider: EmbedSource["provider"];
  reportsProgress = false;
  private position = 0;
  private length = 0;
  private volume: number;
  private listenTimer: ReturnType<typeof setInterval> | null = null;
  private readonly onMessage: (event: MessageEvent) => void;

  constructor(private readonly source: EmbedSource, options: { volume: number }) {
    super();
    this.provider = source.provider;
    this.volume = options.volume;
    const frame = document.createElement("iframe");
    frame.className = "display-embed";
    frame.title = `${source.provider} player`;
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    frame.src = source.url;
    this.element = frame;
    this.onMessage = (event) => this.receive(event);
    window.addEventListener("message", this.onMessage);
    frame.addEventListener("load", () => {
      // The player starts itself (autoplay=1); until it says otherwise it is taken to be playing.
      this.update({ status: "playing" });
      this.startListening();
    });
  }

  duration(): number {
    return this.length;
  }

  currentTime(): number {
    return this.position;
  }

  heardTime(): number {
    return this.position;
  }

  play(): void {
    this.command(this.provider === "YouTube" ? { event: "command", func: "playVideo", args: [] } : { method: "play" });
    this.update({ status: "playing" });
  }

  pause(): void {
    this.command(this.provider === "YouTube" ? { event: "command", func: "pauseVideo", args: [] } : { method: "pause" });
    this.update({ status: "paused" });
  }

  seek(seconds: number): void {
    this.command(this.provider === "YouTube"
      ? { event: "command", func: "seekTo", args: [seconds, true] }
      : { method: "setCurrentTime", value: seconds });
  }

  setMix(mix: MixRequest): void {
    this.volume = mix.volume;
    this.command(this.provider === "YouTube"
      ? { event: "command", func: "setVolume", args: [Math.round(mix.volume * 100)] }
      : { method: "setVolume", value: mix.volume });
  }

  appliedLevels(): { vocal: number | null; volume: number } {
    return { vocal: null, volume: this.volume };
  }

  dispose(): void {
    window.removeEventListener("message", this.onMessage);
    if (this.listenTimer) clearInterval(this.listenTimer);
    this.element.remove();
    super.dispose();
  }

  /** Asks the player for its events, again until it answers (it ignores messages while loading). */
  private startListening(): void {
    let tries = 0;
    const ask = () => {
      if (this.reportsProgress || ++tries > 10) {
        if (this.listenTimer) clearInterval(this.listenTimer);
        this.listenTimer = null;
        return;
      }
      if (this.provider === "YouTube") {
        this.command({ event: "listening", id: "chorus-display", channel: "widget" });
        this.command({ event: "command", func: "addEventListener", args: ["onStateChange"] });
      } else {
        for (const value of ["timeupdate", "ended", "play", "pause"]) this.command({ method: "addEventListener", value });
      }
    };
    ask();
    this.listenTimer = setInterval(ask, 1000);
  }

  private command(message: Record<string, unknown>): void {
    this.element.contentWindow?.postMessage(JSON.stringify(message), this.source.origin);
  }

  private receive(event: MessageEvent): void {
    if (event.source !== this.element.contentWindow || event.origin !== this.source.origin) return;
    let message: Record<string, unknown>;
    try {
      message = typeof event.data === "string" ? JSON.parse(event.data) : event.data;
    } catch {
      return;
    }
    if (!message || typeof message !== "object") return;
    if (this.provider === "YouTube") this.receiveYouTube(message);
    else this.receiveVimeo(message);
  }

  private receiveYouTube(message: Record<string, unknown>): void {
    const info = message.info as Record<string, unknown> | number | null;
    if ((message.event === "infoDelivery" || message.event === "initialDelivery") && info && typeof info === "object") {
      if (typeof info.currentTime === "number") this.position = info.currentTime;
      if (typeof info.duration === "number" && info.duration > 0) this.length = info.duration;
      this.reportsProgress = true;
      if (typeof info.playerState === "number") this.playerState(info.playerState);
    } else if (message.event === "onStateChange" && typeof info === "number") {
      this.reportsProgress = true;
      this.playerState(info);
    }
  }

  /** YouTube's states: 0 ended, 1 playing, 2 paused, 3 buffering. */
  private playerState(state: number): void {
    const status = state === 0 ? "ended" : state === 1 ? "playing" : state === 2 ? "paused" : state === 3 ? "loading" : null;
    if (status && status !== this.status) this.update({ status });
  }

  private receiveVimeo(message: Record<string, unknown>): void {
    const data = message.data as Record<string, unknown> | undefined;
    if (message.event === "timeupdate" && data) {
      if (typeof data.seconds === "number") this.position = data.seconds;
      if (typeof data.duration === "number") this.length = data.duration;
      this.reportsProgress = true;
    } else if (message.event === "ended") {
      this.update({ status: "ended" });
    } else if (message.event === "play" || message.event === "pause") {
      this.update({ status: message.event === "play" ? "playing" : "paused" });
    }
  }
}
