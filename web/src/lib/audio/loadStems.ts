// Fetches and decodes a library song's stems for the mixer. The guide vocal needs both the
// instrumental and the vocal stem; a song without stems plays its original instead.
import { combinedProgress, fetchWithProgress, TrackMissingError, type ByteProgress } from "./fetchAudio";

export interface StemUrls {
  instrumental: string | null;
  vocals: string | null;
  original: string | null;
}

export interface StemTracks {
  /** The instrumental stem, or the original when there is no stem. */
  instrumental: AudioBuffer;
  /** The vocal stem; null when the song has none (the guide vocal then cannot be mixed). */
  vocals: AudioBuffer | null;
  /** Whether `instrumental` is the original mix. */
  usingOriginal: boolean;
}

export interface LoadProgress {
  phase: "downloading" | "decoding";
  /** 0–1, or null while the sizes are unknown. */
  fraction: number | null;
}

/** The stems' URLs of song `id`, or the original's when the song says a stem is missing. */
export function stemUrls(id: string, paths: { instrumentalPath?: string | null; vocalPath?: string | null; originalPath?: string | null }): StemUrls {
  const base = `/api/songs/${encodeURIComponent(id)}/download`;
  return {
    instrumental: paths.instrumentalPath === null ? null : `${base}/instrumental`,
    vocals: paths.vocalPath === null ? null : `${base}/vocals`,
    original: paths.originalPath === null ? null : `${base}/original`,
  };
}

export async function loadStems(
  context: BaseAudioContext,
  urls: StemUrls,
  signal: AbortSignal,
  onProgress: (progress: LoadProgress) => void,
): Promise<StemTracks> {
  const parts: ByteProgress[] = [];
  const track = (url: string) => {
    const index = parts.push({ loaded: 0, total: null }) - 1;
    return fetchWithProgress(url, signal, (progress) => {
      parts[index] = progress;
      onProgress({ phase: "downloading", fraction: combinedProgress(parts) });
    }).catch((error: unknown) => {
      // A missing track must not leave the progress stuck on its unknown size.
      parts[index] = { loaded: 0, total: 0 };
      throw error;
    });
  };
  const optional = (download: Promise<ArrayBuffer>) =>
    download.catch((error: unknown) => {
      if (error instanceof TrackMissingError) return null;
      throw error;
    });

  let instrumentalBytes: ArrayBuffer | null = null;
  let vocalBytes: ArrayBuffer | null = null;
  if (urls.instrumental) {
    [instrumentalBytes, vocalBytes] = await Promise.all([
      optional(track(urls.instrumental)),
      urls.vocals ? optional(track(urls.vocals)) : Promise.resolve(null),
    ]);
  }
  let usingOriginal = false;
  if (!instrumentalBytes) {
    if (!urls.original) throw new Error("This song has neither an instrumental nor an original track");
    instrumentalBytes = await track(urls.original);
    // A vocal stem next to the original would double the singer.
    vocalBytes = null;
    usingOriginal = true;
  }
  signal.throwIfAborted();
  onProgress({ phase: "decoding", fraction: null });
  const [instrumental, vocals] = await Promise.all([
    context.decodeAudioData(instrumentalBytes),
    vocalBytes ? context.decodeAudioData(vocalBytes) : Promise.resolve(null),
  ]);
  signal.throwIfAborted();
  return { instrumental, vocals, usingOriginal };
}
