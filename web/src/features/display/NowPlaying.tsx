// The song on now: title, artist and singer in type readable across a room, and the test hooks
// (play state, audio clock) the end-to-end tests read.
import type { KaraokeEntry } from "../../lib/protocol/types";
import { MicIcon } from "./MicIcon";
import type { PlaybackSnapshot } from "./usePlaybackSnapshot";

export type ShownPlayState = "playing" | "paused" | "idle" | "loading";

export function shownPlayState(snapshot: PlaybackSnapshot | null): ShownPlayState {
  if (!snapshot) return "idle";
  if (snapshot.status === "loading") return "loading";
  return snapshot.status === "playing" ? "playing" : "paused";
}

const LABELS: Record<ShownPlayState, string> = {
  playing: "Now singing",
  paused: "Paused",
  loading: "Getting ready",
  idle: "Nothing playing",
};

export function NowPlaying({ entry, title, artist, singer, cover, snapshot }: {
  entry: KaraokeEntry;
  title: string;
  artist: string;
  singer: string | null;
  cover: string | null;
  snapshot: PlaybackSnapshot | null;
}) {
  const state = shownPlayState(snapshot);
  const label = snapshot?.status === "ended" ? "Finished" : LABELS[state];
  return (
    <section
      className="now-playing"
      data-testid="now-playing"
      data-play-state={state}
      data-audio-time={(snapshot?.time ?? 0).toFixed(2)}
      data-entry-id={entry.id}
      aria-label="Now playing"
    >
      {cover && <img className="now-cover" src={cover} alt="" />}
      <div className="now-text">
        <p className={`eyebrow eyebrow-${state}`}>{label}</p>
        <h1 className="now-title">{title}</h1>
        <p className="now-meta">
          <span>{artist}</span>
          {singer && <span className="now-singer"><MicIcon /><span className="visually-hidden">Sung by </span>{singer}</span>}
        </p>
      </div>
    </section>
  );
}

/** The idle screen's stand-in, so the play state is always readable. */
export function NothingPlaying() {
  return (
    <p className="now-playing now-playing-idle" data-testid="now-playing" data-play-state="idle" data-audio-time="0.00">
      Nothing is playing
    </p>
  );
}
