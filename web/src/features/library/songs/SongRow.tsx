// One song of the list, the whole row a link to its page.
import { Link } from "../../../app/router";
import { Cover } from "../Cover";
import { StatusBadge } from "../StatusBadge";
import type { SongListItem } from "../types";
import { formatDuration } from "./songListQuery";

export function SongRow({ song }: { song: SongListItem }) {
  const details = [song.album, song.year ? String(song.year) : null, formatDuration(song.durationMs)].filter(Boolean).join(" · ");
  return (
    <li>
      <Link className="song-row" data-testid="song-row" data-song-id={song.id} data-status={song.status}
        to={`/library/songs/${encodeURIComponent(song.id)}`}>
        <Cover songId={song.id} hasCover={song.thumbnail !== null} title={song.title} size="small" />
        <span className="song-row-text">
          <span className="song-row-title">{song.title}</span>
          <span className="song-row-artist">{song.artist}</span>
          {details && <span className="song-row-details muted">{details}</span>}
        </span>
        {song.status !== "processed" && <StatusBadge status={song.status} />}
      </Link>
    </li>
  );
}
