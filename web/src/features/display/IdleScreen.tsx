// The TV between songs: a big QR code and the room's address, and the queue if there is one.
import type { ChorusSocket, ConnectionStatus as Status } from "../../lib/protocol/ChorusSocket";
import type { RoomView } from "../../lib/protocol/roomState";
import { BreakableUrl, JoinQr } from "./JoinQr";
import { NothingPlaying } from "./NowPlaying";
import { QueueList, UpNext } from "./QueuePanel";
import { RoomStatus } from "./RoomStatus";

export function IdleScreen({ roomId, view, joinUrl, status, socket }: {
  roomId: string;
  view: RoomView;
  joinUrl: string;
  status: Status;
  socket: ChorusSocket | null;
}) {
  const queue = view.queue?.items ?? [];
  return (
    <div className="display-idle">
      <header className="idle-header">
        <p className="brand">Chorus</p>
        <RoomStatus status={status} socket={socket} clientCount={view.clientCount} />
      </header>
      <main className="idle-main">
        <JoinQr url={joinUrl} large caption={false} />
        <div className="idle-text">
          <h1 className="idle-cta">Scan to add a song</h1>
          <p className="idle-room">Room <strong>{roomId}</strong></p>
          <p className="idle-url"><BreakableUrl url={joinUrl} /></p>
          <NothingPlaying />
          {queue.length > 0 && (
            <div className="idle-queue">
              <UpNext item={queue[0]} emptyText="" />
              <QueueList items={queue.slice(1, 4)} startNumber={2} total={queue.length} />
            </div>
          )}
        </div>
      </main>
    </div>
  );
}
