import { describe, expect, it } from "vitest";
import { INITIAL_ROOM, roomReducer, upcoming, type RoomMessage, type RoomView } from "./roomState";
import type { KaraokeEntry, PlayerState, QueueUpdate } from "./types";

const entry = (id: string): KaraokeEntry => ({
  id, title: `Song ${id}`, artist: "Artist", video_url: null, source: "youtube", uploader: "Sing King", duration: 200,
});
const queue = (version: number, timestamp: number, ...ids: string[]): QueueUpdate => ({
  items: ids.map((id) => ({ id: `item-${id}`, entry: entry(id), singer: null })), version, timestamp,
});
const player = (version: number, timestamp: number, id: string | null): PlayerState => ({
  entry: id ? entry(id) : null, play_state: "playing", current_time: 0, duration: 0, volume: 0.5, version, timestamp,
});
const apply = (messages: RoomMessage[], view: RoomView = INITIAL_ROOM) => messages.reduce(roomReducer, view);

describe("roomReducer", () => {
  it("takes a queue with a greater version, or the same version with a newer timestamp", () => {
    const view = apply([
      { name: "queue_update", payload: queue(2, 10, "a") },
      { name: "queue_update", payload: queue(3, 9, "a", "b") },
      { name: "queue_update", payload: queue(3, 11, "a", "b", "c") },
    ]);
    expect(view.queue?.items.map((item) => item.entry.id)).toEqual(["a", "b", "c"]);
  });

  it("ignores a stale queue or player state that arrives late", () => {
    const view = apply([
      { name: "queue_update", payload: queue(5, 10, "new") },
      { name: "queue_update", payload: queue(4, 20, "old") },
      { name: "queue_update", payload: queue(5, 10, "same") },
      { name: "player_state", payload: player(1_700_000_000_500, 1_700_000_000.5, "now") },
      { name: "player_state", payload: player(1_700_000_000_400, 1_700_000_001, "before") },
    ]);
    expect(view.queue?.items[0].entry.id).toBe("new");
    expect(view.player?.entry?.id).toBe("now");
  });

  it("replaces everything with the snapshot after a reconnect, whatever its version", () => {
    const before = apply([
      { name: "queue_update", payload: queue(9, 50, "a", "b") },
      { name: "player_state", payload: player(2_000, 2, "a") },
    ]);
    // The snapshot of a restored room: a lower version, and no player state at all.
    const after = apply([
      { name: "resync" },
      { name: "client_count", payload: 2 },
      { name: "queue_update", payload: queue(7, 40, "b") },
      { name: "synced" },
    ], before);
    expect(after.queue?.items.map((item) => item.entry.id)).toEqual(["b"]);
    expect(after.player).toBeNull();
    expect(after.clientCount).toBe(2);
    expect(after.resyncing).toBe(false);
    // Back to the version rule once synced.
    expect(roomReducer(after, { name: "queue_update", payload: queue(6, 99, "stale") }).queue?.items[0].entry.id).toBe("b");
  });

  it("keeps the player state the snapshot brings", () => {
    const after = apply([
      { name: "player_state", payload: player(5_000, 5, "old") },
      { name: "resync" },
      { name: "player_state", payload: player(4_000, 4, "restored") },
      { name: "synced" },
    ]);
    expect(after.player?.entry?.id).toBe("restored");
  });

  it("applies performance changes from the server and the device's own controls", () => {
    const view = apply([
      { name: "performance_state", payload: { ...INITIAL_ROOM.performance, vocal_volume: 0.3, lyrics_size: "large" } },
      { name: "control_updated", payload: { control: "lyrics_offset", value: -250 } },
      { name: "control_updated", payload: { control: "not_a_control" as never, value: 1 } },
      { name: "local_control", payload: { vocal_volume: 0.9 } },
      { name: "playback_play", payload: {} },
    ]);
    expect(view.performance).toMatchObject({ vocal_volume: 0.9, lyrics_size: "large", lyrics_offset: -250, is_playing: true });
    expect(view.performance).not.toHaveProperty("not_a_control");
    expect(apply([{ name: "playback_pause", payload: {} }], view).performance.is_playing).toBe(false);
  });

  it("lists every waiting song, the same song as the one playing too", () => {
    const view = apply([
      { name: "queue_update", payload: queue(2, 1, "playing", "next") },
      { name: "player_state", payload: player(10, 1, "playing") },
    ]);
    expect(upcoming(view).map((item) => item.entry.id)).toEqual(["playing", "next"]);
  });
});
