// The lyrics on the TV: the line being sung, big, filled in as it is sung (by word timing when the
// line has it, else as a sweep), the next line beneath, a 3-2-1 count-in before singing starts.
// Unsynced lyrics scroll slowly through the song instead.
import { useRef, useState } from "react";
import { lyricsPosition, type LyricLine, type Lyrics } from "../../lib/lyrics/timing";
import type { LyricsSize } from "../../lib/protocol/types";
import { countInBeat, lineFill, msUntilLine } from "./lyricsLayout";
import type { Playback } from "./playback/Playback";
import { useFrame } from "./useFrame";

interface Shown {
  current: number;
  next: number;
  beat: number | null;
}

export function LyricsView({ lyrics, playback, offsetMs, size }: {
  lyrics: Lyrics;
  playback: Playback;
  offsetMs: number;
  size: LyricsSize;
}) {
  return lyrics.synced
    ? <SyncedLyrics lines={lyrics.lines} playback={playback} offsetMs={offsetMs} size={size} />
    : <PlainLyrics lines={lyrics.lines} playback={playback} size={size} />;
}

function SyncedLyrics({ lines, playback, offsetMs, size }: { lines: LyricLine[]; playback: Playback; offsetMs: number; size: LyricsSize }) {
  const [shown, setShown] = useState<Shown>({ current: -1, next: -1, beat: null });
  const words = useRef<(HTMLSpanElement | null)[]>([]);

  useFrame(() => {
    const timeMs = playback.heardTime() * 1000;
    const position = lyricsPosition(lines, timeMs, offsetMs);
    const line = position.current >= 0 ? lines[position.current] : null;
    // Count in before the first line, and after an instrumental gap before the next one.
    const waiting = !line || line.text.trim() === "";
    const beat = waiting && position.next >= 0 ? countInBeat(msUntilLine(lines, position.next, timeMs, offsetMs)) : null;
    setShown((previous) =>
      previous.current === position.current && previous.next === position.next && previous.beat === beat
        ? previous
        : { current: position.current, next: position.next, beat });
    if (line) {
      lineFill(line, position).forEach((piece, index) => {
        words.current[index]?.style.setProperty("--fill", `${(piece.fill * 100).toFixed(1)}%`);
      });
    }
  });

  const current = shown.current >= 0 ? lines[shown.current] : null;
  const next = shown.next >= 0 ? lines[shown.next] : null;
  const singing = current !== null && current.text.trim() !== "";
  return (
    <div className="lyrics" data-size={size}>
      <div className="lyrics-current-slot" aria-live="off">
        {singing ? (
          <p className="lyric-current" data-testid="lyrics-current" key={shown.current}>
            {lineFill(current, { lineProgress: 0, wordProgress: [] }).map((piece, index) => (
              <span className="lyric-word" key={index} ref={(element) => { words.current[index] = element; }}>{piece.text}</span>
            ))}
          </p>
        ) : (
          <p className="lyric-waiting" aria-label={shown.beat ? `Starting in ${shown.beat}` : "Instrumental"}>
            {shown.beat ? <span className="count-in" key={shown.beat}>{shown.beat}</span> : <span className="lyric-notes">♪ ♪ ♪</span>}
          </p>
        )}
      </div>
      {next && <p className="lyric-next" data-testid="lyrics-next">{next.text}</p>}
    </div>
  );
}

function PlainLyrics({ lines, playback, size }: { lines: LyricLine[]; playback: Playback; size: LyricsSize }) {
  const viewport = useRef<HTMLDivElement | null>(null);
  const content = useRef<HTMLDivElement | null>(null);
  useFrame(() => {
    const duration = playback.duration();
    if (!viewport.current || !content.current || duration <= 0) return;
    // Unsynced: scroll evenly through the song, so roughly the right verse is in view.
    const travel = Math.max(0, content.current.scrollHeight - viewport.current.clientHeight);
    const progress = Math.min(1, Math.max(0, playback.heardTime() / duration));
    content.current.style.transform = `translateY(${(-travel * progress).toFixed(1)}px)`;
  });
  return (
    <div className="lyrics lyrics-plain" data-size={size} ref={viewport}>
      <div className="lyrics-plain-text" ref={content}>
        {lines.map((line, index) => <p key={index}>{line.text || "\u00a0"}</p>)}
      </div>
    </div>
  );
}
