// The live job list: a full list on every (re)connect or poll, then one event per change. Pure, so
// the ordering and the rules for late or stale events are unit-tested.
import type { Job, JobStatus } from "../types";

export type JobEventName = "job_created" | "job_updated" | "job_completed" | "job_failed" | "job_cancelled";

export const JOB_EVENTS: JobEventName[] = ["job_created", "job_updated", "job_completed", "job_failed", "job_cancelled"];

export type JobsAction =
  /** `jobs_list` of the socket or `GET /api/jobs`: the server's whole list, which replaces ours. */
  | { type: "resync"; jobs: Job[] }
  /** One socket event: the job's newest state. */
  | { type: "event"; job: Job }
  /**
   * Jobs an HTTP answer created (upload, import, enrich). The answer was written when the job was
   * made, so the socket may already have told us more: only jobs we do not know yet are added.
   */
  | { type: "known"; jobs: Job[] }
  /** A job this page dismissed (needed while polling, when no event will say so). */
  | { type: "remove"; id: string };

export interface JobsState {
  jobs: Job[];
}

export const INITIAL_JOBS: JobsState = { jobs: [] };

export function jobsReducer(state: JobsState, action: JobsAction): JobsState {
  switch (action.type) {
    case "resync":
      return { jobs: sortNewestFirst(action.jobs.filter((job) => !job.dismissed)) };
    case "event": {
      const incoming = action.job;
      if (!incoming || typeof incoming.id !== "string") return state;
      const existing = state.jobs.find((job) => job.id === incoming.id);
      if (incoming.dismissed) {
        return existing ? { jobs: state.jobs.filter((job) => job.id !== incoming.id) } : state;
      }
      const merged = existing ? mergeJob(existing, incoming) : incoming;
      const others = state.jobs.filter((job) => job.id !== incoming.id);
      return { jobs: sortNewestFirst([...others, merged]) };
    }
    case "known": {
      const known = new Set(state.jobs.map((job) => job.id));
      const added = action.jobs.filter((job) => !known.has(job.id) && !job.dismissed);
      return added.length === 0 ? state : { jobs: sortNewestFirst([...state.jobs, ...added]) };
    }
    case "remove":
      return state.jobs.some((job) => job.id === action.id)
        ? { jobs: state.jobs.filter((job) => job.id !== action.id) }
        : state;
  }
}

/**
 * The newest event wins (a retried job really goes from failed back to pending), but progress
 * never goes back within one status: progress is throttled on the server, and a bar that jumps
 * backwards reads as a fault.
 */
export function mergeJob(existing: Job, incoming: Job): Job {
  if (incoming.status === existing.status && incoming.progress < existing.progress) {
    return { ...incoming, progress: existing.progress };
  }
  return incoming;
}

function createdTime(job: Job): number {
  const time = job.created_at ? Date.parse(job.created_at) : Number.NaN;
  // A job without a readable time is one we just heard of: newest.
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

export function sortNewestFirst(jobs: Job[]): Job[] {
  return [...jobs].sort((a, b) => {
    const difference = createdTime(b) - createdTime(a);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  });
}

const ACTIVE: JobStatus[] = ["pending", "downloading", "processing", "finalizing"];

export const canCancel = (job: Job) => ACTIVE.includes(job.status);
/**
 * Whether Retry can work: the server removes an upload's staged file when its job ends, however it
 * ends, so a finished file import can only be uploaded again; URL imports and lookups can retry.
 */
export const canRetry = (job: Job) => (job.status === "failed" || job.status === "cancelled") && job.kind !== "import_file";
export const canDismiss = (job: Job) => job.status === "completed" || job.status === "failed" || job.status === "cancelled";
export const isActive = (job: Job) => ACTIVE.includes(job.status);

/**
 * Changes whenever a job starts, changes status or goes away, but not on progress: the song list
 * reloads on it (songs appear as pending, then turn processed or disappear when an import fails).
 */
export function librarySignature(jobs: readonly Job[]): string {
  return jobs.map((job) => `${job.id}:${job.status}:${job.song_id ?? ""}`).join(",");
}

/** What to call a job: its song's names once known, else the file, else the kind of work. */
export function jobLabel(job: Job): string {
  const names = job.title ? (job.artist ? `${job.title} — ${job.artist}` : job.title) : null;
  if (job.kind === "enrich_song") return names ? `Lookup: ${names}` : "Metadata lookup";
  if (names) return names;
  if (job.filename) return job.filename;
  return job.kind === "import_url" ? "Import from a web page" : "Import";
}

/**
 * A job's last message carries the lookup services' notes after `; `
 * ("Processing complete; iTunes: could not be reached ..."): the first part is what happened.
 */
export function splitStatusMessage(message: string | null): { message: string; notes: string[] } {
  if (!message) return { message: "", notes: [] };
  const [first, ...rest] = message.split("; ");
  return { message: first, notes: rest.filter((note) => note.trim() !== "") };
}
