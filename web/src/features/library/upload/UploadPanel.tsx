// Uploading songs: drop files or folders, or pick them; one request per song (an audio file with
// its .cdg and .lrc), a few at a time, each with its own progress bar.
import { useEffect, useReducer, useRef, useState, type DragEvent } from "react";
import { describe } from "../../../lib/api";
import type { Job } from "../types";
import { ApiError } from "../../../lib/api";
import { droppedFiles, pickedFiles } from "./droppedFiles";
import { sendUpload, UploadCancelled } from "./sendUpload";
import { groupFiles, uploadsReducer, uploadsToStart, type PickedFile } from "./uploadPlan";
import { UploadItemView } from "./UploadItemView";

const PARALLEL_UPLOADS = 3;

/** `onJobs` gets the jobs each upload created; it must be stable (it is an effect dependency). */
export function UploadPanel({ onJobs }: { onJobs: (jobs: Job[]) => void }) {
  const [items, dispatch] = useReducer(uploadsReducer, []);
  const [dragging, setDragging] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);
  const files = useRef(new Map<string, PickedFile[]>());
  const aborts = useRef(new Map<string, () => void>());
  const nextId = useRef(0);

  const enqueue = (picked: PickedFile[]) => {
    setDropError(null);
    if (picked.length === 0) return;
    const added = groupFiles(picked).map((group) => {
      const id = `upload-${++nextId.current}`;
      files.current.set(id, group);
      return { id, names: group.map((item) => item.name), bytes: group.reduce((sum, item) => sum + item.size, 0) };
    });
    dispatch({ type: "add", items: added });
  };

  useEffect(() => {
    for (const id of uploadsToStart(items, PARALLEL_UPLOADS)) {
      const group = files.current.get(id);
      if (!group || aborts.current.has(id)) continue;
      dispatch({ type: "start", id });
      const { done, abort } = sendUpload(group, (loaded, total) => dispatch({ type: "progress", id, loaded, total }));
      aborts.current.set(id, abort);
      done.then(
        (answer) => {
          dispatch({ type: "done", id, answer });
          onJobs(answer.jobs);
        },
        (error: unknown) => {
          if (error instanceof UploadCancelled) dispatch({ type: "cancelled", id });
          else dispatch({ type: "failed", id, error: describe(error), code: error instanceof ApiError ? error.code : null });
        },
      ).finally(() => {
        files.current.delete(id);
      });
    }
  }, [items, onJobs]);

  const cancel = (id: string) => {
    const abort = aborts.current.get(id);
    if (abort) abort();
    else {
      files.current.delete(id);
      dispatch({ type: "cancelled", id });
    }
  };

  const onDrop = async (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    try {
      enqueue(await droppedFiles(event.dataTransfer));
    } catch (error) {
      setDropError(`Could not read the dropped files: ${describe(error)}`);
    }
  };

  const finished = items.some((item) => item.status !== "queued" && item.status !== "uploading");
  return (
    <section className="card stack" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload songs</h2>
      <div
        className={`drop-zone${dragging ? " drop-zone-active" : ""}`}
        onDragEnter={(event) => { event.preventDefault(); setDragging(true); }}
        onDragOver={(event) => { event.preventDefault(); event.dataTransfer.dropEffect = "copy"; }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(event) => void onDrop(event)}
      >
        <p className="drop-zone-text">Drop audio files, karaoke pairs (<code>.mp3</code> + <code>.cdg</code>, <code>.lrc</code>), zips or folders here</p>
        <input
          id="upload-input"
          className="visually-hidden upload-input"
          type="file"
          multiple
          data-testid="upload-input"
          onChange={(event) => {
            enqueue(pickedFiles(event.currentTarget.files));
            event.currentTarget.value = "";
          }}
        />
        <label htmlFor="upload-input" className="button primary upload-label">Choose files</label>
        <p className="muted small">Files with the same name (<code>Song.mp3</code>, <code>Song.cdg</code>, <code>Song.lrc</code>) are sent together and become one song.</p>
      </div>
      {dropError && <p className="error-text" role="alert">{dropError}</p>}
      {items.length > 0 && (
        <ul className="job-list" aria-label="Uploads">
          {items.map((item) => <UploadItemView key={item.id} item={item} onCancel={cancel} />)}
        </ul>
      )}
      {finished && (
        <button type="button" className="ghost" onClick={() => dispatch({ type: "clearFinished" })}>Clear finished uploads</button>
      )}
    </section>
  );
}
