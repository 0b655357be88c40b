// /library: upload and import songs, follow the imports live, browse and search the songs.
import { useCallback, useMemo } from "react";
import { Link } from "../../app/router";
import { ConnectionStatus } from "../../components/ConnectionStatus";
import { ImportPanel } from "./imports/ImportPanel";
import { JobList } from "./jobs/JobList";
import { librarySignature } from "./jobs/jobsState";
import { useJobs } from "./jobs/useJobs";
import { SongList } from "./songs/SongList";
import type { Job } from "./types";
import { UploadPanel } from "./upload/UploadPanel";
import "./library.css";

export function LibraryPage() {
  const { jobs, dispatch, socket, status, polling } = useJobs();
  const onJobs = useCallback((created: Job[]) => dispatch({ type: "known", jobs: created }), [dispatch]);
  const onDismissed = useCallback((id: string) => dispatch({ type: "remove", id }), [dispatch]);
  const refreshKey = useMemo(() => librarySignature(jobs), [jobs]);

  return (
    <main className="page library-page">
      <header className="library-header">
        <div>
          <p className="breadcrumb"><Link to="/">Chorus</Link></p>
          <h1>Library</h1>
        </div>
        <ConnectionStatus status={status} socket={socket} />
      </header>
      <div className="library-grid">
        <div className="stack">
          <UploadPanel onJobs={onJobs} />
          <ImportPanel onJobs={onJobs} />
        </div>
        <JobList jobs={jobs} polling={polling} onDismissed={onDismissed} />
      </div>
      <SongList refreshKey={refreshKey} />
    </main>
  );
}
