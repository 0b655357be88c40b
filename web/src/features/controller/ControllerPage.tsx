// The phone controller of a room: add songs with your name, see and arrange the queue, and run the
// performance (play/pause, skip, guide vocals, volume, lyrics timing and size). Reconnecting keeps
// everything on screen; changes made meanwhile wait and go out once connected.
import { useEffect, useRef, useState } from "react";
import { Link } from "../../app/router";
import { ConnectionStatus } from "../../components/ConnectionStatus";
import { useRoom } from "../../lib/protocol/hooks";
import { roomPassword } from "../../lib/protocol/roomPasswords";
import { controllerUrl } from "../home/roomLinks";
import { useRecentRooms } from "../home/useRecentRooms";
import { InviteSheet } from "./InviteSheet";
import { NowPlayingDock } from "./NowPlayingDock";
import { OfflineNote } from "./OfflineNote";
import { QueueSection } from "./QueueSection";
import { RoomRefused } from "./RoomRefused";
import { SearchSection } from "./SearchSection";
import { SoundSection } from "./SoundSection";
import { loadSingerName, saveSingerName } from "./storage";
import { Toasts } from "./Toasts";
import { useCommands } from "./useCommands";
import { useControllerActions } from "./useControllerActions";
import { useToasts } from "./useToasts";
import "./controller.css";
import { Icon } from "./Icon";

export function ControllerPage({ roomId }: { roomId: string }) {
  // A refused join (wrong password, full room) closes the socket for good; trying again is a new one.
  const [attempt, setAttempt] = useState(0);
  return <ControllerRoom key={attempt} roomId={roomId} onRetry={() => setAttempt((count) => count + 1)} />;
}

function ControllerRoom({ roomId, onRetry }: { roomId: string; onRetry: () => void }) {
  const { view, status, socket, dispatch } = useRoom(roomId, "controller");
  const { toasts, notify, dismiss } = useToasts();
  const commands = useCommands(socket, status, notify);
  const [singer, setSinger] = useState(() => loadSingerName());
  const nowSinger = view.player?.singer ?? null;
  const [inviting, setInviting] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);
  const { remember } = useRecentRooms();

  const online = status.state === "online";
  useEffect(() => {
    // A password typed for this room (home page or prompt) marks it as a password room.
    if (online) remember(roomId, roomPassword(roomId) ? true : undefined);
  }, [online, roomId, remember]);

  const player = view.player;
  const reportedPlaying = player?.play_state === "playing" || player?.play_state === "buffering";
  const actions = useControllerActions({ commands, notify, singer, reportedPlaying });
  // Chorus's queue never holds the playing item (protocol §7); roomState's upcoming() filters by
  // entry id, which would also hide the same song queued again by someone else.
  const queue = view.queue?.items ?? [];

  const jump = (section: "search" | "queue" | "sound") => {
    document.getElementById(`ctl-${section}`)?.scrollIntoView({ behavior: "smooth", block: "start" });
    if (section === "search") searchInput.current?.focus({ preventScroll: true });
  };

  return (
    <div className="ctl">
      <header className="ctl-header">
        <Link to="/" className="button ghost ctl-back" aria-label="All rooms"><Icon name="back" /></Link>
        <div className="ctl-room">
          <h1>{roomId}</h1>
          {view.clientCount > 0 && <span className="ctl-here">{view.clientCount} here</span>}
        </div>
        <ConnectionStatus status={status} compact />
        <button type="button" className="ctl-invite-button" onClick={() => setInviting((open) => !open)} aria-expanded={inviting}>
          <Icon name="share" /> Invite
        </button>
        {(status.state === "offline" || (status.state === "connecting" && status.attempt > 0)) && (
          <OfflineNote waiting={commands.waiting} canRetry={status.state === "offline"} onRetry={() => socket?.reconnectNow()} />
        )}
      </header>
      <main className="ctl-main">
        {inviting && (
          <InviteSheet roomId={roomId} url={controllerUrl(roomId, window.location.origin)} notify={notify} onClose={() => setInviting(false)} />
        )}
        {status.state === "rejected" ? (
          <RoomRefused roomId={roomId} reason={status.reason} onRetry={onRetry} />
        ) : (
          <>
            <SearchSection
              singer={singer}
              onSingerChange={(name) => {
                setSinger(name);
                saveSingerName(name);
              }}
              online={online}
              onAdd={actions.add}
              searchInput={searchInput}
            />
            <QueueSection
              items={queue}
              loaded={view.queue !== null}
              singer={singer}
              onPlayNext={actions.playNext}
              onRemove={actions.remove}
              onClear={actions.clear}
              onFindSongs={() => jump("search")}
            />
            <SoundSection performance={view.performance} player={player} commands={commands} dispatch={dispatch} />
          </>
        )}
      </main>
      <Toasts toasts={toasts} onDismiss={dismiss} />
      {status.state !== "rejected" && (
        <NowPlayingDock
          player={player}
          playing={actions.playing}
          singer={nowSinger}
          queueLength={queue.length}
          onPlayPause={actions.playPause}
          onSkip={() => actions.skip(player?.entry ?? null)}
          onJump={jump}
        />
      )}
    </div>
  );
}
