// One thing the TV plays — a library song's stems, a video file, or a provider's embedded player —
// behind one interface, so the room flow (load, report, play/pause, advance) is the same for all.
import type { LoadProgress } from "../../../lib/audio/loadStems";

export type PlaybackStatus = "loading" | "playing" | "paused" | "ended" | "error";

export interface MixRequest {
  vocal: number;
  instrumental: number;
  volume: number;
}

export interface Playback {
  readonly kind: "library" | "video" | "embed";
  readonly status: PlaybackStatus;
  /** Why it failed (status "error"). */
  readonly error: string | null;
  /** Download and decode progress while loading; null when unknown or done. */
  readonly loadProgress: LoadProgress | null;
  /** The browser refused to start it without a click (autoplay policy). */
  readonly blocked: boolean;
  /** Whether the position is known; an embedded player may not tell it. */
  readonly reportsProgress: boolean;
  /** The element to show (video, iframe), or null for audio only. */
  readonly element: HTMLElement | null;
  /** Length (s), 0 while unknown. */
  duration(): number;
  /** The playback clock (s): what is being played now. */
  currentTime(): number;
  /** What the audience hears now (s): the clock less the output latency, for lyrics and graphics. */
  heardTime(): number;
  play(): void;
  pause(): void;
  seek(seconds: number): void;
  setMix(mix: MixRequest): void;
  /** The guide-vocal level (null without stems) and the master volume as applied right now. */
  appliedLevels(): { vocal: number | null; volume: number };
  /** Calls `listener` on every change of status, error, progress or blocked. */
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

/** The listener bookkeeping and state changes every kind of playback shares. */
export abstract class PlaybackBase {
  status: PlaybackStatus = "loading";
  error: string | null = null;
  loadProgress: LoadProgress | null = null;
  blocked = false;
  protected disposed = false;
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected update(change: Partial<Pick<PlaybackBase, "status" | "error" | "loadProgress" | "blocked">>): void {
    if (this.disposed) return;
    Object.assign(this, change);
    for (const listener of [...this.listeners]) listener();
  }

  protected fail(error: unknown): void {
    if (this.disposed || (error instanceof DOMException && error.name === "AbortError")) return;
    this.update({ status: "error", error: error instanceof Error ? error.message : String(error), loadProgress: null });
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
