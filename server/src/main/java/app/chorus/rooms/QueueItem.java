package app.chorus.rooms;

/** One place in a room's queue: a 21-character id of its own and the entry. */
public record QueueItem(String id, KaraokeEntry entry) {
}
