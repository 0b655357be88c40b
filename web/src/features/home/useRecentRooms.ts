// The recent-rooms list as React state, written through to localStorage.
import { useCallback, useState } from "react";
import { safeLocalStorage } from "../controller/storage";
import { loadRecentRooms, saveRecentRooms, withRecentRoom, withoutRecentRoom, type RecentRoom } from "./recentRooms";

export function useRecentRooms(): {
  rooms: RecentRoom[];
  remember: (id: string, requiresPassword?: boolean) => void;
  forget: (id: string) => void;
} {
  const [rooms, setRooms] = useState(() => loadRecentRooms(safeLocalStorage()));
  const update = useCallback((change: (rooms: RecentRoom[]) => RecentRoom[]) => {
    // Read again first: another tab may have added a room since this page loaded.
    const next = change(loadRecentRooms(safeLocalStorage()));
    saveRecentRooms(safeLocalStorage(), next);
    setRooms(next);
  }, []);
  const remember = useCallback((id: string, requiresPassword?: boolean) => update((current) => {
    const known = current.find((room) => room.id === id);
    return withRecentRoom(current, { id, lastUsed: Date.now(), requiresPassword: requiresPassword ?? known?.requiresPassword ?? false });
  }), [update]);
  const forget = useCallback((id: string) => update((current) => withoutRecentRoom(current, id)), [update]);
  return { rooms, remember, forget };
}
