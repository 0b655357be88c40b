// The library: search, sort, pages of songs. Reloads when an import changes what is in it.
import { useEffect, useRef, useState } from "react";
import { describe } from "../../../lib/api";
import { navigate, useLocation } from "../../../app/router";
import { listSongs } from "../libraryApi";
import type { SongListItem } from "../types";
import { SongRow } from "./SongRow";
import { defaultDirection, PAGE_SIZE, pageInfo, readListParams, SORTS, writeListParams, type ListParams, type SortBy } from "./songListQuery";

const SEARCH_DELAY_MS = 300;
const REFRESH_DELAY_MS = 500;

export function SongList({ refreshKey }: { refreshKey: string }) {
  const { search } = useLocation();
  const params = readListParams(search);
  const [text, setText] = useState(params.q);
  const [songs, setSongs] = useState<SongListItem[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [reload, setReload] = useState(0);
  const firstRefresh = useRef(true);

  const update = (change: Partial<ListParams>) => {
    // From the address bar, not this render: a debounced search must not undo a newer sort.
    const next = { ...readListParams(new URLSearchParams(window.location.search)), ...change };
    navigate(`/library${writeListParams(next)}`, { replace: true });
  };

  useEffect(() => {
    if (text === params.q) return;
    const timer = setTimeout(() => update({ q: text, page: 1 }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  // Jobs change in bursts (a folder of songs): one reload after they settle.
  useEffect(() => {
    if (firstRefresh.current) {
      firstRefresh.current = false;
      return;
    }
    const timer = setTimeout(() => setReload((count) => count + 1), REFRESH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [refreshKey]);

  const { q, sortBy, direction, page } = params;
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    listSongs({ q, sortBy, direction, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, controller.signal).then(
      (result) => {
        setSongs(result.songs);
        setTotal(result.total);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(`The songs could not be loaded: ${describe(failure)}`);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [q, sortBy, direction, page, reload]);

  const info = pageInfo(total, page);
  const pastTheEnd = songs !== null && songs.length === 0 && total > 0 && page > info.pages;
  useEffect(() => {
    // Songs were deleted or imports failed while this page was open: show the last page there is.
    if (pastTheEnd) update({ page: info.pages });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pastTheEnd]);
  return (
    <section className="card stack" aria-labelledby="songs-heading">
      <div className="section-head">
        <h2 id="songs-heading">Songs</h2>
        <span className="muted" aria-live="polite">
          {songs === null ? "Loading…" : total === 0 ? "" : `${info.from}–${info.to} of ${total}`}
        </span>
      </div>
      <div className="song-controls">
        <div className="song-search">
          <label htmlFor="song-search">Search</label>
          <input id="song-search" type="search" placeholder="Title, artist or album" value={text}
            onChange={(event) => setText(event.target.value)} />
        </div>
        <div>
          <label htmlFor="song-sort">Sort by</label>
          <select id="song-sort" value={sortBy}
            onChange={(event) => {
              const next = event.target.value as SortBy;
              update({ sortBy: next, direction: defaultDirection(next), page: 1 });
            }}>
            {SORTS.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
          </select>
        </div>
        <button type="button" className="sort-direction" onClick={() => update({ direction: direction === "asc" ? "desc" : "asc", page: 1 })}
          aria-label={`Order: ${direction === "asc" ? "ascending" : "descending"}; switch`}>
          {direction === "asc" ? "↑ Ascending" : "↓ Descending"}
        </button>
      </div>
      {error && (
        <div className="row" role="alert">
          <p className="error-text">{error}</p>
          <button type="button" onClick={() => setReload((count) => count + 1)}>Try again</button>
        </div>
      )}
      {songs !== null && songs.length === 0 && !error && (
        <p className="muted">{q.trim() ? `No song matches “${q.trim()}”.` : "No songs yet: upload some above."}</p>
      )}
      {songs !== null && songs.length > 0 && (
        <ul className={`song-list${loading ? " song-list-loading" : ""}`} aria-busy={loading}>
          {songs.map((song) => <SongRow key={song.id} song={song} />)}
        </ul>
      )}
      {info.pages > 1 && (
        <nav className="row pager" aria-label="Pages of songs">
          <button type="button" disabled={!info.hasPrevious} onClick={() => update({ page: info.page - 1 })}>← Previous</button>
          <span>Page {info.page} of {info.pages}</span>
          <button type="button" disabled={!info.hasNext} onClick={() => update({ page: info.page + 1 })}>Next →</button>
        </nav>
      )}
    </section>
  );
}
