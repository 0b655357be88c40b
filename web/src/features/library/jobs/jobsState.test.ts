import { describe, expect, it } from "vitest";
import type { Job } from "../types";
import { INITIAL_JOBS, canRetry, jobLabel, jobsReducer, librarySignature, mergeJob, splitStatusMessage, type JobsState } from "./jobsState";

function job(id: string, overrides: Partial<Job> = {}): Job {
  return {
    id, filename: `${id}.wav`, status: "pending", progress: 0, status_message: "Queued", song_id: null,
    title: null, artist: null, created_at: "2026-01-01T10:00:00.000000+00:00", started_at: null,
    completed_at: null, error: null, notes: null, dismissed: false, ...overrides,
  };
}

const ids = (state: JobsState) => state.jobs.map((item) => item.id);

describe("jobsReducer", () => {
  it("orders a resync newest first and leaves dismissed jobs out", () => {
    const state = jobsReducer(INITIAL_JOBS, {
      type: "resync",
      jobs: [
        job("old", { created_at: "2026-01-01T09:00:00.000000+00:00" }),
        job("new", { created_at: "2026-01-01T11:00:00.000000+00:00" }),
        job("gone", { created_at: "2026-01-01T12:00:00.000000+00:00", dismissed: true }),
        job("mid", { created_at: "2026-01-01T10:00:00.000000+00:00" }),
      ],
    });
    expect(ids(state)).toEqual(["new", "mid", "old"]);
  });

  it("replaces the whole list on a resync, dropping jobs the server no longer lists", () => {
    let state = jobsReducer(INITIAL_JOBS, { type: "resync", jobs: [job("a"), job("b")] });
    state = jobsReducer(state, { type: "resync", jobs: [job("c", { status: "processing", progress: 40 })] });
    expect(ids(state)).toEqual(["c"]);
    expect(state.jobs[0].progress).toBe(40);
  });

  it("adds a created job in its place by time and applies updates", () => {
    let state = jobsReducer(INITIAL_JOBS, { type: "resync", jobs: [job("a", { created_at: "2026-01-01T10:00:00+00:00" })] });
    state = jobsReducer(state, { type: "event", job: job("b", { created_at: "2026-01-01T10:05:00+00:00" }) });
    expect(ids(state)).toEqual(["b", "a"]);
    state = jobsReducer(state, { type: "event", job: job("a", { status: "processing", progress: 35, status_message: "Separating vocals" }) });
    expect(state.jobs.find((item) => item.id === "a")).toMatchObject({ status: "processing", progress: 35, status_message: "Separating vocals" });
    expect(ids(state)).toEqual(["b", "a"]);
  });

  it("removes a job whose event says dismissed, and ignores a dismissal of an unknown job", () => {
    let state = jobsReducer(INITIAL_JOBS, { type: "resync", jobs: [job("a"), job("b", { created_at: "2026-01-01T09:00:00+00:00" })] });
    state = jobsReducer(state, { type: "event", job: job("a", { status: "completed", progress: 100, dismissed: true }) });
    expect(ids(state)).toEqual(["b"]);
    const same = jobsReducer(state, { type: "event", job: job("zzz", { dismissed: true }) });
    expect(same).toBe(state);
  });

  it("keeps progress from going back within a status when an older update arrives late", () => {
    let state = jobsReducer(INITIAL_JOBS, { type: "event", job: job("a", { status: "processing", progress: 60, status_message: "Separating vocals" }) });
    state = jobsReducer(state, { type: "event", job: job("a", { status: "processing", progress: 45, status_message: "Encoding" }) });
    expect(state.jobs[0].progress).toBe(60);
    expect(state.jobs[0].status_message).toBe("Encoding");
  });

  it("takes the latest event's status, so a retried job goes back to pending at 0", () => {
    let state = jobsReducer(INITIAL_JOBS, { type: "event", job: job("a", { status: "failed", progress: 30, error: "boom" }) });
    state = jobsReducer(state, { type: "event", job: job("a", { status: "pending", progress: 0, error: null }) });
    expect(state.jobs[0]).toMatchObject({ status: "pending", progress: 0, error: null });
  });

  it("does not let an HTTP answer overwrite what the socket already said", () => {
    let state = jobsReducer(INITIAL_JOBS, { type: "event", job: job("a", { status: "processing", progress: 30 }) });
    state = jobsReducer(state, { type: "known", jobs: [job("a"), job("b", { created_at: "2026-01-01T10:00:01+00:00" })] });
    expect(ids(state)).toEqual(["b", "a"]);
    expect(state.jobs.find((item) => item.id === "a")).toMatchObject({ status: "processing", progress: 30 });
  });

  it("removes a job this page dismissed", () => {
    let state = jobsReducer(INITIAL_JOBS, { type: "resync", jobs: [job("a"), job("b")] });
    state = jobsReducer(state, { type: "remove", id: "a" });
    expect(ids(state)).toEqual(["b"]);
  });

  it("puts a job without a readable creation time first", () => {
    const state = jobsReducer(INITIAL_JOBS, { type: "resync", jobs: [job("a"), job("b", { created_at: null })] });
    expect(ids(state)).toEqual(["b", "a"]);
  });
});

describe("mergeJob", () => {
  it("accepts lower progress in a new status", () => {
    const merged = mergeJob(job("a", { status: "downloading", progress: 29 }), job("a", { status: "processing", progress: 0 }));
    expect(merged).toMatchObject({ status: "processing", progress: 0 });
  });
});

describe("librarySignature", () => {
  it("changes with a status but not with progress", () => {
    const before = librarySignature([job("a", { status: "processing", progress: 10 })]);
    expect(librarySignature([job("a", { status: "processing", progress: 80 })])).toBe(before);
    expect(librarySignature([job("a", { status: "completed", progress: 100 })])).not.toBe(before);
  });
});

describe("jobLabel", () => {
  it("prefers title and artist, then the file name", () => {
    expect(jobLabel(job("a", { title: "Song", artist: "Band" }))).toBe("Song — Band");
    expect(jobLabel(job("a", { title: "Song" }))).toBe("Song");
    expect(jobLabel(job("a"))).toBe("a.wav");
    expect(jobLabel(job("a", { filename: null, kind: "import_url" }))).toBe("Import from a web page");
    expect(jobLabel(job("a", { filename: null, kind: "enrich_song", title: "Song" }))).toBe("Lookup: Song");
  });
});

describe("splitStatusMessage", () => {
  it("separates the services' notes from the message", () => {
    expect(splitStatusMessage("Processing complete; iTunes: could not be reached; MusicBrainz: HTTP 503")).toEqual({
      message: "Processing complete",
      notes: ["iTunes: could not be reached", "MusicBrainz: HTTP 503"],
    });
    expect(splitStatusMessage(null)).toEqual({ message: "", notes: [] });
    expect(splitStatusMessage("Queued")).toEqual({ message: "Queued", notes: [] });
  });
});

describe("canRetry", () => {
  it("offers Retry for a failed or cancelled URL import, not for a running one", () => {
    expect(canRetry(job("a", { kind: "import_url", status: "failed" }))).toBe(true);
    expect(canRetry(job("b", { kind: "import_url", status: "cancelled" }))).toBe(true);
    expect(canRetry(job("c", { kind: "import_url", status: "processing" }))).toBe(false);
  });

  it("does not offer it for a file import, whose uploaded file the server has removed", () => {
    expect(canRetry(job("d", { kind: "import_file", status: "failed" }))).toBe(false);
    expect(canRetry(job("e", { kind: "import_file", status: "cancelled" }))).toBe(false);
  });
});
