// The song's waveform on a canvas, with the part played and the playhead; click or use the arrow
// keys to seek. Without a waveform (still importing) it is a plain bar that seeks all the same.
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { getWaveform } from "../libraryApi";
import { formatDuration } from "../songs/songListQuery";
import { barCount, resamplePeaks, timeAtX, xAtTime } from "./waveformMath";

const COLUMNS = 1000;
const HEIGHT = 96;

export function Waveform({ songId, timeMs, durationMs, onSeek, version }: {
  songId: string;
  timeMs: number;
  durationMs: number;
  onSeek: (ms: number) => void;
  version: string;
}) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [peaks, setPeaks] = useState<number[] | null>(null);
  const [missing, setMissing] = useState(false);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getWaveform(songId, COLUMNS, controller.signal).then(
      (answer) => { setPeaks(answer.peaks); setMissing(false); },
      () => { if (!controller.signal.aborted) setMissing(true); },
    );
    return () => controller.abort();
  }, [songId, version]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext("2d");
    if (!canvas || !context || width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(HEIGHT * ratio)) canvas.height = Math.round(HEIGHT * ratio);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, HEIGHT);
    const styles = getComputedStyle(canvas);
    const played = styles.getPropertyValue("--accent").trim() || "#ff5fa2";
    const rest = styles.getPropertyValue("--border").trim() || "#3d3859";
    const head = xAtTime(timeMs, width, durationMs);
    const bars = peaks ? resamplePeaks(peaks, barCount(width)) : resamplePeaks([0.08], barCount(width));
    bars.forEach((peak, index) => {
      const x = index * 4;
      const barHeight = Math.max(2, peak * (HEIGHT - 8));
      context.fillStyle = x + 1.5 < head ? played : rest;
      context.fillRect(x, (HEIGHT - barHeight) / 2, 3, barHeight);
    });
    context.fillStyle = styles.getPropertyValue("--text").trim() || "#fff";
    context.fillRect(Math.min(width - 2, Math.max(0, head - 1)), 0, 2, HEIGHT);
  }, [peaks, width, timeMs, durationMs]);

  const seekTo = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    onSeek(timeAtX(event.clientX - box.left, box.width, durationMs));
  };

  const onKey = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const step = event.shiftKey ? 15_000 : 5_000;
    const moves: Record<string, number> = {
      ArrowLeft: timeMs - step, ArrowDown: timeMs - step, ArrowRight: timeMs + step, ArrowUp: timeMs + step,
      PageDown: timeMs - 30_000, PageUp: timeMs + 30_000, Home: 0, End: durationMs,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    onSeek(Math.min(durationMs, Math.max(0, moves[event.key])));
  };

  return (
    <div className="waveform">
      <canvas
        ref={canvasRef}
        className="waveform-canvas"
        style={{ height: HEIGHT }}
        data-testid="waveform"
        role="slider"
        tabIndex={0}
        aria-label="Position in the song (click to seek)"
        aria-valuemin={0}
        aria-valuemax={Math.round(durationMs / 1000)}
        aria-valuenow={Math.round(timeMs / 1000)}
        aria-valuetext={`${formatDuration(timeMs)} of ${formatDuration(durationMs)}`}
        onPointerDown={seekTo}
        onKeyDown={onKey}
      />
      <div className="waveform-times muted">
        <span>{formatDuration(Math.floor(timeMs / 1000) * 1000)}</span>
        {missing && <span>No waveform yet: it is made by the import.</span>}
        <span>{formatDuration(durationMs)}</span>
      </div>
    </div>
  );
}
