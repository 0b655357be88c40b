// The TV while a song is on: now playing across the top, the stage, progress and mix beneath, and
// a side column with the QR code, what is up next and the queue.
import type { ChorusSocket, ConnectionStatus as Status } from "../../lib/protocol/ChorusSocket";
import type { RoomView } from "../../lib/protocol/roomState";
import { coverUrl } from "./librarySong";
import { JoinQr } from "./JoinQr";
import { NowPlaying } from "./NowPlaying";
import { LibraryPlayback } from "./playback/LibraryPlayback";
import { UrlPlayback } from "./playback/UrlPlayback";
import { ProgressFooter } from "./ProgressFooter";
import { QueueList, UpNext } from "./QueuePanel";
import { RoomStatus } from "./RoomStatus";
import { Stage } from "./Stage";
import type { CurrentSong } from "./usePlaybackFlow";
import type { PlaybackSnapshot } from "./usePlaybackSnapshot";

export function PlayingScreen({ current, snapshot, view, joinUrl, status, socket }: {
  current: CurrentSong;
  snapshot: PlaybackSnapshot | null;
  view: RoomView;
  joinUrl: string;
  status: Status;
  socket: ChorusSocket | null;
}) {
  const song = current.playback instanceof LibraryPlayback ? current.playback.song : null;
  const provider = current.playback instanceof UrlPlayback ? current.playback.provider : null;
  const title = song?.title ?? current.entry.title;
  const artist = song?.artist ?? current.entry.artist;
  const cover = song ? coverUrl(song) : current.entry.thumbnail_url ?? null;
  const queue = view.queue?.items ?? [];
  return (
    <div className="display-playing">
      <header className="display-header">
        <NowPlaying entry={current.entry} title={title} artist={artist} singer={current.singer} cover={cover} snapshot={snapshot} />
      </header>
      {snapshot && (
        <Stage
          playback={current.playback}
          snapshot={snapshot}
          song={song}
          title={title}
          cover={cover}
          performance={view.performance}
        />
      )}
      {snapshot && <ProgressFooter snapshot={snapshot} provider={provider} />}
      <aside className="display-side">
        <JoinQr url={joinUrl} />
        <p className="side-cta">Scan to add a song</p>
        <UpNext item={queue[0] ?? null} emptyText="Nothing queued yet" />
        <QueueList items={queue.slice(1, 4)} startNumber={2} total={queue.length} />
        <RoomStatus status={status} socket={socket} clientCount={view.clientCount} />
      </aside>
    </div>
  );
}
