// The shared song's lyrics: synced ones follow the heard position (the current line stands out,
// the next ones wait below); plain ones are shown as text.
import { useMemo } from "react";
import { lyricsPosition, parseLrc } from "../../lib/lyrics/timing";
import type { ShareMetadata } from "./metadata";

/** Lines shown before and after the current one. */
const LINES_BEFORE = 1;
const LINES_AFTER = 3;

export function ShareLyrics({ metadata, positionSec }: { metadata: ShareMetadata | null; positionSec: number | null }) {
  const text = metadata?.lyrics ?? null;
  const totalMs = metadata && metadata.totalSeconds > 0 ? metadata.totalSeconds * 1000 : null;
  // Metadata comes up to ten times a second with the same lyrics: parse once per text.
  const lines = useMemo(() => (text ? parseLrc(text, totalMs) : []), [text, totalMs]);
  const synced = Boolean(metadata?.hasSyncedLyrics) && lines.length > 0 && lines[0].startMs !== null;

  if (!metadata) return null;
  if (lines.length === 0) {
    return (
      <section className="card share-lyrics" aria-label="Lyrics">
        <p className="muted">No lyrics for this song.</p>
      </section>
    );
  }
  if (!synced) {
    return (
      <section className="card share-lyrics share-lyrics-plain" aria-label="Lyrics (not synced)">
        <p className="muted share-lyrics-note">These lyrics are not synced to the music.</p>
        {lines.map((line, index) => <p key={index}>{line.text}</p>)}
      </section>
    );
  }

  const where = lyricsPosition(lines, (positionSec ?? 0) * 1000);
  const from = Math.max(0, (where.current >= 0 ? where.current : 0) - LINES_BEFORE);
  const to = Math.min(lines.length, (where.current >= 0 ? where.current : where.next) + LINES_AFTER + 1);
  return (
    <section className="card share-lyrics" aria-label="Lyrics">
      {where.current < 0 && where.countInMs > 0 && (
        <p className="share-countin">♪ {Math.ceil(where.countInMs / 1000)}</p>
      )}
      <ol className="share-lyric-lines">
        {lines.slice(from, to).map((line, offset) => {
          const index = from + offset;
          const state = index === where.current ? "current" : index < where.current ? "past" : "future";
          return (
            <li key={index} className={`share-lyric share-lyric-${state}`} aria-current={state === "current" ? "true" : undefined}
              style={state === "current" ? { ["--line-progress" as string]: `${Math.round(where.lineProgress * 100)}%` } : undefined}>
              {line.text.trim() === "" ? "♪" : line.text}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
