package app.chorus.rooms;

import java.util.List;

/** What a room tells its members after a command. Each event names its audience. */
public sealed interface RoomEvent {

    Audience audience();

    /** {@code client_count}: members in the room. */
    record ClientCount(int count, Audience audience) implements RoomEvent {
    }

    /** {@code queue_update}: the whole queue with its version and timestamp (epoch seconds). */
    record QueueChanged(List<QueueItem> items, long version, double timestamp, Audience audience) implements RoomEvent {
    }

    /** {@code player_state}. */
    record PlayerStateChanged(PlayerState state, String singer, Audience audience) implements RoomEvent {
    }

    /** {@code play_song} or {@code pause_song}, to displays. */
    record PlaybackRequested(boolean play, Audience audience) implements RoomEvent {
    }

    /** {@code set_volume} with a bare number, to displays. */
    record VolumeRequested(double volume, Audience audience) implements RoomEvent {
    }

    /** {@code leader_status} for one controller. */
    record LeaderStatus(boolean isLeader, Audience audience) implements RoomEvent {
    }

    /** {@code performance_state}: the whole performance state. */
    record PerformanceChanged(Performance performance, Audience audience) implements RoomEvent {
    }

    /** {@code control_updated}: one control's new value. */
    record ControlChanged(Performance.Change change, Audience audience) implements RoomEvent {
    }

    /** {@code playback_play} or {@code playback_pause}. */
    record PerformancePlayback(boolean play, Audience audience) implements RoomEvent {
    }

    /** {@code reset_player_state}. */
    record PerformanceReset(Audience audience) implements RoomEvent {
    }

    /**
     * The room's lineup (current item and queue) changed: the Open Karaoke Studio's
     * {@code queue_updated}. At most one per command, after the command's other events.
     */
    record LineupChanged(Lineup lineup) implements RoomEvent {
        @Override
        public Audience audience() {
            return Audience.WATCHERS;
        }
    }

    /**
     * The player was handed this item to play (a play, a play_next that popped one, a removal
     * that advanced): the Open Karaoke Studio's {@code play_song}. Follows the command's
     * {@link LineupChanged}.
     */
    record ItemPlayed(QueueItem item) implements RoomEvent {
        @Override
        public Audience audience() {
            return Audience.WATCHERS;
        }
    }

    /** Not sent to clients: the server should resolve video URLs for these queued items. */
    record PrefetchNeeded(List<QueueItem> items) implements RoomEvent {
        @Override
        public Audience audience() {
            return Audience.NOBODY;
        }
    }
}
