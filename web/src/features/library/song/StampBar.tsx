// Tap-to-sync: while the song plays, each tap (or Space) gives the marked line the player's time
// and marks the next one, as LRC editors do.
import { useEffect, useRef } from "react";
import { formatStamp, isStampable, lineAt, lineStamp, lineText } from "./lrcEdit";

/** Space belongs to whatever control has the focus (typing, pressing a button). */
function ownsSpace(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT", "BUTTON", "A", "AUDIO", "SUMMARY"].includes(target.tagName)
    || target.getAttribute("role") === "slider";
}

export function StampBar({ text, index, timeMs, playing, onStamp, onMove, onTogglePlay }: {
  text: string;
  index: number;
  timeMs: number;
  playing: boolean;
  onStamp: () => void;
  onMove: (direction: -1 | 1) => void;
  /** Play and pause from here: on a phone the player is screens away from the lyrics. */
  onTogglePlay: () => void;
}) {
  const line = lineAt(text, index);
  const stampable = index >= 0 && isStampable(line);
  const latest = useRef({ stampable, playing, onStamp });
  latest.current = { stampable, playing, onStamp };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { stampable: can, playing: isPlaying, onStamp: stamp } = latest.current;
      if (event.code !== "Space" || event.repeat || ownsSpace(event.target) || !isPlaying || !can) return;
      event.preventDefault();
      stamp();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const current = stampable ? lineStamp(line) : null;
  return (
    <div className="stamp-bar" aria-label="Tap to sync" role="group">
      <div className="stamp-line">
        <span className="muted small">{stampable ? `Marked line · ${current !== null ? `now ${formatStamp(current)}` : "no time yet"}` : "No line marked"}</span>
        <strong className="stamp-text" data-testid="stamp-line-text">{stampable ? lineText(line) || "♪ (instrumental gap)" : "Click a line in the synced lyrics"}</strong>
      </div>
      <div className="row">
        <button type="button" onClick={onTogglePlay} aria-label={playing ? "Pause the song" : "Play the song"} data-testid="stamp-play">
          {playing ? "❚❚ Pause" : "▶ Play"}
        </button>
        <button type="button" onClick={() => onMove(-1)} aria-label="Mark the previous line">↑</button>
        <button type="button" onClick={() => onMove(1)} aria-label="Mark the next line">↓</button>
        <button type="button" className="primary" data-testid="stamp-line" disabled={!stampable} onClick={onStamp}>
          Stamp {formatStamp(timeMs)}
        </button>
      </div>
      <p className="muted small">
        {playing ? "Tap Stamp (or press Space) as each line starts." : "Play the song, then tap Stamp (or press Space) as each line starts."}
      </p>
    </div>
  );
}
