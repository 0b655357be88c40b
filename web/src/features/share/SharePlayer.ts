// Plays a share's audio frames through Web Audio: frames are parsed and decoded to AudioBuffers,
// ordered by the jitter buffer, and each started at its place on the AudioContext clock. The timing
// decisions are the jitter buffer's (pure, tested); this class only carries them out.
import { silence } from "../../lib/audio/sources";
import { deinterleavePcmF32le, parseAudioFrame, type AudioFrameHeader, type ShareAudioFormat } from "./audioFrame";
import { DEFAULT_JITTER_CONFIG, JitterBuffer, type JitterStats } from "./jitterBuffer";
import { chunkSenderStartMs } from "./lyricsClock";
import { canDecodeOpus, OpusChunkDecoder, type DecodedChunk } from "./opusDecoder";

/** How often the buffer is looked at between arrivals (gap deadlines and underruns depend on time). */
const PUMP_INTERVAL_MS = 50;
/**
 * Playback (re)starts once frames have stopped coming for BURST_SETTLE_MS: a newcomer's backlog comes
 * as a burst, and starting amid it would keep the listener behind live by the rest of the burst. A
 * stream of small chunks (20 ms Opus packets) never pauses that long, so the wait is capped.
 */
const BURST_SETTLE_MS = 40;
const MAX_SETTLE_MS = 150;

export type AudioOutputState = "running" | "suspended" | "closed" | "unavailable";

export interface PlayerSnapshot {
  jitter: JitterStats;
  output: AudioOutputState;
  format: ShareAudioFormat | null;
  sampleRate: number | null;
  channels: number | null;
  /** Why audio cannot play (no Opus decoder, a broken frame), for the listener to read. */
  problem: string | null;
  malformedFrames: number;
}

export class SharePlayer {
  private context: AudioContext | null = null;
  private gain: GainNode | null = null;
  private readonly jitter = new JitterBuffer<AudioBuffer>(DEFAULT_JITTER_CONFIG);
  private readonly sources = new Set<AudioBufferSourceNode>();
  private opus: OpusChunkDecoder | null = null;
  private pumpTimer: ReturnType<typeof setInterval> | null = null;
  private lastHeader: AudioFrameHeader | null = null;
  private problem: string | null = null;
  private malformedFrames = 0;
  private lastArrivalMs = 0;
  private readySinceMs: number | null = null;
  private stopped = false;
  private volume: number;

  constructor(private readonly sessionId: string, volume: number, private readonly onChange: () => void = () => {}) {
    this.volume = volume;
    try {
      this.context = new AudioContext({ latencyHint: "playback" });
      this.gain = this.context.createGain();
      this.gain.gain.value = perceivedGain(volume);
      this.gain.connect(this.context.destination);
      this.context.onstatechange = () => {
        this.pump();
        this.onChange();
      };
    } catch {
      this.problem = "This browser cannot play audio (no Web Audio)";
    }
    this.pumpTimer = setInterval(() => this.pump(), PUMP_INTERVAL_MS);
  }

  /** A binary frame from the socket. Frames of other sessions and broken frames are dropped. */
  handleFrame(data: ArrayBuffer): void {
    if (this.stopped || !this.context) return;
    let header: AudioFrameHeader;
    let payload: Uint8Array;
    try {
      ({ header, payload } = parseAudioFrame(data));
    } catch (error) {
      this.malformed(error);
      return;
    }
    if (header.sessionId !== this.sessionId) return;
    this.lastHeader = header;
    if (header.format === "opus") {
      this.decodeOpus(header, payload);
      return;
    }
    try {
      const planes = deinterleavePcmF32le(payload, header.channels);
      if (planes[0].length === 0) return;
      const buffer = new AudioBuffer({ length: planes[0].length, numberOfChannels: header.channels, sampleRate: header.sampleRate });
      planes.forEach((plane, channel) => buffer.copyToChannel(plane as Float32Array<ArrayBuffer>, channel));
      this.enqueue(header, buffer);
    } catch (error) {
      this.malformed(error);
    }
  }

  /** Starts over with the stream that follows (a reconnect's resync): silences what was scheduled. */
  resetStream(): void {
    silence(this.sources);
    this.sources.clear();
    this.jitter.reset();
    this.opus?.forget();
  }

  /** The share ended: nothing more is played. */
  stop(): void {
    this.stopped = true;
    this.resetStream();
    this.onChange();
  }

  setVolume(volume: number): void {
    this.volume = volume;
    if (this.context && this.gain) this.gain.gain.setTargetAtTime(perceivedGain(volume), this.context.currentTime, 0.03);
  }

