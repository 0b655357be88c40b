// A library song's lyrics (GET /api/songs/{id}/lyrics).
import { useEffect, useState } from "react";
import { api, ApiError, describe } from "../../lib/api";
import type { Lyrics } from "../../lib/lyrics/timing";

export function useLyrics(songId: string | null): { lyrics: Lyrics | null; error: string | null } {
  const [state, setState] = useState<{ id: string | null; lyrics: Lyrics | null; error: string | null }>({ id: null, lyrics: null, error: null });
  useEffect(() => {
    if (!songId) return;
    const abort = new AbortController();
    api<Lyrics>(`/api/songs/${encodeURIComponent(songId)}/lyrics`, { signal: abort.signal })
      .then((lyrics) => setState({ id: songId, lyrics, error: null }))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        // A song without lyrics is normal; only other failures are worth a word on screen.
        const missing = error instanceof ApiError && error.status === 404;
        setState({ id: songId, lyrics: null, error: missing ? null : `Lyrics could not be loaded: ${describe(error)}` });
      });
    return () => abort.abort();
  }, [songId]);
  return state.id === songId ? { lyrics: state.lyrics, error: state.error } : { lyrics: null, error: null };
}
