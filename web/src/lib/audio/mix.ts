// The karaoke mix's gains: guide vocal and instrumental levels, a compensation so the guide vocal
// blends in instead of making the song louder, a per-song gain toward a common loudness, and the
// room's master volume. Pure, so the maths is unit-tested apart from Web Audio.

/** Loudness every song is brought toward (streaming services' −14…−16 LUFS, the quieter end). */
export const TARGET_LUFS = -16;
/** How far the per-song gain may go: beyond it a mis-measured song would blast or vanish. */
export const MAX_SONG_GAIN_DB = 12;

export interface MixSettings {
  /** Guide-vocal level 0–1 (the room's performance `vocal_volume`). */
  vocal: number;
  /** Instrumental level 0–1 (the room's `instrumental_volume`). */
  instrumental: number;
  /** The song's measured integrated loudness (the original's), null when unknown. */
  loudnessLufs: number | null;
  /** Master volume 0–1 (`set_volume`, the player state's `volume`). */
  volume: number;
  /** Whether there is a separate vocal stem; without one the vocal level cannot apply. */
  hasVocalStem: boolean;
}

/** The gain of each node of the graph: stem gains → compensation × song gain → master. */
export interface MixGains {
  vocal: number;
  instrumental: number;
  /** The summing node: loudness compensation times the per-song gain. */
  sum: number;
  master: number;
}

/** A level forced into 0–1 (NaN and garbage become 0), so a bad control value cannot blow up. */
export function clampLevel(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

export function dbToGain(db: number): number {
  return 10 ** (db / 20);
}

/** The gain in dB that brings a song measured at `loudnessLufs` to `target`, clamped to ±12 dB. */
export function songGainDb(loudnessLufs: number | null | undefined, target = TARGET_LUFS): number {
  if (loudnessLufs === null || loudnessLufs === undefined || !Number.isFinite(loudnessLufs)) return 0;
  return Math.min(MAX_SONG_GAIN_DB, Math.max(-MAX_SONG_GAIN_DB, target - loudnessLufs));
}

/**
 * The factor on the sum of the two stems. The server matched each stem's loudness to the original,
 * so two uncorrelated stems at levels i and v add up to a power of i² + v². Scaling by
 * max(i, v) / √(i² + v²) makes the mix exactly as loud as the louder stem would be alone: with the
 * instrumental at 1, raising the guide vocal from 0 to 1 blends it in at constant loudness.
 */
export function loudnessCompensation(instrumental: number, vocal: number): number {
  const i = clampLevel(instrumental);
  const v = clampLevel(vocal);
  const power = Math.sqrt(i * i + v * v);
  return power === 0 ? 0 : Math.max(i, v) / power;
}

/** Every gain of the mix for these settings. */
export function mixGains(settings: MixSettings): MixGains {
  const instrumental = clampLevel(settings.instrumental);
  const vocal = clampLevel(settings.vocal);
  // Without a vocal stem nothing but the instrumental (or the original) plays, so the vocal level
  // must not lower the sum.
  const compensation = settings.hasVocalStem
    ? loudnessCompensation(instrumental, vocal)
    : instrumental === 0 ? 0 : 1;
  return {
    vocal,
    instrumental,
    sum: compensation * dbToGain(songGainDb(settings.loudnessLufs)),
    master: clampLevel(settings.volume),
  };
}

/** The gain a listener hears on each stem (for tests and meters): the product along its path. */
export function effectiveStemGains(gains: MixGains): { vocal: number; instrumental: number } {
  return {
    vocal: gains.vocal * gains.sum * gains.master,
    instrumental: gains.instrumental * gains.sum * gains.master,
  };
}
