// Where the shared song is, for the lyrics and the elapsed time. The broadcaster says where it was
// (elapsedSeconds) at its own time (timestamp); the listener hears that moment later, after the
// network and the jitter buffer. So while audio plays, the position is taken from the sender time of
// the sample being heard (both times are on the sender's clock, no clock sync needed); without audio
// (metadata only, audio blocked) it runs on the local clock from when the metadata arrived.
import type { ShareMetadata } from "./metadata";

export interface MetadataAnchor {
  elapsedSeconds: number;
  totalSeconds: number;
  /** The metadata's timestamp (sender's clock, ms). */
  senderMs: number;
  /** When it arrived (local clock, ms). */
  receivedAtMs: number;
  /** The sender's position stood still between two updates: do not run ahead of it. */
  paused: boolean;
  songKey: string;
}

/** A position update this close to the last one, with the sender's clock moved on, means paused. */
const PAUSED_EPSILON_SEC = 0.001;
const PAUSED_MIN_INTERVAL_MS = 200;
/**
 * The audio lags the metadata by the network and buffer, so the heard position should be a little
 * behind the local-clock one. Far outside this window the sender's two clocks disagree (a broadcaster
 * stamping audio from another clock): then the audio is not trusted for timing.
 */
const HEARD_MAX_AHEAD_SEC = 2;
const HEARD_MAX_BEHIND_SEC = 15;

function songKey(metadata: ShareMetadata): string {
  return `${metadata.title ?? ""}\u0000${metadata.artist ?? ""}\u0000${Math.round(metadata.totalSeconds)}`;
}

/** The anchor for newly arrived metadata; `previous` tells whether the song is standing still. */
export function anchorFor(metadata: ShareMetadata, receivedAtMs: number, previous: MetadataAnchor | null): MetadataAnchor {
  const key = songKey(metadata);
  const stoodStill = previous !== null && previous.songKey === key
    && Math.abs(metadata.elapsedSeconds - previous.elapsedSeconds) < PAUSED_EPSILON_SEC;
  const paused = stoodStill && (previous.paused || metadata.timestamp - previous.senderMs >= PAUSED_MIN_INTERVAL_MS);
  return {
    elapsedSeconds: metadata.elapsedSeconds,
    totalSeconds: metadata.totalSeconds,
    senderMs: metadata.timestamp,
    receivedAtMs,
    paused,
    songKey: key,
  };
}

/**
 * The song position (s) heard at local time `nowMs`. `heardSenderMs` is the sender's clock of the
 * sample playing now (null in silence).
 */
export function songPositionSec(anchor: MetadataAnchor, nowMs: number, heardSenderMs: number | null): number {
  if (anchor.paused) return clampPosition(anchor, anchor.elapsedSeconds);
  const byLocalClock = anchor.elapsedSeconds + (nowMs - anchor.receivedAtMs) / 1000;
  if (heardSenderMs !== null) {
    const byAudio = anchor.elapsedSeconds + (heardSenderMs - anchor.senderMs) / 1000;
    const lead = byAudio - byLocalClock;
    if (lead <= HEARD_MAX_AHEAD_SEC && lead >= -HEARD_MAX_BEHIND_SEC) return clampPosition(anchor, byAudio);
  }
  return clampPosition(anchor, byLocalClock);
}

function clampPosition(anchor: MetadataAnchor, seconds: number): number {
  const upper = anchor.totalSeconds > 0 ? anchor.totalSeconds : Number.POSITIVE_INFINITY;
  return Math.min(upper, Math.max(0, seconds));
}

/**
 * The sender's clock at a chunk's first sample. A sharer stamps a chunk when it has recorded it (the
 * desktop sharer when it posts the full chunk), so the chunk's audio began its length earlier.
 */
export function chunkSenderStartMs(timestampMs: number, durationSec: number): number {
  return timestampMs - durationSec * 1000;
}
