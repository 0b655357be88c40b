import { describe, expect, it } from "vitest";
import {
  AudioFrameError, deinterleavePcmF32le, encodeAudioFrame, parseAudioFrame, type AudioFrameHeader,
} from "./audioFrame";

const HEADER: AudioFrameHeader = {
  sessionId: "123456", sequenceNumber: 7, timestamp: 1_700_000_000_000, sampleRate: 44_100, channels: 2, format: "pcm_f32le",
};

function rawFrame(headerText: string, payload: number[] = []): ArrayBuffer {
  const header = new TextEncoder().encode(headerText);
  const bytes = new Uint8Array(2 + header.length + payload.length);
  bytes[0] = header.length >> 8;
  bytes[1] = header.length & 0xff;
  bytes.set(header, 2);
  bytes.set(payload, 2 + header.length);
  return bytes.buffer;
}

function pcm(samples: number[]): Uint8Array {
  const bytes = new Uint8Array(samples.length * 4);
  const view = new DataView(bytes.buffer);
  samples.forEach((sample, index) => view.setFloat32(index * 4, sample, true));
  return bytes;
}

describe("parseAudioFrame", () => {
  it("reads the header and the payload of an encoded frame", () => {
    const frame = parseAudioFrame(encodeAudioFrame(HEADER, new Uint8Array([1, 2, 3, 4])));
    expect(frame.header).toEqual(HEADER);
    expect([...frame.payload]).toEqual([1, 2, 3, 4]);
  });

  it("reads the header length as big-endian, so headers over 255 bytes work", () => {
    const long = { ...HEADER, sessionId: "1".repeat(300) };
    const frame = parseAudioFrame(encodeAudioFrame(long, new Uint8Array([9])));
    expect(frame.header.sessionId).toHaveLength(300);
    expect([...frame.payload]).toEqual([9]);
  });

  it("fills in the contract's defaults for a header without rate, channels and format", () => {
    const frame = parseAudioFrame(rawFrame('{"sessionId":"123456","sequenceNumber":0}'));
    expect(frame.header).toMatchObject({ sampleRate: 44_100, channels: 2, format: "pcm_f32le", timestamp: 0 });
  });

  it("refuses frames that do not follow the layout", () => {
    expect(() => parseAudioFrame(new ArrayBuffer(1))).toThrow(AudioFrameError);
    expect(() => parseAudioFrame(rawFrame("{}").slice(0, 3))).toThrow(/does not fit/);
    expect(() => parseAudioFrame(rawFrame("not json"))).toThrow(/not UTF-8 JSON/);
    expect(() => parseAudioFrame(rawFrame("[1]"))).toThrow(/not a JSON object/);
    expect(() => parseAudioFrame(rawFrame('{"sequenceNumber":1}'))).toThrow(/sessionId/);
    expect(() => parseAudioFrame(rawFrame('{"sessionId":"1"}'))).toThrow(/sequenceNumber/);
    expect(() => parseAudioFrame(rawFrame('{"sessionId":"1","sequenceNumber":1.5}'))).toThrow(/integer/);
    expect(() => parseAudioFrame(rawFrame('{"sessionId":"1","sequenceNumber":1,"channels":9}'))).toThrow(/channels/);
    expect(() => parseAudioFrame(rawFrame('{"sessionId":"1","sequenceNumber":1,"format":"mp3"}'))).toThrow(/format/);
  });
});

describe("deinterleavePcmF32le", () => {
  it("splits interleaved little-endian floats into channels", () => {
    const [left, right] = deinterleavePcmF32le(pcm([0.5, -0.5, 0.25, -0.25, 1, -1]), 2);
    expect([...left]).toEqual([0.5, 0.25, 1]);
    expect([...right]).toEqual([-0.5, -0.25, -1]);
  });

  it("reads a payload that starts at an odd offset of its buffer", () => {
    const frame = parseAudioFrame(encodeAudioFrame({ ...HEADER, channels: 1, sessionId: "12345" },
      pcm([0.75])));
    expect([...deinterleavePcmF32le(frame.payload, 1)[0]]).toEqual([0.75]);
  });

  it("refuses a payload that is not whole frames", () => {
    expect(() => deinterleavePcmF32le(new Uint8Array(12), 2)).toThrow(/whole frames/);
  });
});
