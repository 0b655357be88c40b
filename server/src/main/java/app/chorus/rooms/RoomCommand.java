package app.chorus.rooms;

import java.util.List;

/** Everything that can change a karaoke room. Applied one at a time by {@link RoomState#apply}. */
public sealed interface RoomCommand {

    /** A handshaken client enters the room. */
    record Join(Member member) implements RoomCommand {
    }

    /** A client leaves (disconnects, times out or joins another room). */
    record Leave(long connectionId) implements RoomCommand {
    }

    /**
     * Append a song; {@code itemId} is the new queue item's id, made by the caller, and the room
     * gives it the next item number.
     *
     * @param singer     who sings it, or null
     * @param album      the library song's album, or null
     * @param playIfIdle start it at once when the queue was empty and the player holds nothing:
     *                   the PWA's queue_song does; the Open Karaoke Studio's add does not (its
     *                   first song waits at position 1 until someone plays it)
     */
    record QueueSong(KaraokeEntry entry, String itemId, String singer, String album, boolean playIfIdle)
            implements RoomCommand {

        /** The PWA's queue_song: no singer, no album, and it plays at once in an idle room. */
        public QueueSong(KaraokeEntry entry, String itemId) {
            this(entry, itemId, null, null, true);
        }
    }

    /** Remove a queue item by its id (the PWA's remove_song: upcoming items only). */
    record RemoveSong(String itemId) implements RoomCommand {
    }

    /**
     * Remove an item by its number, current or upcoming (the Open Karaoke Studio's delete, which
     * renumbers what remains from position 0). Removing the current item, or any item while
     * nothing is current, makes the head of the queue current: the player plays it, as with
     * {@link PlayNext}.
     *
     * @throws RoomRejection not_found ("Item not found") when no item has the number
     */
    record RemoveItem(int number) implements RoomCommand {
    }

    /**
     * Play an item by its number (the Open Karaoke Studio's play): the current item is dropped, the
     * chosen one leaves the queue for the player. Playing the current item starts it again.
     *
     * @throws RoomRejection not_found ("Item not found") when no item has the number
     */
    record PlayItem(int number) implements RoomCommand {
    }

    /**
     * Order the upcoming items by the given positions (the Open Karaoke Studio's reorder). Each
     * upcoming item sorts by its given position, or by its present one (1..n) if it is not
     * listed; ties keep the present order. The current item is never moved (a reorder does not
     * change what plays): a placement naming it is ignored, and position 0 given to an upcoming
     * item only puts it first in the queue. Numbers that name no item are ignored.
     */
    record ReorderQueue(List<Placement> placements) implements RoomCommand {
        public ReorderQueue {
            placements = List.copyOf(placements);
        }
    }

    /** One item's wished position in a {@link ReorderQueue}. */
    record Placement(int number, int position) {
    }

    /** Move a queue item to the head of the queue. */
    record QueueNextSong(String itemId) implements RoomCommand {
    }

    /** Empty the queue. */
    record ClearQueue() implements RoomCommand {
    }

    /** Pop the head of the queue into the player. */
    record PlayNext() implements RoomCommand {
    }

    /** Ask the displays to play ({@code play}) or pause. */
    record SetPlaying(boolean play) implements RoomCommand {
    }

    /** Ask the displays to change volume. */
    record SetVolume(double volume) implements RoomCommand {
    }

    /** A client reports the player's state (update_player_state, player_state). */
    record ReportPlayerState(PlayerState state) implements RoomCommand {
    }

    /** A display reports a loaded video; relayed to controllers, not stored. */
    record VideoLoaded(PlayerState state) implements RoomCommand {
    }

    /** A display sends its idea of the queue; controllers get the server's real queue instead. */
    record RelayQueue() implements RoomCommand {
    }

    /** The prefetch found a video URL for a queued item. */
    record ApplyResolvedUrl(String itemId, String videoUrl) implements RoomCommand {
    }

    /** A device asks for the performance state (sent back to it alone). */
    record JoinPerformance(long connectionId) implements RoomCommand {
    }

    /** A device changes one performance control; the others hear it. */
    record ChangePerformance(Performance.Change change, long senderId) implements RoomCommand {
    }

    /** The player reports its progress; nulls leave that part unchanged. The sender gets the state back. */
    record ReportPerformance(Boolean playing, Double currentTime, Double duration, long senderId) implements RoomCommand {
    }

    /** Play or pause the performance, for every device in the room. */
    record PlayPerformance(boolean play) implements RoomCommand {
    }

    /** Back to the start, paused; the other devices hear it. */
    record ResetPerformance(long senderId) implements RoomCommand {
    }
}
