// The imports in progress and recently finished, newest first, live from the socket.
import { useState } from "react";
import type { Job } from "../types";
import { JobItem } from "./JobItem";
import { canDismiss, isActive } from "./jobsState";
import { jobAction } from "../libraryApi";

// Enough to follow a few imports without pushing the song list far down the page.
const FIRST_SHOWN = 6;

export function JobList({ jobs, polling, onDismissed }: {
  jobs: Job[];
  polling: boolean;
  onDismissed: (id: string) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const [clearing, setClearing] = useState(false);
  const active = jobs.filter(isActive).length;
  const finished = jobs.filter(canDismiss);
  const shown = showAll ? jobs : jobs.slice(0, FIRST_SHOWN);

  const dismissFinished = async () => {
    setClearing(true);
    // One at a time: a folder import can leave hundreds, and the server has other work.
    for (const job of finished) {
      try {
        await jobAction(job.id, "dismiss");
        onDismissed(job.id);
      } catch {
        // Left in the list, where its own Dismiss button reports the error.
      }
    }
    setClearing(false);
  };

  return (
    <section className="card stack" aria-labelledby="jobs-heading">
      <div className="section-head">
        <h2 id="jobs-heading">Imports</h2>
        <span className="muted" aria-live="polite">
          {jobs.length === 0 ? "Nothing imported lately" : `${active} running · ${jobs.length - active} finished`}
        </span>
        {finished.length > 1 && (
          <button type="button" className="ghost" disabled={clearing} onClick={() => void dismissFinished()}>
            {clearing ? "Clearing…" : `Dismiss ${finished.length} finished`}
          </button>
        )}
      </div>
      {polling && (
        <p className="muted notice" role="status">Live updates are paused while the connection is down; checking every 2 s.</p>
      )}
      {jobs.length > 0 && (
        <ul className="job-list">
          {shown.map((job) => <JobItem key={job.id} job={job} onDismissed={onDismissed} />)}
        </ul>
      )}
      {jobs.length > shown.length && (
        <button type="button" onClick={() => setShowAll(true)}>Show all {jobs.length} jobs</button>
      )}
    </section>
  );
}
