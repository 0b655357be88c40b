// One queued song: who sings it, and "play next" / "remove" (which asks first: a stray thumb
// must not drop someone's song).
import { useEffect, useRef, useState } from "react";
import type { QueueItem } from "../../lib/protocol/types";
import { formatClock } from "../../lib/format";
import { Icon } from "./Icon";

export function QueueRow({ item, position, mine, onPlayNext, onRemove }: {
  item: QueueItem;
  position: number;
  mine: boolean;
  onPlayNext: (item: QueueItem) => void;
  onRemove: (item: QueueItem) => Promise<boolean>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);

  const { entry } = item;
  const remove = async () => {
    setRemoving(true);
    const removed = await onRemove(item);
    if (!removed) {
      setRemoving(false);
      setConfirming(false);
    }
  };

  return (
    <li className={`ctl-queue-item${mine ? " ctl-mine" : ""}`} data-testid="queue-item" data-entry-id={item.id}>
      <span className="ctl-position" aria-label={`Number ${position}`}>{position}</span>
      <div className="ctl-result-text">
        <span className="ctl-title">{entry.title}</span>
        <span className="ctl-sub">
          {item.singer ? <span className="ctl-singer-name"><Icon name="mic" className="icon-inline" />{item.singer}{mine && " (you)"}</span> : null}
          {entry.artist && <span className="ctl-artist">{entry.artist}</span>}
          {entry.duration ? <span className="ctl-duration">{formatClock(entry.duration)}</span> : null}
        </span>
      </div>
      {confirming ? (
        <div className="ctl-confirm" role="group" aria-label={`Remove “${entry.title}”?`}>
          <button type="button" className="danger" onClick={remove} disabled={removing}>
            {removing ? "Removing…" : "Remove"}
          </button>
          <button type="button" ref={keepButton} onClick={() => setConfirming(false)} disabled={removing}>Keep</button>
        </div>
      ) : (
        <div className="ctl-row-actions">
          {position > 1 && (
            <button type="button" className="ghost ctl-icon" onClick={() => onPlayNext(item)} aria-label={`Play “${entry.title}” next`} title="Play next">
              <Icon name="top" />
            </button>
          )}
          <button type="button" className="ghost ctl-icon" onClick={() => setConfirming(true)} aria-label={`Remove “${entry.title}”`} title="Remove">
            <Icon name="close" />
          </button>
        </div>
      )}
    </li>
  );
}
