// An MP3+CDG song's graphics, drawn from its CD+G packets in time with the audio clock.
import { useEffect, useRef, useState } from "react";
import { describe } from "../../lib/api";
import { CDG_HEIGHT, CDG_WIDTH, CdgDecoder } from "../../lib/cdg/decoder";
import type { Playback } from "./playback/Playback";
import { useFrame } from "./useFrame";

export function CdgCanvas({ songId, playback, title }: { songId: string; playback: Playback; title: string }) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [decoder, setDecoder] = useState<CdgDecoder | null>(null);
  const [error, setError] = useState<string | null>(null);
  const image = useRef<ImageData | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    fetch(`/api/songs/${encodeURIComponent(songId)}/cdg`, { signal: abort.signal })
      .then((response) => {
        if (!response.ok) throw new Error(`the server answered ${response.status}`);
        return response.arrayBuffer();
      })
      .then((data) => setDecoder(new CdgDecoder(new Uint8Array(data))))
      .catch((failure: unknown) => {
        if (!abort.signal.aborted) setError(`The karaoke graphics could not be loaded: ${describe(failure)}`);
      });
    return () => abort.abort();
  }, [songId]);

  useFrame(() => {
    const context = canvas.current?.getContext("2d");
    if (!decoder || !context) return;
    decoder.seek(playback.heardTime());
    if (!decoder.dirty) return;
    image.current ??= context.createImageData(CDG_WIDTH, CDG_HEIGHT);
    decoder.render(image.current.data);
    context.putImageData(image.current, 0, 0);
  }, decoder !== null);

  if (error) return <p className="stage-message error-text">{error}</p>;
  return (
    <canvas
      ref={canvas}
      className="cdg-canvas"
      width={CDG_WIDTH}
      height={CDG_HEIGHT}
      role="img"
      aria-label={`Karaoke graphics of ${title}`}
    />
  );
}
