// The listener's jitter buffer: chunks arrive late, twice or out of order (the broadcaster's posts
// overlap, the network stalls), and Web Audio needs a gapless, ordered timeline. Chunks wait here in
// sequence order until they are close to their turn; only then are they given a start time on the
// AudioContext clock. Pure (no Web Audio), so every timing rule is unit-tested; `now` is always the
// AudioContext's currentTime in seconds.

export interface JitterConfig {
  /** Audio held before playback starts (and restarts after an underrun): the initial target. */
  startBufferSec: number;
  /** The most audio held; beyond it the oldest is dropped, so a listener does not drift behind live. */
  maxBufferSec: number;
  /**
   * While playing, audio held beyond target + this is dropped (oldest first): a burst after a stall
   * or a newcomer's backlog would otherwise keep the listener that far behind live for good.
   */
  latencySlackSec: number;
  /** How much each underrun raises the target (up to maxBufferSec): a flaky network earns more cushion. */
  underrunStepSec: number;
  /** How far ahead chunks are handed to Web Audio; the rest stays here, where a late one can still be placed. */
  scheduleAheadSec: number;
  /** The first chunk after a (re)start begins this far from now, so nothing is scheduled in the past. */
  startLeadSec: number;
  /** A missing chunk is given up (skipped over) once playback gets this close to where it belongs. */
  gapDeadlineSec: number;
  /** A sequence number this far below the expected one means the broadcaster started counting again. */
  restartBackwardJump: number;
}

export const DEFAULT_JITTER_CONFIG: JitterConfig = {
  startBufferSec: 0.5,
  maxBufferSec: 3,
  latencySlackSec: 0.5,
  underrunStepSec: 0.25,
  scheduleAheadSec: 0.75,
  startLeadSec: 0.05,
  gapDeadlineSec: 0.12,
  restartBackwardJump: 50,
};

/** Playback that has run out closer than this to now counts as an underrun (a start time is that tight). */
const UNDERRUN_MARGIN_SEC = 0.01;
/** Scheduled chunks are remembered this long after they end, to say what is being heard. */
const HISTORY_SEC = 5;

export interface BufferedChunk<T> {
  sequenceNumber: number;
  durationSec: number;
  /** The sender's clock (ms) at the first sample of the chunk, for the lyrics clock. */
  senderStartMs: number;
  payload: T;
}

export interface ScheduledChunk<T> extends BufferedChunk<T> {
  /** AudioContext time at which the chunk starts. */
  startTime: number;
}

export type PushResult = "queued" | "duplicate" | "late" | "restarted";

export type JitterState = "waiting" | "buffering" | "playing";

export interface JitterStats {
  state: JitterState;
  /** Audio scheduled but not yet played plus audio waiting here, in seconds. */
  bufferedSec: number;
  /** The buffer aimed for when (re)starting. */
  targetSec: number;
  chunksPlayed: number;
  underruns: number;
  /** Chunks never received that playback skipped over. */
  gapsSkipped: number;
  /** Chunks that came after their turn (or after a chunk after them was played). */
  late: number;
  duplicates: number;
  /** Chunks dropped to keep the buffer within maxBufferSec. */
  overflowDropped: number;
}

export class JitterBuffer<T> {
  private pending: BufferedChunk<T>[] = [];
  private scheduled: ScheduledChunk<T>[] = [];
  private playing = false;
  private received = false;
  private nextSeq: number | null = null;
  private nextTime = 0;
  private targetSec: number;
  private counters = { chunksPlayed: 0, underruns: 0, gapsSkipped: 0, late: 0, duplicates: 0, overflowDropped: 0 };
  private countedUpTo = 0;

  constructor(private readonly config: JitterConfig = DEFAULT_JITTER_CONFIG) {
    this.targetSec = config.startBufferSec;
  }

  /** Takes an arrived chunk; duplicates and chunks whose turn has passed are dropped. */
  push(chunk: BufferedChunk<T>): PushResult {
    let result: PushResult = "queued";
    if (this.nextSeq !== null && chunk.sequenceNumber < this.nextSeq - this.config.restartBackwardJump) {
      this.reset();
      result = "restarted";
    }
    if (this.nextSeq !== null && chunk.sequenceNumber < this.nextSeq) {
      this.counters.late += 1;
      return "late";
    }
    const index = this.insertionIndex(chunk.sequenceNumber);
    if (this.pending[index]?.sequenceNumber === chunk.sequenceNumber) {
      this.counters.duplicates += 1;
      return "duplicate";
    }
    this.pending.splice(index, 0, chunk);
    this.received = true;
    while (this.pending.length > 1 && this.pendingSec() > this.config.maxBufferSec) this.dropOldest();
    return result;
  }

  /** Changes a chunk still waiting here (a decoder delivering a chunk's audio in parts); false once it is scheduled. */
  update(sequenceNumber: number, change: (chunk: BufferedChunk<T>) => BufferedChunk<T>): boolean {
    const index = this.insertionIndex(sequenceNumber);
    const chunk = this.pending[index];
    if (chunk?.sequenceNumber !== sequenceNumber) return false;
    this.pending[index] = { ...change(chunk), sequenceNumber };
    return true;
  }

