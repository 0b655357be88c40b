// Rooms this browser opened lately, newest first, so a returning host finds last week's party
// room in one tap. Kept in localStorage; a damaged value is treated as an empty list.

export const RECENT_ROOMS_KEY = "chorus-recent-rooms";
export const RECENT_ROOMS_MAX = 8;

export interface RecentRoom {
  id: string;
  /** When this browser last opened or created it (epoch ms). */
  lastUsed: number;
  requiresPassword: boolean;
}

export function loadRecentRooms(storage: Storage | null): RecentRoom[] {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(RECENT_ROOMS_KEY) ?? null;
  } catch {
    return [];
  }
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const seen = new Set<string>();
  const rooms: RecentRoom[] = [];
  for (const value of parsed) {
    if (!value || typeof value !== "object") continue;
    const record = value as Record<string, unknown>;
    if (typeof record.id !== "string" || record.id === "" || seen.has(record.id)) continue;
    seen.add(record.id);
    rooms.push({
      id: record.id,
      lastUsed: typeof record.lastUsed === "number" ? record.lastUsed : 0,
      requiresPassword: record.requiresPassword === true,
    });
  }
  return rooms.sort((a, b) => b.lastUsed - a.lastUsed).slice(0, RECENT_ROOMS_MAX);
}

/** The list with `room` first (replacing an older visit), cut to the last RECENT_ROOMS_MAX. */
export function withRecentRoom(rooms: readonly RecentRoom[], room: RecentRoom): RecentRoom[] {
  return [room, ...rooms.filter((other) => other.id !== room.id)].slice(0, RECENT_ROOMS_MAX);
}

export function withoutRecentRoom(rooms: readonly RecentRoom[], id: string): RecentRoom[] {
  return rooms.filter((room) => room.id !== id);
}

/** Stores the list; false when the browser refused (the list then lasts for this visit only). */
export function saveRecentRooms(storage: Storage | null, rooms: readonly RecentRoom[]): boolean {
  try {
    if (!storage) return false;
    storage.setItem(RECENT_ROOMS_KEY, JSON.stringify(rooms.slice(0, RECENT_ROOMS_MAX)));
    return true;
  } catch {
    return false;
  }
}
