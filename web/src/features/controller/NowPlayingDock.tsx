// The bar at the bottom, under the thumb: what plays, who sings, how far it is, play/pause and
// skip, and the way to the page's sections.
import type { PlayerState } from "../../lib/protocol/types";
import { formatClock } from "../../lib/format";
import { progressFraction } from "./playback";
import { usePlaybackPosition } from "./usePlaybackPosition";
import { Icon } from "./Icon";

export function NowPlayingDock({ player, playing, singer, queueLength, onPlayPause, onSkip, onJump }: {
  player: PlayerState | null;
  playing: boolean;
  singer: string | null;
  queueLength: number;
  onPlayPause: () => void;
  onSkip: () => void;
  onJump: (section: "search" | "queue" | "sound") => void;
}) {
  const entry = player?.entry ?? null;
  const { position, duration } = usePlaybackPosition(player, playing);
  const state = !entry ? "idle" : playing ? "playing" : player?.play_state === "finished" ? "finished" : "paused";
  const fraction = progressFraction(position, duration);

  return (
    <div className="ctl-dock">
      <div className="ctl-now" data-testid="controller-now-playing" data-play-state={state}>
        <div
          className="progress ctl-progress"
          role="progressbar"
          aria-label="Song progress"
          aria-valuemin={0}
          aria-valuemax={Math.round(duration)}
          aria-valuenow={Math.round(position)}
          aria-valuetext={`${formatClock(position)} of ${formatClock(duration)}`}
        >
          <span style={{ width: `${(fraction * 100).toFixed(2)}%` }} />
        </div>
        <div className="ctl-now-row">
          <div className="ctl-now-text">
            {entry ? (
              <>
                <span className="ctl-title">{entry.title}</span>
                <span className="ctl-sub">
                  {singer && <span className="ctl-singer-name"><Icon name="mic" className="icon-inline" />{singer}</span>}
                  {entry.artist && <span className="ctl-artist">{entry.artist}</span>}
                  <span className="ctl-duration">{formatClock(position)} / {formatClock(duration)}</span>
                </span>
              </>
            ) : (
              <>
                <span className="ctl-title">Nothing playing</span>
                <span className="ctl-sub">{queueLength > 0 ? `${queueLength} in the queue` : "Add a song to start"}</span>
              </>
            )}
          </div>
          <button
            type="button"
            className="primary ctl-round"
            data-testid="play-pause"
            data-state={playing ? "playing" : "paused"}
            onClick={onPlayPause}
            disabled={!entry}
            aria-label={playing ? "Pause" : "Play"}
          >
            <Icon name={playing ? "pause" : "play"} />
          </button>
          <button
            type="button"
            className="ctl-round"
            data-testid="skip"
            onClick={onSkip}
            disabled={!entry && queueLength === 0}
            aria-label={entry ? "Skip to the next song" : "Start the next song"}
          >
            <Icon name="skip" />
          </button>
        </div>
      </div>
      <nav className="ctl-tabs" aria-label="Sections">
        <button type="button" className="ghost" onClick={() => onJump("search")}><Icon name="search" /> Add</button>
        <button type="button" className="ghost" onClick={() => onJump("queue")}>
          <Icon name="list" /> Queue{queueLength > 0 && <span className="ctl-count">{queueLength}</span>}
        </button>
        <button type="button" className="ghost" onClick={() => onJump("sound")}><Icon name="sliders" /> Sound</button>
      </nav>
    </div>
  );
}
