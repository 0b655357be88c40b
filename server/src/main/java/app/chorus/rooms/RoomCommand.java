package app.chorus.rooms;

/** Everything that can change a karaoke room. Applied one at a time by {@link RoomState#apply}. */
public sealed interface RoomCommand {

    /** A handshaken client enters the room. */
    record Join(Member member) implements RoomCommand {
    }

    /** A client leaves (disconnects, times out or joins another room). */
    record Leave(long connectionId) implements RoomCommand {
    }

    /** Append a song; {@code itemId} is the new queue item's id, made by the caller. */
    record QueueSong(KaraokeEntry entry, String itemId) implements RoomCommand {
    }

    /** Remove a queue item by its id. */
    record RemoveSong(String itemId) implements RoomCommand {
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
