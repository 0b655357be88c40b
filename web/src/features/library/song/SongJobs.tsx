// "Look up metadata again" and the progress of this song's running jobs (its import, a lookup).
import { useState } from "react";
import { describe } from "../../../lib/api";
import { enrichSong } from "../libraryApi";
import { ProgressBar } from "../ProgressBar";
import { statusLabel } from "../StatusBadge";
import { isActive, jobLabel, splitStatusMessage } from "../jobs/jobsState";
import type { Job } from "../types";

export function SongJobs({ songId, jobs, onJobs }: { songId: string; jobs: readonly Job[]; onJobs: (jobs: Job[]) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lookupId, setLookupId] = useState<string | null>(null);
  const running = jobs.filter((job) => job.song_id === songId && isActive(job));
  const lookup = lookupId ? jobs.find((job) => job.id === lookupId) : undefined;

  const enrich = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await enrichSong(songId);
      onJobs([answer.job]);
      setLookupId(answer.job.id);
    } catch (failure) {
      setError(`The lookup could not be started: ${describe(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  const lookupBusy = busy || (lookup !== undefined && isActive(lookup));
  return (
    <div className="stack">
      <button type="button" onClick={() => void enrich()} disabled={lookupBusy} data-testid="enrich-song">
        {lookupBusy ? "Looking up…" : "Look up metadata again"}
      </button>
      {running.map((job) => (
        <div key={job.id} className="song-job" data-testid="song-job" data-status={job.status}>
          <ProgressBar value={job.progress} label={`${jobLabel(job)}: ${statusLabel(job.status)}`} />
          <p className="muted small">{statusLabel(job.status)} · {splitStatusMessage(job.status_message).message} · {job.progress} %</p>
        </div>
      ))}
      {lookup && !isActive(lookup) && (
        <p className={lookup.status === "completed" ? "ok-text small" : "error-text small"} aria-live="polite">
          {lookup.status === "completed"
            ? `Lookup finished: ${splitStatusMessage(lookup.status_message).message}.`
            : `Lookup ${statusLabel(lookup.status).toLowerCase()}: ${lookup.error ?? lookup.status_message ?? ""}`}
          {splitStatusMessage(lookup.status_message).notes.map((note) => <span key={note} className="muted"> {note}.</span>)}
        </p>
      )}
      {error && <p className="error-text" role="alert">{error}</p>}
    </div>
  );
}
