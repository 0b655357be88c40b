// Search as you type: the query goes out 300 ms after the last key, and a request that a newer
// query made stale is aborted so its answer can never replace the newer one's.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api, describe } from "../../lib/api";
import type { KaraokeEntry } from "../../lib/protocol/types";
import { parseSearchAnswer, searchQuery } from "./entries";
import { debounce } from "./rateLimit";

export const SEARCH_DEBOUNCE_MS = 300;

export type SearchState =
  | { status: "idle" }
  | { status: "loading"; query: string; entries: KaraokeEntry[]; notes: string[] }
  | { status: "done"; query: string; entries: KaraokeEntry[]; notes: string[] }
  | { status: "error"; query: string; message: string; entries: KaraokeEntry[]; notes: string[] };

export function useSearch(): { text: string; setText: (text: string) => void; searchNow: () => void; state: SearchState } {
  const [text, setTextState] = useState("");
  const [state, setState] = useState<SearchState>({ status: "idle" });
  const inFlight = useRef<AbortController | null>(null);

  const run = useMemo(() => debounce((query: string) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState((previous) => ({ status: "loading", query, ...shownBefore(previous) }));
    api<unknown>(`/search?query=${encodeURIComponent(query)}`, { signal: controller.signal })
      .then((body) => {
        if (!controller.signal.aborted) setState({ status: "done", query, ...parseSearchAnswer(body) });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({ status: "error", query, message: describe(error), ...shownBefore(previous) }));
      });
  }, SEARCH_DEBOUNCE_MS), []);

  useEffect(() => () => {
    run.cancel();
    inFlight.current?.abort();
  }, [run]);

  const setText = useCallback((value: string) => {
    setTextState(value);
    inFlight.current?.abort();
    const query = searchQuery(value);
    if (query === null) {
      run.cancel();
      setState({ status: "idle" });
    } else {
      run(query);
    }
  }, [run]);

  return { text, setText, searchNow: run.flush, state };
}

/** The results on screen while a newer query loads, so the list does not flicker away. */
function shownBefore(previous: SearchState): { entries: KaraokeEntry[]; notes: string[] } {
  return previous.status === "idle" ? { entries: [], notes: [] } : { entries: previous.entries, notes: previous.notes };
}
