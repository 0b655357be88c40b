// The music share's binary audio frame (docs/protocol.md §11, push over /ws):
// [header length: uint16 big-endian][header: UTF-8 JSON][payload bytes]. Parsed strictly so that a
// malformed frame is dropped with a reason instead of being played as noise.

export type ShareAudioFormat = "pcm_f32le" | "opus";

export interface AudioFrameHeader {
  sessionId: string;
  sequenceNumber: number;
  /** The sender's clock, ms. */
  timestamp: number;
  sampleRate: number;
  channels: number;
  format: ShareAudioFormat;
}

export interface AudioFrame {
  header: AudioFrameHeader;
  payload: Uint8Array;
}

export class AudioFrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AudioFrameError";
  }
}

const MAX_SAMPLE_RATE = 384_000;
const MAX_CHANNELS = 8;

/** Reads one binary frame; throws AudioFrameError when it does not follow the layout. */
export function parseAudioFrame(frame: ArrayBuffer): AudioFrame {
  if (frame.byteLength < 2) throw new AudioFrameError("frame shorter than its header length");
  const headerLength = new DataView(frame).getUint16(0, false);
  if (2 + headerLength > frame.byteLength) {
    throw new AudioFrameError(`header of ${headerLength} bytes does not fit a frame of ${frame.byteLength}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(frame, 2, headerLength)));
  } catch {
    throw new AudioFrameError("header is not UTF-8 JSON");
  }
  return { header: readHeader(raw), payload: new Uint8Array(frame, 2 + headerLength) };
}

function readHeader(raw: unknown): AudioFrameHeader {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new AudioFrameError("header is not a JSON object");
  const record = raw as Record<string, unknown>;
  const sessionId = record.sessionId;
  if (typeof sessionId !== "string") throw new AudioFrameError("header has no sessionId");
  const sequenceNumber = integerField(record, "sequenceNumber", 0, Number.MAX_SAFE_INTEGER, null);
  const timestamp = integerField(record, "timestamp", 0, Number.MAX_SAFE_INTEGER, 0);
  const sampleRate = integerField(record, "sampleRate", 1, MAX_SAMPLE_RATE, 44_100);
  const channels = integerField(record, "channels", 1, MAX_CHANNELS, 2);
  const format = record.format ?? "pcm_f32le";
  if (format !== "pcm_f32le" && format !== "opus") throw new AudioFrameError(`unknown format ${String(format)}`);
  return { sessionId, sequenceNumber, timestamp, sampleRate, channels, format };
}

function integerField(
  record: Record<string, unknown>, name: string, min: number, max: number, fallback: number | null,
): number {
  const value = record[name];
  if (value === undefined || value === null) {
    if (fallback === null) throw new AudioFrameError(`header has no ${name}`);
    return fallback;
  }
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new AudioFrameError(`${name} must be an integer from ${min} to ${max}, was ${JSON.stringify(value)}`);
  }
  return value;
}

/** Builds a frame (what a broadcaster sends); the inverse of parseAudioFrame. */
export function encodeAudioFrame(header: AudioFrameHeader, payload: Uint8Array): ArrayBuffer {
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  if (headerBytes.byteLength > 0xffff) throw new AudioFrameError("header longer than 65535 bytes");
  const frame = new Uint8Array(2 + headerBytes.byteLength + payload.byteLength);
  new DataView(frame.buffer).setUint16(0, headerBytes.byteLength, false);
  frame.set(headerBytes, 2);
  frame.set(payload, 2 + headerBytes.byteLength);
  return frame.buffer;
}

/** Interleaved float32 little-endian PCM → one Float32Array per channel (Web Audio's layout). */
export function deinterleavePcmF32le(payload: Uint8Array, channels: number): Float32Array[] {
  const frameBytes = 4 * channels;
  if (payload.byteLength % frameBytes !== 0) {
    throw new AudioFrameError(`PCM payload of ${payload.byteLength} bytes is not whole frames of ${channels} channels`);
  }
  const frames = payload.byteLength / frameBytes;
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const planes = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let frame = 0, offset = 0; frame < frames; frame++) {
    for (let channel = 0; channel < channels; channel++, offset += 4) {
      planes[channel][frame] = view.getFloat32(offset, true);
    }
  }
  return planes;
}
