import { describe, expect, it } from "vitest";
import { answerSummary, baseName, formatBytes, groupFiles, uploadsReducer, uploadsToStart, type PickedFile, type UploadItem } from "./uploadPlan";

const picked = (name: string, folder = ""): PickedFile<string> => ({ file: name, name, size: 10, folder });

describe("groupFiles", () => {
  it("puts an audio file with its graphics and lyrics into one request, ignoring case", () => {
    const groups = groupFiles([picked("Song.mp3"), picked("Other.wav"), picked("song.CDG"), picked("Song.lrc")]);
    expect(groups.map((group) => group.map((item) => item.name))).toEqual([
      ["Song.mp3", "song.CDG", "Song.lrc"],
      ["Other.wav"],
    ]);
  });

  it("keeps files of the same name in different folders apart", () => {
    const groups = groupFiles([picked("Song.mp3", "a"), picked("Song.cdg", "b"), picked("Song.cdg", "a")]);
    expect(groups.map((group) => group.map((item) => `${item.folder}/${item.name}`))).toEqual([
      ["a/Song.mp3", "a/Song.cdg"],
      ["b/Song.cdg"],
    ]);
  });

  it("only strips the last extension", () => {
    expect(baseName("My.Song.mp3")).toBe("My.Song");
    expect(baseName("README")).toBe("README");
    expect(baseName(".hidden")).toBe(".hidden");
    expect(groupFiles([picked("My.Song.mp3"), picked("My.cdg")])).toHaveLength(2);
  });
});

function items(...statuses: UploadItem["status"][]): UploadItem[] {
  return statuses.map((status, index) => ({
    id: `u${index}`, names: [`f${index}`], bytes: 1, status, progress: 0, answer: null, error: null, errorCode: null,
  }));
}

describe("uploadsToStart", () => {
  it("starts the oldest queued uploads up to the limit", () => {
    expect(uploadsToStart(items("queued", "queued", "queued", "queued"), 3)).toEqual(["u0", "u1", "u2"]);
    expect(uploadsToStart(items("uploading", "done", "queued", "queued"), 2)).toEqual(["u2"]);
    expect(uploadsToStart(items("uploading", "uploading", "queued"), 2)).toEqual([]);
  });
});

describe("uploadsReducer", () => {
  it("tracks progress that never goes back and ends at 100", () => {
    let state = uploadsReducer([], { type: "add", items: [{ id: "a", names: ["x.wav"], bytes: 100 }] });
    expect(state[0]).toMatchObject({ status: "queued", progress: 0 });
    state = uploadsReducer(state, { type: "progress", id: "a", loaded: 50, total: 100 });
    expect(state[0].progress).toBe(0);
    state = uploadsReducer(state, { type: "start", id: "a" });
    state = uploadsReducer(state, { type: "progress", id: "a", loaded: 50, total: 100 });
    state = uploadsReducer(state, { type: "progress", id: "a", loaded: 30, total: 100 });
    expect(state[0].progress).toBe(50);
    state = uploadsReducer(state, { type: "done", id: "a", answer: { success: true, jobs: [], skipped: [] } });
    expect(state[0]).toMatchObject({ status: "done", progress: 100 });
  });

  it("keeps a failure's message and code, and clears only finished uploads", () => {
    let state = uploadsReducer([], { type: "add", items: [{ id: "a", names: ["a"], bytes: 1 }, { id: "b", names: ["b"], bytes: 1 }] });
    state = uploadsReducer(state, { type: "start", id: "a" });
    state = uploadsReducer(state, { type: "failed", id: "a", error: "too big", code: "FILE_TOO_LARGE" });
    expect(state[0]).toMatchObject({ status: "failed", error: "too big", errorCode: "FILE_TOO_LARGE" });
    state = uploadsReducer(state, { type: "clearFinished" });
    expect(state.map((item) => item.id)).toEqual(["b"]);
  });

  it("cancels only uploads that have not finished", () => {
    let state = uploadsReducer(items("done", "uploading"), { type: "cancelled", id: "u0" });
    state = uploadsReducer(state, { type: "cancelled", id: "u1" });
    expect(state.map((item) => item.status)).toEqual(["done", "cancelled"]);
  });
});

describe("answerSummary", () => {
  it("says how many songs and skipped files", () => {
    expect(answerSummary({ success: true, jobs: [{} as never], skipped: [] })).toBe("1 song is being imported");
    expect(answerSummary({ success: true, jobs: [], skipped: [{ name: "a.lrc", reason: "alone" }] })).toBe("Nothing to import · 1 file skipped");
  });
});

describe("formatBytes", () => {
  it("uses a readable unit", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(352_844)).toBe("345 KB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
  });
});
