import { describe, expect, it } from "vitest";
import { bufferHealth, describeStream } from "./bufferHealth";
import type { JitterStats } from "./jitterBuffer";

const STATS: JitterStats = {
  state: "playing", bufferedSec: 0.8, targetSec: 0.5, chunksPlayed: 10, underruns: 0, gapsSkipped: 0,
  late: 0, duplicates: 0, overflowDropped: 0,
};

describe("bufferHealth", () => {
  it("calls a buffer at or above half its target good", () => {
    expect(bufferHealth(STATS)).toEqual({ level: "good", label: "0.8 s buffered", fill: 1 });
  });

  it("warns when the buffer runs low and counts dropouts", () => {
    expect(bufferHealth({ ...STATS, bufferedSec: 0.1, underruns: 2 })).toEqual({
      level: "low", label: "0.1 s buffered · running low · 2 dropouts", fill: 0.2,
    });
  });

  it("shows progress while buffering, and waiting before any audio", () => {
    expect(bufferHealth({ ...STATS, state: "buffering", bufferedSec: 0.25, underruns: 1 })).toEqual({
      level: "buffering", label: "Buffering… 0.3 of 0.5 s · 1 dropout", fill: 0.5,
    });
    expect(bufferHealth({ ...STATS, state: "waiting", bufferedSec: 0 }).label).toBe("Waiting for audio…");
    expect(bufferHealth({ ...STATS, state: "buffering", bufferedSec: 0.6 }).label).toBe("Starting…");
  });

  it("asks for the tap while the browser holds the audio back", () => {
    expect(bufferHealth({ ...STATS, state: "buffering", bufferedSec: 3 }, true)).toEqual({
      level: "waiting", label: "Audio is ready: tap to listen", fill: 1,
    });
    expect(bufferHealth({ ...STATS, state: "waiting", bufferedSec: 0 }, true).label).toBe("Waiting for audio…");
  });
});

describe("describeStream", () => {
  it("names the format, rate and layout", () => {
    expect(describeStream("pcm_f32le", 44_100, 2)).toBe("PCM · 44.1 kHz · stereo");
    expect(describeStream("opus", 48_000, 1)).toBe("Opus · 48 kHz · mono");
    expect(describeStream("opus", 48_000, 6)).toBe("Opus · 48 kHz · 6 channels");
    expect(describeStream(null, null, null)).toBeNull();
  });
});
