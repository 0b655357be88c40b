import { describe, expect, it } from "vitest";
import { DEFAULT_JITTER_CONFIG, JitterBuffer, type BufferedChunk, type JitterConfig } from "./jitterBuffer";

const CONFIG: JitterConfig = {
  ...DEFAULT_JITTER_CONFIG,
  startBufferSec: 0.5, maxBufferSec: 2, latencySlackSec: 1, underrunStepSec: 0.25, scheduleAheadSec: 0.75, startLeadSec: 0.05, gapDeadlineSec: 0.12,
};

function chunk(sequenceNumber: number, durationSec = 0.25): BufferedChunk<string> {
  return { sequenceNumber, durationSec, senderStartMs: 10_000 + sequenceNumber * durationSec * 1000, payload: `c${sequenceNumber}` };
}

function seqs(started: { sequenceNumber: number }[]): number[] {
  return started.map((item) => item.sequenceNumber);
}

describe("JitterBuffer start", () => {
  it("waits until the start buffer is filled, then starts a little after now", () => {
    const buffer = new JitterBuffer<string>(CONFIG);
    buffer.push(chunk(0));
    expect(buffer.canStart).toBe(false);
    expect(buffer.take(1)).toEqual([]);
    expect(buffer.stats(1).state).toBe("buffering");
    buffer.push(chunk(1));
    expect(buffer.canStart).toBe(true);
    const started = buffer.take(1);
    expect(seqs(started)).toEqual([0, 1]);
    expect(started[0].startTime).toBeCloseTo(1.05);
    expect(started[1].startTime).toBeCloseTo(1.3);
    expect(buffer.stats(1).state).toBe("playing");
    expect(buffer.canStart).toBe(false);
  });

  it("says it is waiting before any audio came", () => {
    expect(new JitterBuffer<string>(CONFIG).stats(0).state).toBe("waiting");
  });

  it("plays out-of-order arrivals in sequence order, back to back", () => {
    const buffer = new JitterBuffer<string>({ ...CONFIG, startBufferSec: 0.75 });
    [2, 0, 1].forEach((seq) => buffer.push(chunk(seq)));
    const started = buffer.take(0);
    expect(seqs(started)).toEqual([0, 1, 2]);
    expect(started.map((item) => item.startTime)).toEqual([0.05, 0.3, 0.55]);
  });

  it("starts a backlog from its newest target's worth, so a newcomer is not seconds behind", () => {
    const buffer = new JitterBuffer<string>(CONFIG);
    for (let seq = 0; seq < 6; seq++) buffer.push(chunk(seq));
    const started = buffer.take(0);
    expect(seqs(started)).toEqual([4, 5]);
    expect(buffer.stats(0).overflowDropped).toBe(4);
    buffer.push(chunk(3));
    expect(buffer.stats(0).late).toBe(1);
  });
});

describe("JitterBuffer duplicates and late chunks", () => {
  it("drops a duplicate waiting chunk and a chunk whose turn has passed", () => {
    const buffer = new JitterBuffer<string>(CONFIG);
    expect(buffer.push(chunk(0))).toBe("queued");
    expect(buffer.push(chunk(0))).toBe("duplicate");
    buffer.push(chunk(1));
    buffer.take(0);
    expect(buffer.push(chunk(1))).toBe("late");
    expect(buffer.stats(0)).toMatchObject({ duplicates: 1, late: 1 });
  });

  it("treats a big step back in sequence numbers as a new broadcast", () => {
    const buffer = new JitterBuffer<string>(CONFIG);
    buffer.push(chunk(200));
    buffer.push(chunk(201));
    buffer.take(0);
    expect(buffer.push(chunk(0))).toBe("restarted");
    expect(buffer.stats(0).state).toBe("buffering");
  });
});

