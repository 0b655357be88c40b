// The TV display of a room (`/display/{roomId}`): plays what the room's queue brings up and shows
// the lyrics, the queue and how to join.
import { useCallback } from "react";
import { useRoom } from "../../lib/protocol/hooks";
import { joinUrl } from "./format";
import { IdleScreen } from "./IdleScreen";
import { PlayingScreen } from "./PlayingScreen";
import { StartOverlay } from "./StartOverlay";
import { useAudioUnlock } from "./useAudioUnlock";
import { usePlaybackFlow } from "./usePlaybackFlow";
import { usePlaybackSnapshot } from "./usePlaybackSnapshot";
import "./display.css";

export function DisplayPage({ roomId }: { roomId: string }) {
  const { view, status, socket } = useRoom(roomId, "display");
  const audio = useAudioUnlock();
  // The server names the singer of the current item on its player states.
  const player = view.player;
  const singerFor = useCallback((entryId: string) => (player?.entry?.id === entryId ? player.singer ?? null : null), [player]);
  const { current, notice } = usePlaybackFlow({ view, socket, status, context: audio.context, singerFor });
  const snapshot = usePlaybackSnapshot(current?.playback ?? null);
  const url = joinUrl(window.location.origin, roomId);
  const blocked = audio.blocked || Boolean(snapshot?.blocked);

  const start = async () => {
    await audio.unlock();
    // A video refused before the click is asked again now that the page may play sound.
    if (current && snapshot?.blocked) current.playback.play();
  };

  return (
    <div className="display">
      {current
        ? <PlayingScreen current={current} snapshot={snapshot} view={view} joinUrl={url} status={status} socket={socket} />
        : <IdleScreen roomId={roomId} view={view} joinUrl={url} status={status} socket={socket} />}
      {notice && <p className="toast error display-toast" role="alert">{notice}</p>}
      {blocked && <StartOverlay onStart={start} />}
    </div>
  );
}
