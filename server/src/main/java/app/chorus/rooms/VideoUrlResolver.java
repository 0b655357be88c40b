package app.chorus.rooms;

import java.util.Optional;

/**
 * Finds a playable video URL for a queued entry, for the room's prefetch of the next songs. The
 * search feature provides the real one; until then {@link #NONE} resolves nothing and displays
 * fall back to asking {@code /get_video_url} themselves.
 */
@FunctionalInterface
public interface VideoUrlResolver {
    VideoUrlResolver NONE = entry -> Optional.empty();

    /** The URL, or empty when none can be found. May block; called off the room's lock. */
    Optional<String> resolve(KaraokeEntry entry);
}
