// What comes after the current song, in order, and clearing it (asked first).
import { useState } from "react";
import type { QueueItem } from "../../lib/protocol/types";
import { QueueRow } from "./QueueRow";

export function QueueSection({ items, loaded, singer, onPlayNext, onRemove, onClear, onFindSongs }: {
  items: QueueItem[];
  loaded: boolean;
  singer: string;
  onPlayNext: (item: QueueItem) => void;
  onRemove: (item: QueueItem) => Promise<boolean>;
  onClear: () => Promise<boolean>;
  onFindSongs: () => void;
}) {
  const [confirmClear, setConfirmClear] = useState(false);
  const me = singer.trim().toLowerCase();

  return (
    <section id="ctl-queue" className="ctl-section" aria-labelledby="ctl-queue-heading">
      <div className="ctl-section-head">
        <h2 id="ctl-queue-heading">Up next {items.length > 0 && <span className="ctl-count">{items.length}</span>}</h2>
        {items.length > 0 && !confirmClear && (
          <button type="button" className="ghost ctl-small" onClick={() => setConfirmClear(true)}>Clear queue</button>
        )}
      </div>
      {confirmClear && (
        <div className="ctl-confirm-bar" role="group" aria-label="Clear the whole queue?">
          <span>Remove all {items.length} songs?</span>
          <button
            type="button"
            className="danger"
            onClick={async () => {
              await onClear();
              setConfirmClear(false);
            }}
          >
            Clear queue
          </button>
          <button type="button" onClick={() => setConfirmClear(false)} autoFocus>Cancel</button>
        </div>
      )}
      {!loaded && <p className="muted">Loading the queue…</p>}
      {loaded && items.length === 0 && (
        <div className="ctl-empty">
          <p>The queue is empty.</p>
          <button type="button" onClick={onFindSongs}>Find a song</button>
        </div>
      )}
      {items.length > 0 && (
        <ol className="ctl-queue" aria-label="Queue">
          {items.map((item, index) => (
            <QueueRow
              key={item.id}
              item={item}
              position={index + 1}
              mine={me !== "" && (item.singer ?? "").trim().toLowerCase() === me}
              onPlayNext={onPlayNext}
              onRemove={onRemove}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
