// Who sings the current song. Queue items may carry a `singer`; the now-playing entry does not, so
// the display remembers the singer of the item that was at the head of the queue when the song
// started. It listens on the socket itself: the server sends the new player state just before the
// queue without that item, and a render may already show both.
import { useCallback, useEffect, useRef } from "react";
import type { ChorusSocket } from "../../lib/protocol/ChorusSocket";
import type { PlayerState, QueueItem, QueueUpdate } from "../../lib/protocol/types";
import { isFreshStart } from "./flow";

function storageKey(roomId: string): string {
  return `display-singer-${roomId}`;
}

interface Started {
  entryId: string;
  singer: string | null;
}

function readSaved(roomId: string): Started | null {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey(roomId)) ?? "null") as Started | null;
  } catch {
    return null;
  }
}

/** The singer of the song with `entryId` that is starting (or resumed after a reload). */
export function useSingers(socket: ChorusSocket | null, roomId: string): (entryId: string) => string | null {
  const queue = useRef<QueueItem[]>([]);
  const started = useRef<Started | null>(null);
  const lastVersion = useRef(0);

  useEffect(() => {
    if (!socket) return;
    const stopQueue = socket.on("queue_update", (payload) => {
      const items = (payload as QueueUpdate | null)?.items;
      if (Array.isArray(items)) queue.current = items;
    });
    const stopPlayer = socket.on("player_state", (payload) => {
      const state = payload as PlayerState | null;
      const entry = state?.entry;
      // The server sends its stored state again with each queue change: only a newer one is a start.
      if (!entry || typeof state.version !== "number" || state.version <= lastVersion.current) return;
      lastVersion.current = state.version;
      if (!isFreshStart(state)) return;
      const items = queue.current;
      const item = items[0]?.entry.id === entry.id ? items[0] : items.find((candidate) => candidate.entry.id === entry.id);
      if (item) started.current = { entryId: entry.id, singer: item.singer ?? null };
    });
    return () => {
      stopQueue();
      stopPlayer();
    };
  }, [socket]);

  return useCallback((entryId: string) => {
    // A reload mid-song finds the item gone from the queue: the singer saved when it started stays.
    const found = started.current?.entryId === entryId ? started.current : readSaved(roomId);
    const singer = found?.entryId === entryId ? found.singer : null;
    try {
      sessionStorage.setItem(storageKey(roomId), JSON.stringify({ entryId, singer }));
    } catch {
      /* storage unavailable: the singer is just not remembered across reloads */
    }
    return singer;
  }, [roomId]);
}
