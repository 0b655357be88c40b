package app.chorus.sources.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * A playable URL found for an entry, and how long Chorus may reuse it.
 *
 * @param url       the media URL a display can play
 * @param ttl       how long it stays valid; null means Chorus's configured default
 * @param cacheable false when the URL must be looked up again every time
 */
public record VideoUrl(String url, Duration ttl, boolean cacheable) {
    public VideoUrl {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("url must not be blank");
        }
        if (ttl != null && ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
    }

    /** A URL cached for Chorus's default time. */
    public static VideoUrl of(String url) {
        return new VideoUrl(url, null, true);
    }

    /** A URL cached for {@code ttl}. */
    public static VideoUrl cachedFor(String url, Duration ttl) {
        return new VideoUrl(url, Objects.requireNonNull(ttl, "ttl"), true);
    }

    /** A URL never cached. */
    public static VideoUrl uncached(String url) {
        return new VideoUrl(url, null, false);
    }
}
