// The shared song: cover, title, artist, where it is, and who else is listening.
import { formatClock } from "../../lib/format";
import { coverDataUrl, type ShareMetadata } from "./metadata";

export function NowSharing({ code, title, artist, metadata, positionSec, listeners, connecting }: {
  code: string;
  title: string | null;
  artist: string | null;
  metadata: ShareMetadata | null;
  positionSec: number | null;
  listeners: number | null;
  connecting: boolean;
}) {
  const cover = coverDataUrl(metadata?.thumbnailData ?? null);
  const total = metadata?.totalSeconds ?? 0;
  const elapsed = positionSec ?? 0;
  const percent = total > 0 ? Math.min(100, (elapsed / total) * 100) : 0;
  const heading = title ?? (connecting ? "Connecting to the share…" : "Waiting for the song…");

  return (
    <section className="card share-now" aria-labelledby="share-now-title">
      {cover
        ? <img className="share-cover" src={cover} alt={title ? `Cover of ${title}` : "Cover"} />
        : <div className="share-cover share-cover-empty" aria-hidden="true">♪</div>}
      <div className="share-now-text">
        <p className="share-kicker">{connecting ? `Code ${code}` : `Live · code ${code}`}</p>
        <h1 id="share-now-title" className="share-title" data-testid="share-title">{heading}</h1>
        <p className="share-artist" data-testid="share-artist">{artist ?? ""}</p>
        {total > 0 && (
          <>
            <div
              className="progress share-progress"
              role="progressbar"
              aria-label="Song position"
              aria-valuemin={0}
              aria-valuemax={Math.round(total)}
              aria-valuenow={Math.round(elapsed)}
              aria-valuetext={`${formatClock(elapsed)} of ${formatClock(total)}`}
            >
              <span style={{ width: `${percent}%` }} />
            </div>
            <p className="share-times">
              <span>{formatClock(elapsed)}</span>
              <span>{formatClock(total)}</span>
            </p>
          </>
        )}
        {listeners !== null && (
          <p className="muted share-listeners">
            {listeners === 1 ? "1 listener" : `${listeners} listeners`}
          </p>
        )}
      </div>
    </section>
  );
}