  /**
   * The chunks to start now, each with its start time: in sequence order, gapless, never in the
   * past. Call on every arrival and on a timer (the gap and underrun rules depend on time).
   */
  take(now: number): ScheduledChunk<T>[] {
    this.countPlayed(now);
    if (this.playing && this.nextTime < now + UNDERRUN_MARGIN_SEC) {
      // What was scheduled has run out: start again from a full buffer rather than in the past.
      this.playing = false;
      this.counters.underruns += 1;
      this.targetSec = Math.min(this.config.maxBufferSec, this.targetSec + this.config.underrunStepSec);
    }
    if (!this.playing && !this.start(now)) return [];
    const most = Math.min(this.config.maxBufferSec, this.targetSec + this.config.latencySlackSec);
    while (this.pending.length > 0 && this.nextTime - now + this.pendingSec() > most) {
      this.dropOldest();
    }
    const started: ScheduledChunk<T>[] = [];
    while (this.pending.length > 0 && this.nextTime - now < this.config.scheduleAheadSec) {
      const head = this.pending[0];
      if (head.sequenceNumber !== this.nextSeq) {
        // A chunk is missing: wait for it while there is time, then play on without it.
        if (this.nextTime - now > this.config.gapDeadlineSec) break;
        this.skipTo(head.sequenceNumber);
      }
      this.pending.shift();
      const chunk = { ...head, startTime: this.nextTime };
      started.push(chunk);
      this.scheduled.push(chunk);
      this.nextTime += head.durationSec;
      this.nextSeq = head.sequenceNumber + 1;
    }
    return started;
  }

  /** Forgets the stream (a reconnect, a new broadcast); the counters keep counting. */
  reset(): void {
    this.pending = [];
    this.scheduled = [];
    this.countedUpTo = 0;
    this.playing = false;
    this.received = false;
    this.nextSeq = null;
    this.nextTime = 0;
    this.targetSec = this.config.startBufferSec;
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  /** Whether take() would start playback now: not playing, with the target buffered. */
  get canStart(): boolean {
    return !this.playing && this.pending.length > 0 && this.pendingSec() >= this.targetSec;
  }

  stats(now: number): JitterStats {
    this.countPlayed(now);
    const ahead = this.playing ? Math.max(0, this.nextTime - now) : 0;
    const state: JitterState = this.playing ? "playing" : this.received ? "buffering" : "waiting";
    return { state, bufferedSec: ahead + this.pendingSec(), targetSec: this.targetSec, ...this.counters };
  }

  /** The sender's clock (ms) of the sample playing at AudioContext time `time`, or null in silence. */
  senderTimeAt(time: number): number | null {
    for (let index = this.scheduled.length - 1; index >= 0; index--) {
      const chunk = this.scheduled[index];
      if (chunk.startTime <= time && time < chunk.startTime + chunk.durationSec) {
        return chunk.senderStartMs + (time - chunk.startTime) * 1000;
      }
    }
    return null;
  }

  /** Starts playback once the target is buffered, holding no more than it (the oldest goes). */
  private start(now: number): boolean {
    if (this.pending.length === 0 || this.pendingSec() < this.targetSec) return false;
    while (this.pending.length > 1 && this.pendingSec() - this.pending[0].durationSec >= this.targetSec) {
      this.dropOldest();
    }
    this.skipTo(this.pending[0].sequenceNumber);
    this.playing = true;
    this.nextTime = now + this.config.startLeadSec;
    return true;
  }

  private skipTo(sequenceNumber: number): void {
    if (this.nextSeq !== null && sequenceNumber > this.nextSeq) this.counters.gapsSkipped += sequenceNumber - this.nextSeq;
    this.nextSeq = sequenceNumber;
  }

  private dropOldest(): void {
    const dropped = this.pending.shift();
    if (!dropped) return;
    this.counters.overflowDropped += 1;
    // Dropped on purpose, so the next chunk in line is not waited for as a gap.
    if (this.nextSeq !== null && dropped.sequenceNumber >= this.nextSeq) this.nextSeq = dropped.sequenceNumber + 1;
  }

  private countPlayed(now: number): void {
    while (this.countedUpTo < this.scheduled.length && this.scheduled[this.countedUpTo].startTime <= now) {
      this.countedUpTo += 1;
      this.counters.chunksPlayed += 1;
    }
    let old = 0;
    while (old < this.countedUpTo && this.scheduled[old].startTime + this.scheduled[old].durationSec < now - HISTORY_SEC) old++;
    if (old > 0) {
      this.scheduled.splice(0, old);
      this.countedUpTo -= old;
    }
  }

  private pendingSec(): number {
    let total = 0;
    for (const chunk of this.pending) total += chunk.durationSec;
    return total;
  }

  /** Where `sequenceNumber` belongs in `pending` (chunks mostly arrive in order, so search from the end). */
  private insertionIndex(sequenceNumber: number): number {
    let index = this.pending.length;
    while (index > 0 && this.pending[index - 1].sequenceNumber >= sequenceNumber) index--;
    return index;
  }
}
