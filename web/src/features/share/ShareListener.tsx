// /share/{code}: the live share, or why there is none.
import { useEffect, useState } from "react";
import { Link } from "../../app/router";
import { ConnectionStatus } from "../../components/ConnectionStatus";
import { songPositionSec, type MetadataAnchor } from "./lyricsClock";
import { NowSharing } from "./NowSharing";
import { ShareAudioPanel } from "./ShareAudioPanel";
import { ShareCodeForm } from "./ShareCodeForm";
import { ShareHeader } from "./ShareHeader";
import { ShareLyrics } from "./ShareLyrics";
import type { SharePlayer } from "./SharePlayer";
import { endedExplanation } from "./shareSession";
import { useMediaSession } from "./useMediaSession";
import { useShareListener } from "./useShareListener";

const POSITION_TICK_MS = 200;

export function ShareListener({ code }: { code: string }) {
  const listener = useShareListener(code);
  const { view } = listener;
  const position = useSongPosition(view.anchor, listener.player);
  const title = view.metadata?.title ?? view.status?.current_metadata?.title ?? null;
  const artist = view.metadata?.artist ?? view.status?.current_metadata?.artist ?? null;
  useMediaSession(view.phase === "live" ? title : null, artist, view.metadata?.thumbnailData ?? null);

  return (
    <main className="page share-page">
      <ShareHeader status={<ConnectionStatus status={listener.status} socket={listener.socket} />} />
      {view.phase === "not_found" && (
        <Problem heading={`No live share with code ${code}`}
          text="Check the code with the person who is sharing: it may have ended, or a digit may be off." />
      )}
      {view.phase === "failed" && (
        <Problem heading="This share cannot be listened to" text={view.error ?? "The server refused."} />
      )}
      {view.phase === "ended" && (
        <Problem heading="The share has ended" text={endedExplanation(view.endedReason)}
          code={code} lastSong={title ? `${title}${artist ? ` · ${artist}` : ""}` : null} testId="share-ended" />
      )}
      {(view.phase === "connecting" || view.phase === "live") && (
        <div className="share-layout">
          <NowSharing
            code={code}
            title={title}
            artist={artist}
            metadata={view.metadata}
            positionSec={position}
            listeners={view.status?.listener_count ?? null}
            connecting={view.phase === "connecting"}
          />
          <ShareAudioPanel player={listener.player} snapshot={listener.snapshot}
            volume={listener.volume} onVolume={listener.setVolume} />
          <ShareLyrics metadata={view.metadata} positionSec={position} />
        </div>
      )}
    </main>
  );
}

function Problem({ heading, text, code, lastSong = null, testId }: {
  heading: string; text: string; code?: string; lastSong?: string | null; testId?: string;
}) {
  return (
    <section className="card stack share-problem" aria-labelledby="share-problem-title" data-testid={testId}>
      <h1 id="share-problem-title">{heading}</h1>
      <p>{text}</p>
      {(code || lastSong) && (
        <p className="muted">{code && `Code ${code}`}{code && lastSong && " · "}{lastSong && `Last song: ${lastSong}`}</p>
      )}
      <ShareCodeForm label="Listen to another share" />
      <p><Link to="/">Back to the start</Link></p>
    </section>
  );
}

/** The song position heard now, ticking while the page is open. */
function useSongPosition(anchor: MetadataAnchor | null, player: SharePlayer | null): number | null {
  const compute = () => (anchor ? songPositionSec(anchor, performance.now(), player?.heardSenderMs() ?? null) : null);
  const [position, setPosition] = useState(compute);
  useEffect(() => {
    setPosition(compute());
    if (!anchor) return;
    const timer = setInterval(() => setPosition(compute()), POSITION_TICK_MS);
    return () => clearInterval(timer);
    // compute reads only anchor and player.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [anchor, player]);
  return position;
}
