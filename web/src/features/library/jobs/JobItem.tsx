// One import or lookup job: what it is, how far, what went wrong, and what can be done about it.
import { useState } from "react";
import { describe } from "../../../lib/api";
import { Link } from "../../../app/router";
import { jobAction } from "../libraryApi";
import { ProgressBar } from "../ProgressBar";
import { StatusBadge, statusLabel } from "../StatusBadge";
import type { Job } from "../types";
import { canCancel, canDismiss, canRetry, isActive, jobLabel, splitStatusMessage } from "./jobsState";

type Action = "cancel" | "retry" | "dismiss";

export function JobItem({ job, onDismissed }: { job: Job; onDismissed: (id: string) => void }) {
  const [busy, setBusy] = useState<Action | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const label = jobLabel(job);
  const split = splitStatusMessage(job.status_message);
  const notes = split.notes;
  // "Failed" or "Cancelled" again under the badge that already says so is noise.
  const message = split.message.toLowerCase() === job.status ? "" : split.message;

  const run = async (action: Action) => {
    setBusy(action);
    setFailure(null);
    try {
      await jobAction(job.id, action);
      if (action === "dismiss") onDismissed(job.id);
    } catch (error) {
      setFailure(`Could not ${action} “${label}”: ${describe(error)}`);
    } finally {
      setBusy(null);
    }
  };

  const tone = job.status === "failed" ? "danger" : job.status === "completed" ? "ok" : job.status === "cancelled" ? "muted" : undefined;
  return (
    <li className="card job-item" data-testid="job-item" data-status={job.status} data-job-id={job.id}>
      <div className="job-head">
        <strong className="job-title">{label}</strong>
        <StatusBadge status={job.status} />
      </div>
      <ProgressBar value={job.progress} label={`${label}: ${statusLabel(job.status)}`} tone={tone} />
      {message && <p className="job-message muted">{message}{isActive(job) ? ` · ${job.progress} %` : ""}</p>}
      {job.error && job.status === "failed" && <p className="error-text job-error">{job.error}</p>}
      <div className="row job-actions">
        {job.song_id && job.status === "completed" && (
          <Link className="button primary" to={`/library/songs/${encodeURIComponent(job.song_id)}`}>Open song</Link>
        )}
        {canCancel(job) && (
          <button type="button" className="danger" disabled={busy !== null} onClick={() => void run("cancel")}
            aria-label={`Cancel ${label}`}>
            {busy === "cancel" ? "Cancelling…" : "Cancel"}
          </button>
        )}
        {canRetry(job) && (
          <button type="button" disabled={busy !== null} onClick={() => void run("retry")} aria-label={`Retry ${label}`}>
            {busy === "retry" ? "Retrying…" : "Retry"}
          </button>
        )}
        {canDismiss(job) && (
          <button type="button" className="ghost" disabled={busy !== null} onClick={() => void run("dismiss")}
            aria-label={`Dismiss ${label}`}>
            {busy === "dismiss" ? "Dismissing…" : "Dismiss"}
          </button>
        )}
        {notes.length > 0 && (
          <details className="job-details">
            <summary>{notes.length} lookup note{notes.length === 1 ? "" : "s"}</summary>
            <ul className="job-notes muted">
              {notes.map((note) => <li key={note}>{note}</li>)}
            </ul>
          </details>
        )}
      </div>
      {failure && <p className="error-text" role="alert">{failure}</p>}
    </li>
  );
}
