// The middle of the TV: lyrics, CD+G graphics or the video, with loading and error states.
import { useEffect, useRef } from "react";
import type { PerformanceState } from "../../lib/protocol/types";
import { CdgCanvas } from "./CdgCanvas";
import { LyricsView } from "./LyricsView";
import type { LibrarySong } from "./librarySong";
import type { Playback } from "./playback/Playback";
import { SKIP_FAILED_AFTER_MS } from "./usePlaybackFlow";
import { useLyrics } from "./useLyrics";
import type { PlaybackSnapshot } from "./usePlaybackSnapshot";

export function Stage({ playback, snapshot, song, title, cover, performance }: {
  playback: Playback;
  snapshot: PlaybackSnapshot;
  song: LibrarySong | null;
  title: string;
  cover: string | null;
  performance: PerformanceState;
}) {
  return (
    <main className="display-stage">
      {playback.kind === "library"
        ? <LibraryStage playback={playback} song={song} title={title} cover={cover} performance={performance} />
        : <MediaHost element={snapshot.element} />}
      {snapshot.status === "loading" && <LoadingOverlay snapshot={snapshot} kind={playback.kind} />}
      {snapshot.status === "error" && (
        <div className="stage-overlay" role="alert">
          <p className="stage-message">Couldn’t play “{title}”</p>
          <p className="stage-detail">{snapshot.error}</p>
          <p className="stage-detail muted">Moving on to the next song in {SKIP_FAILED_AFTER_MS / 1000} seconds…</p>
        </div>
      )}
    </main>
  );
}

function LibraryStage({ playback, song, title, cover, performance }: {
  playback: Playback;
  song: LibrarySong | null;
  title: string;
  cover: string | null;
  performance: PerformanceState;
}) {
  const { lyrics, error } = useLyrics(song && !song.hasCdg ? song.id : null);
  if (!song) return null;
  if (song.hasCdg) return <CdgCanvas songId={song.id} playback={playback} title={title} />;
  if (lyrics && lyrics.source !== "none" && lyrics.lines.length > 0) {
    return <LyricsView lyrics={lyrics} playback={playback} offsetMs={performance.lyrics_offset} size={performance.lyrics_size} />;
  }
  return (
    <div className="stage-cover">
      {cover && <img src={cover} alt="" />}
      <p className="stage-detail">{error ?? (lyrics ? "No lyrics for this song — sing it your way!" : "")}</p>
    </div>
  );
}

function LoadingOverlay({ snapshot, kind }: { snapshot: PlaybackSnapshot; kind: Playback["kind"] }) {
  const progress = snapshot.loadProgress;
  const percent = progress?.fraction !== null && progress?.fraction !== undefined ? Math.round(progress.fraction * 100) : null;
  const label = progress?.phase === "decoding" ? "Preparing the mix…" : kind === "library" ? "Loading the song…" : "Loading the video…";
  return (
    <div className="stage-overlay">
      <p className="stage-message">{label}</p>
      {progress && (
        <div
          className="display-progress loading-progress"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          data-indeterminate={percent === null || undefined}
        >
          <span style={{ width: `${percent ?? 100}%` }} />
        </div>
      )}
      {percent !== null && <p className="stage-detail">{percent} %</p>}
    </div>
  );
}

/** Puts a playback's own element (a <video>, an iframe) on the stage. */
function MediaHost({ element }: { element: HTMLElement | null }) {
  const host = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const container = host.current;
    if (!element || !container) return;
    container.appendChild(element);
    return () => element.remove();
  }, [element]);
  return <div className="media-host" ref={host} />;
}
