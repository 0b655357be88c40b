package app.chorus.rooms;

/**
 * A display's player state (the contract's DisplayPlayerState). Server-built and re-stamped
 * states carry an epoch-millisecond {@code version} and an epoch-second {@code timestamp}.
 */
public record PlayerState(KaraokeEntry entry, PlayState playState, double currentTime, double duration,
                          double volume, long version, double timestamp) {

    /** The same state with a new version and timestamp. */
    public PlayerState stamped(long newVersion, double newTimestamp) {
        return new PlayerState(entry, playState, currentTime, duration, volume, newVersion, newTimestamp);
    }

    /** Whether {@code other} plays something else, or plays it differently (not just a new position). */
    boolean differsMateriallyFrom(PlayerState other) {
        if (other == null || other.playState != playState || other.volume != volume) {
            return true;
        }
        String entryId = entry == null ? null : entry.id();
        String otherEntryId = other.entry == null ? null : other.entry.id();
        return !java.util.Objects.equals(entryId, otherEntryId);
    }
}
