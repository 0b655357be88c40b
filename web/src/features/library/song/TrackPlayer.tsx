// The player: one <audio> for the three tracks, and a switch between them that keeps the position.
import { useState } from "react";
import { trackUrl } from "../libraryApi";
import { TRACKS, type Track } from "./tracks";
import type { Playback } from "./usePlayback";

export function TrackPlayer({ songId, available, track, onTrack, onTrackFailed, playback }: {
  songId: string;
  available: Track[];
  track: Track | null;
  onTrack: (track: Track) => void;
  onTrackFailed: (track: Track) => void;
  playback: Playback;
}) {
  const [networkError, setNetworkError] = useState<string | null>(null);
  if (track === null) {
    return <p className="muted">No audio yet: the tracks appear once the import has finished.</p>;
  }
  const choose = (next: Track) => {
    if (next === track) return;
    playback.keepPosition();
    setNetworkError(null);
    onTrack(next);
  };
  return (
    <div className="stack">
      <div className="track-switch" role="group" aria-label="Track">
        {TRACKS.filter((item) => available.includes(item.track)).map((item) => (
          <button key={item.track} type="button" aria-pressed={item.track === track}
            className={item.track === track ? "primary" : ""} data-track={item.track} onClick={() => choose(item.track)}>
            {item.label}
          </button>
        ))}
      </div>
      <audio
        ref={playback.audioRef}
        className="song-audio"
        data-testid="song-audio"
        data-track={track}
        controls
        preload="metadata"
        src={trackUrl(songId, track)}
        aria-label={`${TRACKS.find((item) => item.track === track)?.label ?? track} track`}
        {...playback.audioEvents}
        onError={(event) => {
          const code = event.currentTarget.error?.code;
          // 4 (source not supported) is what a missing file (404) gives: that track is not there.
          if (code === 4) onTrackFailed(track);
          else setNetworkError("The audio could not be loaded; check the connection and press play again.");
        }}
      />
      {networkError && <p className="error-text" role="alert">{networkError}</p>}
    </div>
  );
}
