// How dropped or picked files become upload requests, and the uploads' state. Pure, so grouping
// and scheduling are unit-tested.
import type { ImportAnswer } from "../types";

/** A file to send and the folder it was found in (`""` for picked files). */
export interface PickedFile<F = File> {
  file: F;
  name: string;
  size: number;
  folder: string;
}

/**
 * Groups files by folder and base name, ignoring case, in the order they came: the server pairs
 * `Song.mp3` with `Song.cdg` and `Song.lrc` only when they arrive in one request.
 */
export function groupFiles<F>(files: readonly PickedFile<F>[]): PickedFile<F>[][] {
  const groups = new Map<string, PickedFile<F>[]>();
  for (const picked of files) {
    const key = `${picked.folder.toLowerCase()}/${baseName(picked.name).toLowerCase()}`;
    const group = groups.get(key);
    if (group) group.push(picked);
    else groups.set(key, [picked]);
  }
  return [...groups.values()];
}

/** `Song.Title.mp3` → `Song.Title`; a name without an extension (or a dot file) is its own base. */
export function baseName(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

export type UploadStatus = "queued" | "uploading" | "done" | "failed" | "cancelled";

export interface UploadItem {
  id: string;
  names: string[];
  bytes: number;
  status: UploadStatus;
  /** 0-100 of the bytes sent; never goes back. */
  progress: number;
  answer: ImportAnswer | null;
  error: string | null;
  errorCode: string | null;
}

export type UploadAction =
  | { type: "add"; items: { id: string; names: string[]; bytes: number }[] }
  | { type: "start"; id: string }
  | { type: "progress"; id: string; loaded: number; total: number }
  | { type: "done"; id: string; answer: ImportAnswer }
  | { type: "failed"; id: string; error: string; code: string | null }
  | { type: "cancelled"; id: string }
  | { type: "clearFinished" };

export function uploadsReducer(items: UploadItem[], action: UploadAction): UploadItem[] {
  const update = (id: string, change: (item: UploadItem) => UploadItem) =>
    items.map((item) => (item.id === id ? change(item) : item));
  switch (action.type) {
    case "add":
      return [
        ...items,
        ...action.items.map((item) => ({
          ...item, status: "queued" as const, progress: 0, answer: null, error: null, errorCode: null,
        })),
      ];
    case "start":
      return update(action.id, (item) => (item.status === "queued" ? { ...item, status: "uploading" } : item));
    case "progress":
      return update(action.id, (item) => {
        if (item.status !== "uploading" || action.total <= 0) return item;
        const percent = Math.min(100, Math.floor((action.loaded / action.total) * 100));
        return percent > item.progress ? { ...item, progress: percent } : item;
      });
    case "done":
      return update(action.id, (item) => ({ ...item, status: "done", progress: 100, answer: action.answer }));
    case "failed":
      return update(action.id, (item) => ({ ...item, status: "failed", error: action.error, errorCode: action.code }));
    case "cancelled":
      return update(action.id, (item) =>
        item.status === "queued" || item.status === "uploading" ? { ...item, status: "cancelled" } : item);
    case "clearFinished":
      return items.filter((item) => item.status === "queued" || item.status === "uploading");
  }
}

/** The queued uploads that may start now, oldest first, keeping at most `parallel` running. */
export function uploadsToStart(items: readonly UploadItem[], parallel: number): string[] {
  const running = items.filter((item) => item.status === "uploading").length;
  const room = Math.max(0, parallel - running);
  return items.filter((item) => item.status === "queued").slice(0, room).map((item) => item.id);
}

/** A line saying what the server made of an upload. */
export function answerSummary(answer: ImportAnswer): string {
  const jobs = answer.jobs.length;
  const skipped = answer.skipped.length;
  const parts = [jobs === 1 ? "1 song is being imported" : `${jobs} songs are being imported`];
  if (jobs === 0) parts[0] = "Nothing to import";
  if (skipped > 0) parts.push(`${skipped} file${skipped === 1 ? "" : "s"} skipped`);
  return parts.join(" · ");
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
