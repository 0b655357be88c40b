import { describe, expect, it } from "vitest";
import {
  RECENT_ROOMS_KEY, loadRecentRooms, saveRecentRooms, withRecentRoom, withoutRecentRoom, type RecentRoom,
} from "./recentRooms";

class MemoryStorage implements Storage {
  private readonly data = new Map<string, string>();
  failWrites = false;
  get length() { return this.data.size; }
  clear() { this.data.clear(); }
  getItem(key: string) { return this.data.get(key) ?? null; }
  key(index: number) { return [...this.data.keys()][index] ?? null; }
  removeItem(key: string) { this.data.delete(key); }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new Error("QuotaExceededError");
    this.data.set(key, value);
  }
}

const room = (id: string, lastUsed: number): RecentRoom => ({ id, lastUsed, requiresPassword: false });

describe("recent rooms", () => {
  it("puts the latest room first without duplicates and keeps the last 8", () => {
    let rooms: RecentRoom[] = [];
    for (let index = 1; index <= 10; index += 1) rooms = withRecentRoom(rooms, room(`room${index}`, index));
    expect(rooms.map((entry) => entry.id)).toEqual(["room10", "room9", "room8", "room7", "room6", "room5", "room4", "room3"]);
    rooms = withRecentRoom(rooms, room("room5", 11));
    expect(rooms.map((entry) => entry.id).slice(0, 3)).toEqual(["room5", "room10", "room9"]);
    expect(rooms).toHaveLength(8);
  });

  it("removes a room", () => {
    expect(withoutRecentRoom([room("a", 2), room("b", 1)], "a")).toEqual([room("b", 1)]);
  });

  it("round-trips through storage, newest first", () => {
    const storage = new MemoryStorage();
    expect(saveRecentRooms(storage, [room("old", 1), { id: "new", lastUsed: 5, requiresPassword: true }])).toBe(true);
    expect(loadRecentRooms(storage)).toEqual([{ id: "new", lastUsed: 5, requiresPassword: true }, room("old", 1)]);
  });

  it("reads damaged or foreign values as an empty or cleaned list", () => {
    const storage = new MemoryStorage();
    storage.setItem(RECENT_ROOMS_KEY, "{not json");
    expect(loadRecentRooms(storage)).toEqual([]);
    storage.setItem(RECENT_ROOMS_KEY, JSON.stringify({ id: "x" }));
    expect(loadRecentRooms(storage)).toEqual([]);
    storage.setItem(RECENT_ROOMS_KEY, JSON.stringify([{ id: "a", lastUsed: 3 }, { id: "" }, 7, { id: "a", lastUsed: 9 }, { id: "b" }]));
    expect(loadRecentRooms(storage)).toEqual([room("a", 3), room("b", 0)]);
    expect(loadRecentRooms(null)).toEqual([]);
  });

  it("reports a refused write", () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    expect(saveRecentRooms(storage, [room("a", 1)])).toBe(false);
    expect(saveRecentRooms(null, [room("a", 1)])).toBe(false);
  });
});
