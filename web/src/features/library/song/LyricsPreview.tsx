// The lyrics as the display will show them, the current line lit while the player plays; a click
// on a timed line jumps there.
import { useEffect, useRef } from "react";
import { lyricsPosition, type LyricLine } from "../../../lib/lyrics/timing";
import { formatStamp } from "./lrcEdit";

const lineTime = (ms: number) => formatStamp(ms).slice(1, -1);

export function LyricsPreview({ lines, timeMs, onSeek }: { lines: LyricLine[]; timeMs: number; onSeek: (ms: number) => void }) {
  const box = useRef<HTMLOListElement | null>(null);
  const { current } = lyricsPosition(lines, timeMs);
  const synced = lines.length > 0 && lines[0].startMs !== null;

  useEffect(() => {
    const list = box.current;
    const line = list?.querySelector<HTMLElement>("[data-current=true]");
    if (!list || !line) return;
    // Scrolls only the preview box: scrollIntoView would move the whole page under the person's finger.
    const target = line.offsetTop - list.clientHeight / 2 + line.clientHeight / 2;
    list.scrollTo({ top: Math.max(0, target), behavior: "smooth" });
  }, [current]);

  if (lines.length === 0) return <p className="muted">No lyrics yet.</p>;
  return (
    <div className="stack">
      {!synced && <p className="muted small">Not synced: these lines have no times yet.</p>}
      <ol className="lyrics-preview" ref={box} aria-label="Lyrics preview">
        {lines.map((line, index) => (
          <li key={`${index}-${line.startMs}`} data-testid="song-lyrics-line" data-current={index === current}
            aria-current={index === current ? "true" : undefined} className={index === current ? "current" : ""}>
            {line.startMs !== null ? (
              <button type="button" className="lyrics-line-button" onClick={() => onSeek(line.startMs ?? 0)}
                aria-label={`Play from ${lineTime(line.startMs)}: ${line.text || "instrumental"}`}>
                <span className="lyrics-time">{lineTime(line.startMs)}</span>
                <span>{line.text || "♪"}</span>
              </button>
            ) : (
              <span className="lyrics-plain-line">{line.text}</span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
