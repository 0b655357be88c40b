package app.chorus.rooms;

/**
 * One song in a room's lineup, waiting in the queue or (once played) held by the player.
 *
 * @param id     a 21-character id of its own (nanoid's format), the PWA's {@code entry_id}
 * @param entry  the song
 * @param number a room-wide number, unique and never reused in the room, that the item keeps from
 *               the queue into the player: the Open Karaoke Studio's integer item id. Items stored
 *               before numbers existed read back as 0 until the room is loaded ({@link RoomState#restored})
 * @param singer who sings it, or null (the PWA has no singers)
 * @param album  the song's album when it came from the library, for the Open Karaoke Studio's
 *               QueueSong (a KaraokeEntry has no album); else null
 */
public record QueueItem(String id, KaraokeEntry entry, int number, String singer, String album) {

    /** The same item with another entry (a resolved video URL). */
    public QueueItem withEntry(KaraokeEntry newEntry) {
        return new QueueItem(id, newEntry, number, singer, album);
    }

    QueueItem withNumber(int newNumber) {
        return new QueueItem(id, entry, newNumber, singer, album);
    }
}
