// The singer of the playing song, read from the socket's messages in the order they arrive.
import { useEffect, useState } from "react";
import type { ChorusSocket } from "../../lib/protocol/ChorusSocket";
import type { PlayerState, QueueUpdate } from "../../lib/protocol/types";
import { NowSingerTracker } from "./nowSinger";

export function useNowSinger(socket: ChorusSocket | null): string | null {
  const [singer, setSinger] = useState<string | null>(null);
  useEffect(() => {
    if (!socket) return;
    const tracker = new NowSingerTracker();
    const stops = [
      socket.on("queue_update", (payload) => {
        if (payload && Array.isArray((payload as QueueUpdate).items)) tracker.onQueue(payload as QueueUpdate);
      }),
      socket.on("player_state", (payload) => {
        if (payload && typeof payload === "object") {
          tracker.onPlayer(payload as PlayerState);
          setSinger(tracker.current);
        }
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [socket]);
  return singer;
}
