// Opus chunks decoded with WebCodecs. Each share chunk is handed to the decoder as one packet; the
// decoder answers asynchronously and in order, one AudioData per packet. Its output timestamps cannot
// name the chunk (Chrome restamps them from the first input plus the decoded durations), so outputs
// are matched to chunks in decode order.
import type { AudioFrameHeader } from "./audioFrame";

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
  private inFlight: AudioFrameHeader[] = [];
  /** The chunk of the latest output: a packet decoding into more than one AudioData extends it. */
  private lastDecoded: AudioFrameHeader | null = null;

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
    this.inFlight.push(header);
    if (this.inFlight.length > MAX_IN_FLIGHT) this.inFlight.shift();
    try {
      decoder.decode(new EncodedAudioChunk({ type: "key", timestamp: header.timestamp * 1000, data: payload }));
    } catch (error) {
      this.onError(`An Opus chunk could not be decoded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Drops the chunks in flight (a reset stream): a fresh decoder, so no old output is taken for new. */
  forget(): void {
    this.close();
  }

  close(): void {
    if (this.decoder && this.decoder.state !== "closed") this.decoder.close();
    this.decoder = null;
    this.configured = "";
    this.inFlight = [];
    this.lastDecoded = null;
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
      const header = this.inFlight.shift() ?? this.lastDecoded;
      if (!header) return;
      this.lastDecoded = header;
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