  /** The "Tap to listen" gesture: browsers start audio only after one. */
  async resume(): Promise<void> {
    await this.context?.resume();
    this.pump();
    this.onChange();
  }

  snapshot(): PlayerSnapshot {
    const now = this.context?.currentTime ?? 0;
    return {
      jitter: this.jitter.stats(now),
      output: this.context ? (this.context.state as AudioOutputState) : "unavailable",
      format: this.lastHeader?.format ?? null,
      sampleRate: this.lastHeader?.sampleRate ?? null,
      channels: this.lastHeader?.channels ?? null,
      problem: this.problem,
      malformedFrames: this.malformedFrames,
    };
  }

  /** The sender's clock (ms) of the sample coming out of the speakers now, or null in silence. */
  heardSenderMs(): number | null {
    const context = this.context;
    if (!context || context.state !== "running") return null;
    const outputDelay = (context.baseLatency ?? 0) + (context.outputLatency ?? 0);
    return this.jitter.senderTimeAt(context.currentTime - outputDelay);
  }

  get currentVolume(): number {
    return this.volume;
  }

  close(): void {
    this.stopped = true;
    if (this.pumpTimer) clearInterval(this.pumpTimer);
    this.pumpTimer = null;
    this.resetStream();
    this.opus?.close();
    void this.context?.close().catch(() => {});
  }

  private decodeOpus(header: AudioFrameHeader, payload: Uint8Array): void {
    if (!canDecodeOpus()) {
      this.problem = "This browser cannot play Opus audio, which this share sends. Try a current Chrome, Edge or Firefox.";
      return;
    }
    this.opus ??= new OpusChunkDecoder(
      (decoded) => this.decodedOpus(decoded),
      (message) => {
        this.problem = message;
        this.onChange();
      },
    );
    this.opus.decode(header, payload);
  }

  private decodedOpus({ header, buffer }: DecodedChunk): void {
    if (this.stopped) return;
    // A packet can decode in several parts: a later part extends its chunk while it waits.
    const extended = this.jitter.update(header.sequenceNumber, (chunk) => {
      const joined = concatenate(chunk.payload, buffer);
      return { ...chunk, payload: joined, durationSec: joined.duration };
    });
    if (!extended) this.enqueue(header, buffer);
    else this.pump();
  }

  private enqueue(header: AudioFrameHeader, buffer: AudioBuffer): void {
    this.problem = null;
    this.jitter.push({
      sequenceNumber: header.sequenceNumber,
      durationSec: buffer.duration,
      senderStartMs: chunkSenderStartMs(header.timestamp, buffer.duration),
      payload: buffer,
    });
    this.lastArrivalMs = performance.now();
    if (this.jitter.isPlaying) this.pump();
  }

  /** Hands due chunks to Web Audio. Not while the context is suspended: its clock stands still. */
  private pump(): void {
    const context = this.context;
    const gain = this.gain;
    if (this.stopped || !context || !gain || context.state !== "running") return;
    if (this.jitter.canStart) {
      const nowMs = performance.now();
      this.readySinceMs ??= nowMs;
      if (nowMs - this.lastArrivalMs < BURST_SETTLE_MS && nowMs - this.readySinceMs < MAX_SETTLE_MS) return;
    }
    this.readySinceMs = null;
    for (const chunk of this.jitter.take(context.currentTime)) {
      const source = context.createBufferSource();
      source.buffer = chunk.payload;
      source.connect(gain);
      source.onended = () => {
        source.disconnect();
        this.sources.delete(source);
      };
      this.sources.add(source);
      source.start(chunk.startTime);
    }
  }

  private malformed(error: unknown): void {
    this.malformedFrames += 1;
    this.problem = `A broken audio chunk was skipped: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Sliders feel even when loudness follows their square (ears hear logarithmically). */
export function perceivedGain(volume: number): number {
  const clamped = Math.min(1, Math.max(0, volume));
  return clamped * clamped;
}

function concatenate(first: AudioBuffer, second: AudioBuffer): AudioBuffer {
  if (first.numberOfChannels !== second.numberOfChannels || first.sampleRate !== second.sampleRate) return first;
  const joined = new AudioBuffer({
    length: first.length + second.length, numberOfChannels: first.numberOfChannels, sampleRate: first.sampleRate,
  });
  for (let channel = 0; channel < first.numberOfChannels; channel++) {
    joined.copyToChannel(first.getChannelData(channel), channel, 0);
    joined.copyToChannel(second.getChannelData(channel), channel, first.length);
  }
  return joined;
}
