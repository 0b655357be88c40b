package app.chorus.metadata;

import java.io.IOException;
import java.util.Objects;

/**
 * A metadata service could not give an answer this time: it timed out, kept failing, asked us to slow
 * down, or answered something we cannot read. "Not found" is never this exception; it is an empty
 * {@code Optional}. Callers decide whether to retry the whole step later (a job) or go on without.
 */
public final class MetadataUnavailable extends IOException {
    /** Why the service gave no usable answer. */
    public enum Reason {
        /** No answer within the time-out (per request or in total). */
        TIMEOUT,
        /** An HTTP status that is neither success nor "not found", still failing after the retries. */
        HTTP_STATUS,
        /** 429 (or the service's own "slow down") still after the retries. */
        RATE_LIMITED,
        /** Not JSON, not the expected shape, or not the expected content type. */
        MALFORMED,
        /** Larger than the bound we accept for that kind of answer. */
        TOO_LARGE,
        /** Connection refused or reset, DNS failure and other transport errors. */
        NETWORK
    }

    private final Reason reason;
    private final String service;

    /** A failure of {@code service} (for example "MusicBrainz") for {@code reason}, with a message for logs and job reports. */
    public MetadataUnavailable(String service, Reason reason, String message, Throwable cause) {
        super(service + ": " + message, cause);
        this.service = Objects.requireNonNull(service, "service");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The same without an underlying exception. */
    public MetadataUnavailable(String service, Reason reason, String message) {
        this(service, reason, message, null);
    }

    /** Why the answer is missing. */
    public Reason reason() {
        return reason;
    }

    /** The service's name as shown to people ("iTunes", "MusicBrainz", "LRCLIB", "Cover Art Archive"). */
    public String service() {
        return service;
    }
}
