// Opus chunks decoded with WebCodecs. Each share chunk is handed to the decoder as one packet; the
// decoder answers asynchronously, so its output is matched back to the chunk by timestamp.
import type { AudioFrameHeader } from "./audioFrame";

/** Chunk timestamps given to the decoder: one second per sequence number, far more than a chunk lasts. */
const MICROSECONDS_PER_SEQUENCE = 1_000_000;
/** Headers kept for chunks in the decoder; a decoder that falls this far behind has lost some. */
const MAX_IN_FLIGHT = 200;

export function canDecodeOpus(): boolean {
  return typeof globalThis.AudioDecoder === "function" && typeof globalThis.EncodedAudioChunk === "function";
}

export interface DecodedChunk {
  header: AudioFrameHeader;
  buffer: AudioBuffer;
}

export class OpusChunkDecoder {
  private decoder: AudioDecoder | null = null;
  private configured = "";
  private readonly inFlight = new Map<number, AudioFrameHeader>();

  constructor(
    private readonly onDecoded: (chunk: DecodedChunk) => void,
    private readonly onError: (message: string) => void,
  ) {}

  decode(header: AudioFrameHeader, payload: Uint8Array): void {
    const config = `${header.sampleRate}/${header.channels}`;
    if (!this.decoder || this.decoder.state === "closed" || config !== this.configured) {
      this.open(header);
      this.configured = config;
    }
    const decoder = this.decoder;
    if (!decoder || decoder.state !== "configured") return;
    this.inFlight.set(header.sequenceNumber, header);
    if (this.inFlight.size > MAX_IN_FLIGHT) this.inFlight.delete(this.inFlight.keys().next().value as number);
    try {
      decoder.decode(new EncodedAudioChunk({
        type: "key",
        timestamp: header.sequenceNumber * MICROSECONDS_PER_SEQUENCE,
        data: payload,
      }));
    } catch (error) {
      this.onError(`An Opus chunk could not be decoded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Forgets chunks in flight (a reset stream): their audio would belong to the old one. */
  forget(): void {
    this.inFlight.clear();
  }

  close(): void {
    if (this.decoder && this.decoder.state !== "closed") this.decoder.close();
    this.decoder = null;
    this.inFlight.clear();
  }

  private open(header: AudioFrameHeader): void {
    this.close();
    try {
      const decoder = new AudioDecoder({
        output: (data) => this.output(data),
        error: (error) => {
          this.onError(`This browser cannot play the share's Opus audio (${error.message})`);
          this.configured = "";
        },
      });
      decoder.configure({ codec: "opus", sampleRate: header.sampleRate, numberOfChannels: header.channels });
      this.decoder = decoder;
    } catch (error) {
      this.onError(`This browser cannot play the share's Opus audio (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  private output(data: AudioData): void {
    try {
      const sequenceNumber = Math.floor(data.timestamp / MICROSECONDS_PER_SEQUENCE);
      const header = this.inFlight.get(sequenceNumber);
      if (!header) return;
      const buffer = new AudioBuffer({
        length: data.numberOfFrames, numberOfChannels: data.numberOfChannels, sampleRate: data.sampleRate,
      });
      for (let channel = 0; channel < data.numberOfChannels; channel++) {
        const plane = new Float32Array(data.numberOfFrames);
        data.copyTo(plane, { planeIndex: channel, format: "f32-planar" });
        buffer.copyToChannel(plane, channel);
      }
      this.onDecoded({ header, buffer });
    } finally {
      data.close();
    }
  }
}
