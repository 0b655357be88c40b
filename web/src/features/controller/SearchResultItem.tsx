// One search hit with its "Add" button, which says how the add went.
import { useEffect, useState } from "react";
import type { KaraokeEntry } from "../../lib/protocol/types";
import { sourceLabel } from "./entries";
import { formatClock } from "../../lib/format";
import { Icon } from "./Icon";

type AddState = "idle" | "adding" | "added";

export function SearchResultItem({ entry, online, onAdd }: {
  entry: KaraokeEntry;
  online: boolean;
  onAdd: (entry: KaraokeEntry) => Promise<boolean>;
}) {
  const [state, setState] = useState<AddState>("idle");
  useEffect(() => {
    if (state !== "added") return;
    const timer = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const add = async () => {
    if (state === "adding") return;
    setState("adding");
    setState((await onAdd(entry)) ? "added" : "idle");
  };
  const artist = entry.artist || entry.uploader;
  const label = state === "adding" ? (online ? "Adding…" : "Waiting…") : state === "added" ? "Added" : "Add";

  return (
    <li className="ctl-result" data-testid="search-result" data-source={entry.source}>
      <Thumbnail url={entry.thumbnail_url ?? null} />
      <div className="ctl-result-text">
        <span className="ctl-title">{entry.title}</span>
        <span className="ctl-sub">
          <span className={`ctl-badge ctl-badge-${entry.source === "library" ? "library" : "web"}`}>{sourceLabel(entry.source)}</span>
          {artist && <span className="ctl-artist">{artist}</span>}
          {entry.duration ? <span className="ctl-duration">{formatClock(entry.duration)}</span> : null}
        </span>
      </div>
      <button
        type="button"
        className={`ctl-add${state === "added" ? " ctl-add-done" : " primary"}`}
        onClick={add}
        aria-disabled={state === "adding"}
        aria-busy={state === "adding"}
        aria-label={`Add “${entry.title}”${artist ? ` by ${artist}` : ""} to the queue`}
      >
        {state === "added" && <Icon name="check" />}{label}
      </button>
    </li>
  );
}

function Thumbnail({ url }: { url: string | null }) {
  const [failed, setFailed] = useState(false);
  if (!url || failed) return <span className="ctl-thumb ctl-thumb-empty" aria-hidden="true">♪</span>;
  return <img className="ctl-thumb" src={url} alt="" loading="lazy" decoding="async" onError={() => setFailed(true)} />;
}
