// What comes after the current song: the next item with its singer, then a few more.
import type { QueueItem } from "../../lib/protocol/types";
import { MicIcon } from "./MicIcon";

export function UpNext({ item, emptyText }: { item: QueueItem | null; emptyText: string }) {
  return (
    <section className="up-next" data-testid="up-next" aria-label="Up next">
      <h2 className="side-heading">Up next</h2>
      {item ? (
        <>
          <p className="up-next-title">{item.entry.title}</p>
          <p className="up-next-meta">
            {item.entry.artist}
            {item.singer && <span className="up-next-singer"><MicIcon /><span className="visually-hidden">Sung by </span>{item.singer}</span>}
          </p>
        </>
      ) : (
        <p className="up-next-empty">{emptyText}</p>
      )}
    </section>
  );
}

export function QueueList({ items, startNumber, total }: { items: QueueItem[]; startNumber: number; total: number }) {
  if (items.length === 0) return null;
  const more = total - (startNumber - 1) - items.length;
  return (
    <section className="queue-list" aria-label="Queue">
      <h2 className="side-heading">Then</h2>
      <ol start={startNumber}>
        {items.map((item) => (
          <li key={item.id}>
            <span className="queue-title">{item.entry.title}</span>
            <span className="queue-meta">{item.singer ? <><MicIcon /><span className="visually-hidden">Sung by </span>{item.singer}</> : item.entry.artist}</span>
          </li>
        ))}
      </ol>
      {more > 0 && <p className="queue-more">and {more} more</p>}
    </section>
  );
}
