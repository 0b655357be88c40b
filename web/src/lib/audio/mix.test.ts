import { describe, expect, it } from "vitest";
import {
  clampLevel, dbToGain, effectiveStemGains, loudnessCompensation, mixGains, songGainDb, TARGET_LUFS,
} from "./mix";

const base = { vocal: 0, instrumental: 1, loudnessLufs: TARGET_LUFS, volume: 1, hasVocalStem: true };

/** Power sum of two uncorrelated, equally loud stems: how loud the mix sounds. */
function loudness(gains: { vocal: number; instrumental: number }): number {
  return Math.sqrt(gains.vocal ** 2 + gains.instrumental ** 2);
}

describe("songGainDb", () => {
  it("brings a loud song down and a quiet one up toward the target", () => {
    expect(songGainDb(-10)).toBeCloseTo(-6);
    expect(songGainDb(-20)).toBeCloseTo(4);
    expect(songGainDb(TARGET_LUFS)).toBe(0);
  });

  it("clamps to ±12 dB", () => {
    expect(songGainDb(-50)).toBe(12);
    expect(songGainDb(5)).toBe(-12);
  });

  it("leaves songs of unknown loudness alone", () => {
    expect(songGainDb(null)).toBe(0);
    expect(songGainDb(undefined)).toBe(0);
    expect(songGainDb(Number.NaN)).toBe(0);
  });
});

describe("loudnessCompensation", () => {
  it("is 1 with one stem alone and 1/√2 with both at full level", () => {
    expect(loudnessCompensation(1, 0)).toBe(1);
    expect(loudnessCompensation(0, 1)).toBe(1);
    expect(loudnessCompensation(1, 1)).toBeCloseTo(Math.SQRT1_2);
  });

  it("is 0 when both stems are silent", () => {
    expect(loudnessCompensation(0, 0)).toBe(0);
  });
});

describe("mixGains", () => {
  it("keeps the loudness of the instrumental-only mix as the guide vocal comes up", () => {
    const reference = loudness(effectiveStemGains(mixGains(base)));
    for (const vocal of [0.1, 0.25, 0.5, 0.8, 1]) {
      const gains = mixGains({ ...base, vocal });
      expect(loudness(effectiveStemGains(gains))).toBeCloseTo(reference, 10);
      expect(gains.vocal).toBe(vocal);
    }
  });

  it("lets the instrumental level set the loudness when it is the louder stem", () => {
    const gains = effectiveStemGains(mixGains({ ...base, instrumental: 0.5 }));
    expect(loudness(gains)).toBeCloseTo(0.5);
  });

  it("applies the song gain and the master volume on top", () => {
    const gains = mixGains({ ...base, loudnessLufs: -10, volume: 0.5 });
    expect(gains.sum).toBeCloseTo(dbToGain(-6));
    expect(gains.master).toBe(0.5);
    expect(effectiveStemGains(gains).instrumental).toBeCloseTo(0.5 * dbToGain(-6));
  });

  it("does not let the vocal level turn down a song that has no vocal stem", () => {
    const gains = mixGains({ ...base, vocal: 1, hasVocalStem: false });
    expect(gains.sum).toBe(1);
  });

  it("clamps bad levels", () => {
    const gains = mixGains({ ...base, vocal: 7, instrumental: -1, volume: Number.NaN });
    expect(gains.vocal).toBe(1);
    expect(gains.instrumental).toBe(0);
    expect(gains.master).toBe(0);
    expect(clampLevel(0.3)).toBe(0.3);
  });
});
