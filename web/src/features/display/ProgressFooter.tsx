// Elapsed and total time with a progress bar, and the mix as the audio graph applies it.
import { formatClock } from "../../lib/format";
import type { PlaybackSnapshot } from "./usePlaybackSnapshot";

export function ProgressFooter({ snapshot, provider }: { snapshot: PlaybackSnapshot; provider: string | null }) {
  const known = snapshot.reportsProgress && snapshot.duration > 0;
  const percent = known ? Math.min(100, (snapshot.time / snapshot.duration) * 100) : 0;
  return (
    <footer className="display-footer">
      {known ? (
        <div className="progress-row">
          <span className="time">{formatClock(snapshot.time)}</span>
          <div
            className="display-progress"
            role="progressbar"
            aria-label="Song progress"
            aria-valuemin={0}
            aria-valuemax={Math.round(snapshot.duration)}
            aria-valuenow={Math.round(snapshot.time)}
            aria-valuetext={`${formatClock(snapshot.time)} of ${formatClock(snapshot.duration)}`}
          >
            <span style={{ width: `${percent}%` }} />
          </div>
          <span className="time">{formatClock(snapshot.duration)}</span>
        </div>
      ) : (
        <p className="progress-row muted">
          {snapshot.reportsProgress ? "Length not known yet" : `Progress is not reported by ${provider ?? "this player"}`}
        </p>
      )}
      <MixReadout snapshot={snapshot} />
    </footer>
  );
}

function MixReadout({ snapshot }: { snapshot: PlaybackSnapshot }) {
  const vocal = snapshot.vocalLevel;
  return (
    <p
      className="mix"
      data-testid="mix"
      data-vocal-level={vocal === null ? undefined : Number(vocal.toFixed(3))}
      data-volume={Number(snapshot.volume.toFixed(3))}
    >
      {vocal !== null && <span>Guide vocal <strong>{Math.round(vocal * 100)} %</strong></span>}
      <span>Volume <strong>{Math.round(snapshot.volume * 100)} %</strong></span>
    </p>
  );
}
