package app.chorus.sources.spi;

import java.util.Optional;

/**
 * A place songs can be found: the Chorus library, YouTube, or anything a provider jar adds. Chorus
 * asks every enabled provider at once for each search, each on its own thread and with its own
 * time-out, and merges what they answer.
 *
 * <p>A provider either puts a playable {@link SourceEntry#videoUrl()} into its search entries (cheap
 * to know), or leaves it out and resolves it later in {@link #videoUrl(SourceEntry)}, when a song is
 * about to be played (costly or short-lived URLs). Chorus caches both searches and resolved URLs.
 *
 * <p>Implementations must be thread-safe: searches and resolutions run concurrently. A call may be
 * interrupted when it runs past its time-out; a provider that blocks should let the interrupt stop it.
 */
public interface SourceProvider extends AutoCloseable {

    /**
     * The provider's id: lower-case letters, digits and dashes, at most 32 characters. It is the
     * {@code source} of the entries it returns and the name used in configuration.
     */
    String id();

    /**
     * Finds entries for what a singer typed. Throwing, or taking longer than the time-out, costs
     * only this provider's part of the answer.
     *
     * @param query the trimmed search text, never blank
     */
    SearchResult search(String query) throws Exception;

    /**
     * Finds the playable URL of one of this provider's entries, when the search left it out.
     * Empty means the entry cannot be played (that answer is cached too, for a shorter time).
     *
     * @param entry an entry whose {@link SourceEntry#source()} is this provider's id
     */
    default Optional<VideoUrl> videoUrl(SourceEntry entry) throws Exception {
        return Optional.empty();
    }

    /**
     * Whether the provider can work now (its program installed, its settings given). An
     * unavailable provider is left out of searches and reported in {@code /health}.
     */
    default Availability availability() {
        return Availability.AVAILABLE;
    }

    /** Releases what the provider holds; called once when Chorus stops. */
    @Override
    default void close() {
    }
}
