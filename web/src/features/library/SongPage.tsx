// /library/songs/{id}: a song's cover and details (editable), its three tracks with a waveform,
// and its lyrics (edit, tap-to-sync, timing shift, live preview).
import { useCallback, useEffect, useState } from "react";
import { Link } from "../../app/router";
import { ConnectionStatus } from "../../components/ConnectionStatus";
import { Cover } from "./Cover";
import { useJobs } from "./jobs/useJobs";
import { StatusBadge } from "./StatusBadge";
import { DeleteSong } from "./song/DeleteSong";
import { LyricsEditor } from "./song/LyricsEditor";
import { MetadataEditor } from "./song/MetadataEditor";
import { SongJobs } from "./song/SongJobs";
import { TrackPlayer } from "./song/TrackPlayer";
import { availableTracks, chooseTrack, type Track } from "./song/tracks";
import { usePlayback } from "./song/usePlayback";
import { useSongData } from "./song/useSongData";
import { Waveform } from "./song/Waveform";
import { formatDuration } from "./songs/songListQuery";
import type { Job } from "./types";
import "./library.css";

export function SongPage({ songId }: { songId: string }) {
  const { jobs, dispatch, socket, status } = useJobs();
  const { song, setSong, lyrics, setLyrics, state, reload } = useSongData(songId, jobs);
  const [failedTracks, setFailedTracks] = useState<ReadonlySet<Track>>(new Set());
  const [chosenTrack, setChosenTrack] = useState<Track | null>(null);
  const available = song ? availableTracks(song, failedTracks) : [];
  const track = chooseTrack(available, chosenTrack);
  const playback = usePlayback(song?.durationMs ?? null, track);
  const onJobs = useCallback((created: Job[]) => dispatch({ type: "known", jobs: created }), [dispatch]);

  useEffect(() => {
    if (!song) return;
    document.title = `${song.title} · Chorus library`;
    return () => {
      document.title = "Chorus";
    };
  }, [song]);

  // A finished import or lookup may have made a track that failed to load before.
  const updatedAt = song?.updatedAt;
  useEffect(() => {
    setFailedTracks(new Set());
  }, [updatedAt]);

  const header = (
    <header className="library-header">
      <div>
        <p className="breadcrumb"><Link to="/library">← Library</Link></p>
        <h1>{song ? song.title : "Song"}</h1>
      </div>
      <ConnectionStatus status={status} socket={socket} />
    </header>
  );

  if (state.kind !== "ready" || !song || !lyrics) {
    return (
      <main className="page library-page">
        {header}
        {state.kind === "loading" && <p className="muted" role="status">Loading the song…</p>}
        {state.kind === "missing" && (
          <div className="card stack">
            <p>This song is not in the library; it may have been deleted.</p>
            <p><Link to="/library">Back to the library</Link></p>
          </div>
        )}
        {state.kind === "error" && (
          <div className="card stack" role="alert">
            <p className="error-text">The song could not be loaded: {state.message}</p>
            <button type="button" onClick={() => void reload()}>Try again</button>
          </div>
        )}
      </main>
    );
  }

  return (
    <main className="page library-page song-page">
      {header}
      <section className="card song-summary" aria-label="Song">
        <Cover songId={song.id} hasCover={song.thumbnail !== null} title={song.title} size="large" version={song.updatedAt} />
        <div className="stack song-summary-text">
          <p className="song-artist">{song.artist}</p>
          <p className="muted">
            {[song.album, song.year, formatDuration(song.durationMs), song.hasCdg ? "CD+G graphics" : null].filter(Boolean).join(" · ")}
          </p>
          {song.status !== "processed" && <p><StatusBadge status={song.status} /></p>}
          <div className="row song-actions">
            <SongJobs songId={song.id} jobs={jobs} onJobs={onJobs} />
            <DeleteSong songId={song.id} title={song.title} />
          </div>
        </div>
      </section>
      <section className="card stack" aria-labelledby="player-heading">
        <h2 id="player-heading">Listen</h2>
        <TrackPlayer
          songId={song.id}
          available={available}
          track={track}
          onTrack={setChosenTrack}
          onTrackFailed={(failed) => {
            playback.keepPosition();
            setFailedTracks((current) => new Set([...current, failed]));
          }}
          playback={playback}
        />
        <Waveform songId={song.id} timeMs={playback.timeMs} durationMs={playback.durationMs} onSeek={playback.seek}
          version={`${song.status}:${song.updatedAt ?? ""}`} />
      </section>
      <section className="card">
        <MetadataEditor song={song} onSaved={setSong} />
      </section>
      <section className="card stack" aria-labelledby="lyrics-heading">
        <h2 id="lyrics-heading">Lyrics</h2>
        <LyricsEditor songId={song.id} lyrics={lyrics} durationMs={playback.durationMs} timeMs={playback.timeMs}
          playing={playback.playing} onSeek={playback.seek} onTogglePlay={playback.togglePlay} onSaved={setLyrics} />
      </section>
    </main>
  );
}