describe("JitterBuffer scheduling", () => {
  it("hands Web Audio only what starts within the schedule horizon", () => {
    const buffer = new JitterBuffer<string>(CONFIG);
    for (let seq = 0; seq < 8; seq++) buffer.push(chunk(seq));
    // Started from the newest 0.5 s: 6 and 7.
    expect(seqs(buffer.take(0))).toEqual([6, 7]);
    for (let seq = 8; seq < 12; seq++) buffer.push(chunk(seq));
    expect(seqs(buffer.take(0.1))).toEqual([8, 9]);
    expect(seqs(buffer.take(0.2))).toEqual([]);
    expect(seqs(buffer.take(0.4))).toEqual([10]);
  });

  it("waits for a missing chunk while there is time, and places it when it comes", () => {
    const buffer = new JitterBuffer<string>(CONFIG);
    buffer.push(chunk(0));
    buffer.push(chunk(1));
    buffer.take(0); // 0 at 0.05, 1 at 0.3; next at 0.55
    buffer.push(chunk(3));
    expect(seqs(buffer.take(0.1))).toEqual([]);
    buffer.push(chunk(2));
    const started = buffer.take(0.2);
    expect(seqs(started)).toEqual([2, 3]);
    expect(started[0].startTime).toBeCloseTo(0.55);
    expect(buffer.stats(0.2).gapsSkipped).toBe(0);
  });

  it("bridges a gap that is not filled in time by playing the next chunk on, without silence", () => {
    const buffer = new JitterBuffer<string>(CONFIG);
    buffer.push(chunk(0));
    buffer.push(chunk(1));
    buffer.take(0);
    buffer.push(chunk(3));
    buffer.push(chunk(4));
    expect(seqs(buffer.take(0.3))).toEqual([]);
    const started = buffer.take(0.45);
    expect(seqs(started)).toEqual([3, 4]);
    expect(started[0].startTime).toBeCloseTo(0.55);
    expect(buffer.stats(0.45).gapsSkipped).toBe(1);
    expect(buffer.push(chunk(2))).toBe("late");
  });

  it("re-buffers after an underrun instead of scheduling in the past, and aims for more", () => {
    const buffer = new JitterBuffer<string>(CONFIG);
    buffer.push(chunk(0));
    buffer.push(chunk(1));
    buffer.take(0); // plays until 0.55
    buffer.push(chunk(2));
    expect(buffer.take(2)).toEqual([]);
    expect(buffer.stats(2)).toMatchObject({ state: "buffering", underruns: 1, targetSec: 0.75 });
    buffer.push(chunk(3));
    expect(buffer.take(2.1)).toEqual([]);
    buffer.push(chunk(4));
    const started = buffer.take(2.2);
    expect(seqs(started)).toEqual([2, 3, 4]);
    expect(started[0].startTime).toBeGreaterThan(2.2);
  });

  it("drops the oldest audio when a burst while playing would leave the listener behind live", () => {
    const buffer = new JitterBuffer<string>(CONFIG);
    buffer.push(chunk(0));
    buffer.push(chunk(1));
    buffer.take(0); // 0.55 s scheduled
    for (let seq = 2; seq < 10; seq++) buffer.push(chunk(seq));
    const started = buffer.take(0);
    // At most target (0.5) + slack (1) held: 0.55 s scheduled, and the newest 3 of the 8 waiting.
    expect(buffer.stats(0).bufferedSec).toBeCloseTo(1.3);
    expect(buffer.stats(0).overflowDropped).toBe(5);
    expect(seqs(started)).toEqual([7]);
    expect(started[0].startTime).toBeCloseTo(0.55);
    expect(buffer.stats(0).gapsSkipped).toBe(0);
  });

  it("drops the oldest waiting audio when more than the maximum is held", () => {
    const buffer = new JitterBuffer<string>(CONFIG);
    for (let seq = 0; seq < 12; seq++) buffer.push(chunk(seq));
    expect(buffer.stats(0).bufferedSec).toBeCloseTo(2);
    expect(buffer.stats(0).overflowDropped).toBe(4);
  });
});

describe("JitterBuffer clock and counters", () => {
  it("counts a chunk as played once it has started, and tells the sender time being heard", () => {
    const buffer = new JitterBuffer<string>(CONFIG);
    buffer.push(chunk(0));
    buffer.push(chunk(1));
    buffer.take(0);
    expect(buffer.stats(0.04).chunksPlayed).toBe(0);
    expect(buffer.stats(0.31).chunksPlayed).toBe(2);
    expect(buffer.senderTimeAt(0.15)).toBeCloseTo(10_100);
    expect(buffer.senderTimeAt(0.3)).toBeCloseTo(10_250);
    expect(buffer.senderTimeAt(0.6)).toBeNull();
    expect(buffer.stats(0.31).bufferedSec).toBeCloseTo(0.24);
  });

  it("forgets the stream on reset but keeps counting", () => {
    const buffer = new JitterBuffer<string>(CONFIG);
    buffer.push(chunk(5));
    buffer.push(chunk(6));
    buffer.take(0);
    buffer.stats(1);
    buffer.reset();
    expect(buffer.stats(1)).toMatchObject({ state: "waiting", bufferedSec: 0, chunksPlayed: 2 });
    expect(buffer.push(chunk(0))).toBe("queued");
    expect(buffer.senderTimeAt(0.1)).toBeNull();
  });

  it("lets a waiting chunk be extended by a later part of its audio", () => {
    const buffer = new JitterBuffer<string>(CONFIG);
    buffer.push(chunk(0, 0.02));
    expect(buffer.update(0, (old) => ({ ...old, durationSec: 0.5, payload: old.payload + "+more" }))).toBe(true);
    const started = buffer.take(0);
    expect(started[0]).toMatchObject({ payload: "c0+more", durationSec: 0.5 });
    expect(buffer.update(0, (old) => old)).toBe(false);
  });
});
