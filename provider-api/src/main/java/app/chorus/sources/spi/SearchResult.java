package app.chorus.sources.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one provider found for a query, best first.
 *
 * @param entries  the entries, best match first
 * @param cacheFor how long Chorus may answer the same query from memory: null means Chorus's
 *                 configured default, zero means never (results that change with every import)
 */
public record SearchResult(List<SourceEntry> entries, Duration cacheFor) {
    public SearchResult {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        if (cacheFor != null && cacheFor.isNegative()) {
            throw new IllegalArgumentException("cacheFor must not be negative");
        }
    }

    /** Entries that may be cached for the configured time. */
    public static SearchResult of(List<SourceEntry> entries) {
        return new SearchResult(entries, null);
    }

    /** Entries that must not be cached. */
    public static SearchResult uncached(List<SourceEntry> entries) {
        return new SearchResult(entries, Duration.ZERO);
    }
}
