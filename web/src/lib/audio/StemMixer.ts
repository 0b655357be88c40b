// Plays a song's decoded stems in sample-accurate sync through one Web Audio graph:
//   instrumental → instrumental level ┐
//   vocals       → vocal level        ┴→ sum (loudness compensation × song gain) → master → limiter
// Both sources start at the same context time with the same offset; pause and seek stop them and
// start fresh ones, so the clock (clock.ts) and the samples never drift apart.
import { pauseClock, pausedClock, positionAt, startClock, type PlaybackClock } from "./clock";
import type { MixGains } from "./mix";
import type { StemTracks } from "./loadStems";
import { silence } from "./sources";

/** Short enough to follow a slider, long enough that a level change never clicks. */
const SMOOTHING_SECONDS = 0.04;
/** Lead time so both sources are scheduled before the first sample must play. */
const START_LEAD_SECONDS = 0.05;

export class StemMixer {
  readonly duration: number;
  readonly hasVocals: boolean;
  /** Called once when the song plays to its end (not on pause, seek or dispose). */
  onEnded: (() => void) | null = null;

  private readonly instrumentalLevel: GainNode;
  private readonly vocalLevel: GainNode;
  private readonly sum: GainNode;
  private readonly master: GainNode;
  private readonly limiter: DynamicsCompressorNode;
  private clock: PlaybackClock;
  private sources: AudioBufferSourceNode[] = [];
  /** Bumped on every stop, so the `ended` events of stopped sources are told from a real end. */
  private run = 0;
  private disposed = false;

  constructor(private readonly context: AudioContext, private readonly tracks: StemTracks, initial: MixGains) {
    this.duration = Math.max(tracks.instrumental.duration, tracks.vocals?.duration ?? 0);
    this.hasVocals = tracks.vocals !== null;
    this.clock = pausedClock(this.duration);
    this.instrumentalLevel = new GainNode(context, { gain: initial.instrumental });
    this.vocalLevel = new GainNode(context, { gain: initial.vocal });
    this.sum = new GainNode(context, { gain: initial.sum });
    this.master = new GainNode(context, { gain: initial.master });
    // A safety net for songs the per-song gain lifts into clipping; idle on normal material.
    this.limiter = new DynamicsCompressorNode(context, { threshold: -1, knee: 0, ratio: 20, attack: 0.003, release: 0.25 });
    this.instrumentalLevel.connect(this.sum);
    this.vocalLevel.connect(this.sum);
    this.sum.connect(this.master);
    this.master.connect(this.limiter);
    this.limiter.connect(context.destination);
  }

  get playing(): boolean {
    return this.clock.playing;
  }

  /** The position (s) of the samples being scheduled now. */
  get position(): number {
    return positionAt(this.clock, this.context.currentTime);
  }

  /** The position (s) of what comes out of the speakers now (output latency taken off). */
  get heardPosition(): number {
    if (!this.clock.playing) return this.position;
    const latency = (this.context.outputLatency || 0) + (this.context.baseLatency || 0);
    return Math.max(this.clock.offset, this.position - latency);
  }

  /** The guide-vocal level the graph applies right now (mid-fade values included). */
  get vocalLevelNow(): number {
    return this.vocalLevel.gain.value;
  }

  get volumeNow(): number {
    return this.master.gain.value;
  }

  play(): void {
    if (this.disposed || this.clock.playing) return;
    const from = this.clock.offset >= this.duration ? 0 : this.clock.offset;
    this.startSources(from);
  }

  pause(): void {
    if (!this.clock.playing) return;
    const now = this.context.currentTime;
    this.stopSources();
    this.clock = pauseClock(this.clock, now);
  }

  /** Moves to `position` (s), playing on from there if it was playing. */
  seek(position: number): void {
    if (this.disposed) return;
    const wasPlaying = this.clock.playing;
    this.stopSources();
    this.clock = pausedClock(this.duration, position);
    if (wasPlaying) this.startSources(this.clock.offset);
  }

  /** Glides every gain to its new value. */
  apply(gains: MixGains): void {
    const now = this.context.currentTime;
    const glide = (param: AudioParam, value: number) => {
      param.cancelScheduledValues(now);
      param.setValueAtTime(param.value, now);
      param.setTargetAtTime(value, now, SMOOTHING_SECONDS);
    };
    glide(this.instrumentalLevel.gain, gains.instrumental);
    glide(this.vocalLevel.gain, gains.vocal);
    glide(this.sum.gain, gains.sum);
    glide(this.master.gain, gains.master);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.onEnded = null;
    this.stopSources();
    this.limiter.disconnect();
    this.master.disconnect();
  }

  private startSources(offset: number): void {
    const at = this.context.currentTime + START_LEAD_SECONDS;
    const run = ++this.run;
    const pairs: [AudioBuffer | null, GainNode][] = [
      [this.tracks.instrumental, this.instrumentalLevel],
      [this.tracks.vocals, this.vocalLevel],
    ];
    let running = 0;
    for (const [buffer, level] of pairs) {
      if (!buffer) continue;
      const source = new AudioBufferSourceNode(this.context, { buffer });
      source.connect(level);
      running += 1;
      source.onended = () => {
        running -= 1;
        if (run !== this.run || running > 0) return;
        this.sources = [];
        this.clock = pausedClock(this.duration, this.duration);
        this.onEnded?.();
      };
      // A stem shorter than the offset has nothing left to play; start() would throw past its end.
      if (offset < buffer.duration) {
        source.start(at, offset);
      } else {
        source.start(at, 0, 0);
      }
      this.sources.push(source);
    }
    this.clock = startClock(this.clock, offset, at);
  }

  private stopSources(): void {
    this.run += 1;
    silence(this.sources);
    this.sources = [];
  }
}
