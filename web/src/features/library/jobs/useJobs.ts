// The job list kept live: the page's socket subscribes to job events on every (re)connect, and while
// the socket is not online the list is polled over HTTP so imports still show their progress.
import { useEffect, useReducer } from "react";
import { useChorusSocket } from "../../../lib/protocol/hooks";
import { listJobs } from "../libraryApi";
import type { Job } from "../types";
import { INITIAL_JOBS, JOB_EVENTS, jobsReducer } from "./jobsState";

const POLL_INTERVAL_MS = 2_000;

export function useJobs() {
  const [state, dispatch] = useReducer(jobsReducer, INITIAL_JOBS);
  const { socket, status } = useChorusSocket({
    clientType: "controller",
    onSession: async (session) => {
      session.send("subscribe_jobs", {});
    },
  }, "jobs");

  useEffect(() => {
    if (!socket) return;
    const stops = [
      socket.on("jobs_list", (payload) => {
        const jobs = (payload as { jobs?: Job[] } | null)?.jobs;
        if (Array.isArray(jobs)) dispatch({ type: "resync", jobs });
      }),
      ...JOB_EVENTS.map((name) => socket.on(name, (payload) => dispatch({ type: "event", job: payload as Job }))),
    ];
    return () => stops.forEach((stop) => stop());
  }, [socket]);

  const online = status.state === "online";
  useEffect(() => {
    if (online) return;
    let stopped = false;
    const poll = async () => {
      try {
        const { jobs } = await listJobs();
        // A poll answered after the socket came back (this effect cleaned up) is older than its
        // jobs_list: drop it.
        if (!stopped) dispatch({ type: "resync", jobs });
      } catch {
        // The server is unreachable too; the connection status already says so.
      }
    };
    // No poll at once: a page that is just connecting gets its jobs_list in a moment, and a page
    // that lost its socket still shows the list it had.
    const timer = setInterval(() => void poll(), POLL_INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [online]);

  return { jobs: state.jobs, dispatch, socket, status, polling: !online };
}
