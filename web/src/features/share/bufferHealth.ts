// The buffer's state in words, for the listener (and a level for the meter).
import type { ShareAudioFormat } from "./audioFrame";
import type { JitterStats } from "./jitterBuffer";

export type HealthLevel = "good" | "low" | "buffering" | "waiting";

export interface BufferHealth {
  level: HealthLevel;
  label: string;
  /** 0..1 of the buffer's target, for the meter. */
  fill: number;
}

/** `blocked`: the browser holds the audio until the listener taps (the buffer then only fills). */
export function bufferHealth(stats: JitterStats, blocked = false): BufferHealth {
  const seconds = stats.bufferedSec.toFixed(1);
  const fill = stats.targetSec > 0 ? Math.min(1, stats.bufferedSec / stats.targetSec) : 0;
  if (blocked && stats.state !== "waiting") return { level: "waiting", label: "Audio is ready: tap to listen", fill };
  const dropouts = stats.underruns === 0 ? "" : ` · ${stats.underruns} dropout${stats.underruns === 1 ? "" : "s"}`;
  switch (stats.state) {
    case "waiting":
      return { level: "waiting", label: "Waiting for audio…", fill: 0 };
    case "buffering":
      if (stats.bufferedSec >= stats.targetSec) return { level: "buffering", label: `Starting…${dropouts}`, fill };
      return { level: "buffering", label: `Buffering… ${seconds} of ${stats.targetSec.toFixed(1)} s${dropouts}`, fill };
    case "playing": {
      const low = stats.bufferedSec < stats.targetSec / 2;
      return { level: low ? "low" : "good", label: `${seconds} s buffered${low ? " · running low" : ""}${dropouts}`, fill };
    }
  }
}

/** "PCM · 44.1 kHz · stereo". */
export function describeStream(format: ShareAudioFormat | null, sampleRate: number | null, channels: number | null): string | null {
  if (!format || !sampleRate || !channels) return null;
  const kind = format === "opus" ? "Opus" : "PCM";
  const rate = `${Number((sampleRate / 1000).toFixed(1))} kHz`;
  const layout = channels === 1 ? "mono" : channels === 2 ? "stereo" : `${channels} channels`;
  return `${kind} · ${rate} · ${layout}`;
}
