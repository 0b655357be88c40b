// Find a song in every provider at once and add it, with this phone's singer name.
import { useRef, type RefObject } from "react";
import type { KaraokeEntry } from "../../lib/protocol/types";
import { QUERY_MAX_CHARS } from "./entries";
import { SearchResultItem } from "./SearchResultItem";
import { SingerField } from "./SingerField";
import { useSearch } from "./useSearch";
import { Icon } from "./Icon";

export function SearchSection({ singer, onSingerChange, online, onAdd, searchInput }: {
  singer: string;
  onSingerChange: (name: string) => void;
  online: boolean;
  onAdd: (entry: KaraokeEntry) => Promise<boolean>;
  searchInput: RefObject<HTMLInputElement | null>;
}) {
  const { text, setText, searchNow, state } = useSearch();
  const askedOnce = useRef(singer.trim() === "");
  const entries = state.status === "idle" ? [] : state.entries;
  const notes = state.status === "idle" ? [] : state.notes;

  return (
    <section id="ctl-search" className="ctl-section" aria-labelledby="ctl-search-heading">
      <h2 id="ctl-search-heading">Add a song</h2>
      <SingerField name={singer} onChange={onSingerChange} highlight={askedOnce.current && singer.trim() === ""} />
      <form
        role="search"
        className="ctl-search-form"
        onSubmit={(event) => {
          event.preventDefault();
          searchNow();
          searchInput.current?.blur();
        }}
      >
        <label htmlFor="ctl-search-input" className="visually-hidden">Search songs</label>
        <input
          id="ctl-search-input"
          ref={searchInput}
          data-testid="search-input"
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Search a song or artist"
          maxLength={QUERY_MAX_CHARS}
          autoComplete="off"
          autoCorrect="off"
          enterKeyHint="search"
        />
        {text && (
          <button type="button" className="ghost ctl-clear" onClick={() => { setText(""); searchInput.current?.focus(); }} aria-label="Clear the search">
            <Icon name="close" />
          </button>
        )}
      </form>
      <p className="ctl-search-status" aria-live="polite">
        {state.status === "loading" && "Searching…"}
        {state.status === "error" && <span className="error-text">Search failed: {state.message}</span>}
        {state.status === "done" && entries.length === 0 && <>No songs found for “{state.query}”.</>}
      </p>
      {entries.length > 0 && (
        <ul className={`ctl-results${state.status === "loading" ? " ctl-stale" : ""}`} aria-label="Search results">
          {entries.map((entry) => (
            <SearchResultItem key={`${entry.source}:${entry.id}`} entry={entry} online={online} onAdd={onAdd} />
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul className="ctl-notes" aria-label="Sources that did not answer">
          {notes.map((note) => <li key={note}>{note}</li>)}
        </ul>
      )}
    </section>
  );
}
