package app.chorus.metadata;

import java.time.Duration;
import java.util.Objects;

/**
 * How the metadata clients talk to the outside services.
 *
 * @param userAgent   sent on every request; MusicBrainz requires "App/version ( contact )", see {@link #userAgentFor}
 * @param timeout     connect time-out, and the time-out of each attempt (headers and body)
 * @param maxRetries  further attempts after the first, for 5xx, 429, time-outs and network errors
 * @param maxRetryWait the longest single wait between attempts, also for a longer {@code Retry-After}
 * @param cacheTtl    how long a successful or "not found" answer is reused
 * @param cacheSize   how many answers are kept per client (0 turns the cache off)
 */
public record MetadataSettings(String userAgent, Duration timeout, int maxRetries, Duration maxRetryWait,
                               Duration cacheTtl, int cacheSize) {
    public MetadataSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank: MusicBrainz blocks anonymous clients");
        }
        requirePositive(timeout, "timeout");
        requirePositive(maxRetryWait, "maxRetryWait");
        requirePositive(cacheTtl, "cacheTtl");
        if (maxRetries < 0 || cacheSize < 0) {
            throw new IllegalArgumentException("maxRetries and cacheSize must not be negative");
        }
    }

    /** Sensible production values: 10 s per attempt, 3 retries, waits of at most 10 s, answers kept a day. */
    public static MetadataSettings defaults(String userAgent) {
        return new MetadataSettings(userAgent, Duration.ofSeconds(10), 3, Duration.ofSeconds(10), Duration.ofHours(24), 2_000);
    }

    /** The User-Agent MusicBrainz asks for: application name and version, then a way to reach the operator. */
    public static String userAgentFor(String version, String contact) {
        return "Chorus/" + version + " ( " + contact + " )";
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
