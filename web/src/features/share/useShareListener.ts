// Listens to one share over the page's socket: share_listen on every (re)connect (the server then
// sends the fresh metadata and the newest chunks again, so the audio starts over from them), the
// metadata and end events, and the audio frames into the player.
import { useEffect, useReducer, useRef, useState } from "react";
import { CommandError, type ChorusSocket, type ConnectionStatus } from "../../lib/protocol/ChorusSocket";
import { useChorusSocket } from "../../lib/protocol/hooks";
import { SharePlayer, type PlayerSnapshot } from "./SharePlayer";
import { INITIAL_SHARE, shareReducer, type ShareSessionView } from "./shareSession";

/** The listener count only comes with share_listen's answer; asking again (idempotent) refreshes it. */
const STATUS_REFRESH_MS = 15_000;
const SNAPSHOT_INTERVAL_MS = 200;
const VOLUME_KEY = "chorus-share-volume";

export interface ShareListener {
  view: ShareSessionView;
  status: ConnectionStatus;
  socket: ChorusSocket | null;
  player: SharePlayer | null;
  snapshot: PlayerSnapshot | null;
  volume: number;
  setVolume: (volume: number) => void;
}

export function useShareListener(code: string): ShareListener {
  const [view, dispatch] = useReducer(shareReducer, INITIAL_SHARE);
  const [volume, setVolumeState] = useState(readVolume);
  const [player, setPlayer] = useState<SharePlayer | null>(null);
  const [snapshot, setSnapshot] = useState<PlayerSnapshot | null>(null);
  const playerRef = useRef<SharePlayer | null>(null);

  // Declared before the socket so the player exists when the first frames come.
  useEffect(() => {
    const created = new SharePlayer(code, readVolume(), () => setSnapshot(created.snapshot()));
    playerRef.current = created;
    setPlayer(created);
    const timer = setInterval(() => setSnapshot(created.snapshot()), SNAPSHOT_INTERVAL_MS);
    return () => {
      clearInterval(timer);
      created.close();
      playerRef.current = null;
    };
  }, [code]);

  const { socket, status } = useChorusSocket({
    onSession: async (session) => {
      dispatch({ type: "listening" });
      playerRef.current?.resetStream();
      try {
        dispatch({ type: "status", status: await session.request("share_listen", { session_id: code }) });
      } catch (error) {
        if (error instanceof CommandError) {
          dispatch({ type: "refused", errorType: error.error.error_type, message: error.message });
        }
        // A refusal stops the socket for good (no reconnect loop); anything else reconnects.
        throw error;
      }
    },
  }, `share:${code}`);

  useEffect(() => {
    if (!socket) return;
    const forThisShare = (payload: unknown) => (payload as { session_id?: unknown } | null)?.session_id === code;
    const stops = [
      socket.on("share_metadata", (payload) => {
        if (forThisShare(payload)) dispatch({ type: "metadata", payload, receivedAtMs: performance.now() });
      }),
      socket.on("share_ended", (payload) => {
        if (!forThisShare(payload)) return;
        dispatch({ type: "ended", payload });
        playerRef.current?.stop();
      }),
      socket.onBinary((data) => playerRef.current?.handleFrame(data)),
    ];
    return () => stops.forEach((stop) => stop());
  }, [socket, code]);

  useEffect(() => {
    if (!socket || view.phase !== "live") return;
    const timer = setInterval(() => {
      if (!socket.isReady) return;
      socket.request("share_listen", { session_id: code })
        .then((result) => dispatch({ type: "status", status: result }))
        .catch(() => { /* the next reconnect asks again */ });
    }, STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [socket, code, view.phase]);

  const setVolume = (next: number) => {
    setVolumeState(next);
    playerRef.current?.setVolume(next);
    try {
      localStorage.setItem(VOLUME_KEY, String(next));
    } catch {
      /* private mode: the volume is kept for this page only */
    }
  };

  return { view, status, socket, player, snapshot, volume, setVolume };
}

function readVolume(): number {
  try {
    const stored = Number(localStorage.getItem(VOLUME_KEY));
    return localStorage.getItem(VOLUME_KEY) !== null && stored >= 0 && stored <= 1 ? stored : 0.8;
  } catch {
    return 0.8;
  }
}
