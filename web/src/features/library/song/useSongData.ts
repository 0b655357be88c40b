// The song and its lyrics, loaded again whenever one of its jobs (its import, a lookup) completes.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, describe } from "../../../lib/api";
import { getLyrics, getSong } from "../libraryApi";
import type { Job, LyricsResponse, Song } from "../types";

export type LoadState = { kind: "loading" } | { kind: "missing" } | { kind: "error"; message: string } | { kind: "ready" };

export function useSongData(songId: string, jobs: readonly Job[]) {
  const [song, setSong] = useState<Song | null>(null);
  const [lyrics, setLyrics] = useState<LyricsResponse | null>(null);
  const [state, setState] = useState<LoadState>({ kind: "loading" });

  const load = useCallback(async () => {
    try {
      const [loadedSong, loadedLyrics] = await Promise.all([getSong(songId), getLyrics(songId)]);
      setSong(loadedSong);
      setLyrics(loadedLyrics);
      setState({ kind: "ready" });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setState({ kind: "missing" });
      else setState((current) => (current.kind === "ready" ? current : { kind: "error", message: describe(error) }));
    }
  }, [songId]);

  useEffect(() => {
    void load();
  }, [load]);

  // Reload on a job of this song finishing, seen happen (not on every resync of old jobs).
  const statuses = useRef(new Map<string, string>());
  useEffect(() => {
    let finished = false;
    for (const job of jobs) {
      if (job.song_id !== songId) continue;
      const before = statuses.current.get(job.id);
      if (before !== undefined && before !== job.status && (job.status === "completed" || job.status === "failed")) finished = true;
      statuses.current.set(job.id, job.status);
    }
    if (finished) void load();
  }, [jobs, songId, load]);

  return { song, setSong, lyrics, setLyrics, state, reload: load };
}
