import { describe, expect, it } from "vitest";
import { NowSingerTracker } from "./nowSinger";
import type { KaraokeEntry, PlayerState, QueueItem } from "../../lib/protocol/types";

const entry = (id: string): KaraokeEntry => ({ id, title: id, artist: "", video_url: null, source: "library", uploader: "", duration: 10 });
const item = (id: string, entryId: string, singer?: string): QueueItem => ({ id, entry: entry(entryId), singer });
const queue = (items: QueueItem[], version: number) => ({ items, version, timestamp: version });
const player = (entryId: string | null, version: number): PlayerState => ({
  entry: entryId ? entry(entryId) : null, play_state: "playing", current_time: 0, duration: 0, volume: 1, version, timestamp: version,
});

describe("NowSingerTracker", () => {
  it("takes the singer of the queue head that became the current song", () => {
    const tracker = new NowSingerTracker();
    tracker.onQueue(queue([item("q1", "songA", "Ana"), item("q2", "songB", "Bo")], 1));
    tracker.onPlayer(player("songA", 1));
    expect(tracker.current).toBe("Ana");
    tracker.onQueue(queue([item("q2", "songB", "Bo")], 2));
    tracker.onPlayer({ ...player("songA", 2), current_time: 5, duration: 48 });
    expect(tracker.current).toBe("Ana");
  });

  it("tells the same song sung twice in a row apart by the pop", () => {
    const tracker = new NowSingerTracker();
    tracker.onQueue(queue([item("q1", "songA", "Ana"), item("q2", "songA", "Bo")], 1));
    tracker.onPlayer(player("songA", 1));
    tracker.onQueue(queue([item("q2", "songA", "Bo")], 2));
    tracker.onPlayer({ ...player("songA", 2), current_time: 3, duration: 48 });
    expect(tracker.current).toBe("Ana");
    tracker.onPlayer(player("songA", 3));
    expect(tracker.current).toBe("Bo");
  });

  it("follows the next pop, even of the same song by another singer", () => {
    const tracker = new NowSingerTracker();
    tracker.onQueue(queue([item("q1", "songA", "Ana")], 1));
    tracker.onPlayer(player("songA", 1));
    tracker.onQueue(queue([item("q2", "songB", "Bo")], 2));
    tracker.onPlayer(player("songB", 2));
    expect(tracker.current).toBe("Bo");
    tracker.onPlayer(player(null, 3));
    expect(tracker.current).toBeNull();
  });

  it("does not know the singer of a song that was playing before it joined", () => {
    const tracker = new NowSingerTracker();
    tracker.onQueue(queue([item("q2", "songB", "Bo")], 2));
    tracker.onPlayer(player("songA", 1));
    expect(tracker.current).toBeNull();
  });

  it("prefers a singer the server puts on the entry itself", () => {
    const tracker = new NowSingerTracker();
    const state = player("songA", 1);
    tracker.onPlayer({ ...state, entry: { ...state.entry!, singer: "Cy" } as KaraokeEntry });
    expect(tracker.current).toBe("Cy");
  });
});
