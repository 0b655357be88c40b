// Importing without uploading: from a web page (the server downloads it with yt-dlp) or from a
// folder on the server itself (a music collection the admin allowed).
import { useState, type FormEvent } from "react";
import { ApiError, describe } from "../../../lib/api";
import { importFolder, importUrl } from "../libraryApi";
import type { ImportAnswer, Job } from "../types";
import { explainImportError, folderProblem, urlProblem } from "./importErrors";

type Outcome = { kind: "ok"; text: string; skipped?: ImportAnswer["skipped"] } | { kind: "error"; text: string } | null;

function explain(error: unknown): string {
  return error instanceof ApiError ? explainImportError(error.code, error.message) : describe(error);
}

export function ImportPanel({ onJobs }: { onJobs: (jobs: Job[]) => void }) {
  const [url, setUrl] = useState("");
  const [folder, setFolder] = useState("");
  const [urlBusy, setUrlBusy] = useState(false);
  const [folderBusy, setFolderBusy] = useState(false);
  const [urlOutcome, setUrlOutcome] = useState<Outcome>(null);
  const [folderOutcome, setFolderOutcome] = useState<Outcome>(null);

  const submitUrl = async (event: FormEvent) => {
    event.preventDefault();
    const problem = urlProblem(url);
    if (problem) return setUrlOutcome({ kind: "error", text: problem });
    setUrlBusy(true);
    setUrlOutcome(null);
    try {
      const answer = await importUrl(url.trim());
      onJobs([answer.job]);
      setUrlOutcome({ kind: "ok", text: "The download has started; follow it under Imports." });
      setUrl("");
    } catch (error) {
      setUrlOutcome({ kind: "error", text: explain(error) });
    } finally {
      setUrlBusy(false);
    }
  };

  const submitFolder = async (event: FormEvent) => {
    event.preventDefault();
    const problem = folderProblem(folder);
    if (problem) return setFolderOutcome({ kind: "error", text: problem });
    setFolderBusy(true);
    setFolderOutcome(null);
    try {
      const answer = await importFolder(folder.trim());
      onJobs(answer.jobs);
      const count = answer.jobs.length;
      setFolderOutcome({
        kind: "ok",
        text: count === 0 ? "No songs found to import in this folder." : `${count} song${count === 1 ? "" : "s"} queued for import.`,
        skipped: answer.skipped,
      });
    } catch (error) {
      setFolderOutcome({ kind: "error", text: explain(error) });
    } finally {
      setFolderBusy(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <form className="stack" onSubmit={(event) => void submitUrl(event)} noValidate>
        <label htmlFor="import-url">From a web page (YouTube and other sites yt-dlp reads)</label>
        <div className="input-with-button">
          <input id="import-url" data-testid="import-url" type="url" inputMode="url" autoComplete="off"
            placeholder="https://www.youtube.com/watch?v=…" value={url}
            aria-invalid={urlOutcome?.kind === "error"} aria-describedby="import-url-outcome"
            onChange={(event) => setUrl(event.target.value)} />
          <button type="submit" className="primary" disabled={urlBusy}>{urlBusy ? "Starting…" : "Import"}</button>
        </div>
        <OutcomeView id="import-url-outcome" outcome={urlOutcome} />
      </form>
      <form className="stack" onSubmit={(event) => void submitFolder(event)} noValidate>
        <label htmlFor="import-folder">From a folder on the server</label>
        <div className="input-with-button">
          <input id="import-folder" data-testid="import-folder" type="text" autoComplete="off" spellCheck={false}
            placeholder="/srv/karaoke" value={folder}
            aria-invalid={folderOutcome?.kind === "error"} aria-describedby="import-folder-outcome"
            onChange={(event) => setFolder(event.target.value)} />
          <button type="submit" className="primary" disabled={folderBusy}>{folderBusy ? "Reading…" : "Import folder"}</button>
        </div>
        <OutcomeView id="import-folder-outcome" outcome={folderOutcome} />
      </form>
    </section>
  );
}

function OutcomeView({ id, outcome }: { id: string; outcome: Outcome }) {
  return (
    <div id={id} aria-live="polite">
      {outcome?.kind === "error" && <p className="error-text" role="alert">{outcome.text}</p>}
      {outcome?.kind === "ok" && <p className="ok-text">{outcome.text}</p>}
      {outcome?.kind === "ok" && outcome.skipped && outcome.skipped.length > 0 && (
        <details className="skipped">
          <summary>{outcome.skipped.length} file{outcome.skipped.length === 1 ? "" : "s"} skipped</summary>
          <ul className="job-notes">
            {outcome.skipped.slice(0, 200).map((item) => <li key={item.name}><strong>{item.name}</strong>: {item.reason}</li>)}
          </ul>
        </details>
      )}
    </div>
  );
}
