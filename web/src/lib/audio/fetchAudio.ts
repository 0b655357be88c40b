// Downloads of a song's tracks with byte progress, so the TV can show how far loading is.

/** The server has no such track (a 404): the caller may fall back to another one. */
export class TrackMissingError extends Error {
  constructor(readonly url: string) {
    super(`The track ${url} does not exist`);
    this.name = "TrackMissingError";
  }
}

export interface ByteProgress {
  loaded: number;
  /** From Content-Length; null when the server did not say. */
  total: number | null;
}

/** The whole body of `url`, reporting the bytes received as they arrive. */
export async function fetchWithProgress(
  url: string,
  signal: AbortSignal,
  onProgress: (progress: ByteProgress) => void,
): Promise<ArrayBuffer> {
  const response = await fetch(url, { signal });
  if (response.status === 404) throw new TrackMissingError(url);
  if (!response.ok) throw new Error(`Loading ${url} failed: the server answered ${response.status}`);
  const length = Number(response.headers.get("Content-Length"));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  if (!response.body) {
    const buffer = await response.arrayBuffer();
    onProgress({ loaded: buffer.byteLength, total: buffer.byteLength });
    return buffer;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress({ loaded, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress({ loaded, total });
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  onProgress({ loaded, total: loaded });
  return bytes.buffer;
}

/** Overall progress 0–1 of several downloads, or null while any size is still unknown. */
export function combinedProgress(parts: readonly ByteProgress[]): number | null {
  if (parts.length === 0) return null;
  let loaded = 0;
  let total = 0;
  for (const part of parts) {
    if (part.total === null) return null;
    loaded += Math.min(part.loaded, part.total);
    total += part.total;
  }
  return total === 0 ? 0 : loaded / total;
}
