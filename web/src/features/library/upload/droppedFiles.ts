// The files of a drop, folders included: a dropped folder arrives as a directory entry, read with
// the (widely supported) webkitGetAsEntry API so a whole karaoke folder can be dropped at once.
import type { PickedFile } from "./uploadPlan";

const MAX_FILES = 10_000;

export async function droppedFiles(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = [...transfer.items]
    .filter((item) => item.kind === "file")
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((entry) => entry === null)) {
    return [...transfer.files].map((file) => ({ file, name: file.name, size: file.size, folder: "" }));
  }
  const found: PickedFile[] = [];
  for (const entry of entries) await collect(entry as FileSystemEntry, "", found);
  return found;
}

async function collect(entry: FileSystemEntry, folder: string, found: PickedFile[]): Promise<void> {
  if (found.length >= MAX_FILES) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    found.push({ file, name: file.name, size: file.size, folder });
    return;
  }
  if (entry.isDirectory) {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) {
      await collect(child, path, found);
    }
  }
}

/** A directory reader answers in batches (100 in Chrome) until it answers an empty one. */
async function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

export function pickedFiles(list: FileList | null): PickedFile[] {
  return [...(list ?? [])].map((file) => ({ file, name: file.name, size: file.size, folder: "" }));
}
