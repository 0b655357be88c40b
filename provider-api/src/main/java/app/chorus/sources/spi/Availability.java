package app.chorus.sources.spi;

import java.util.Objects;

/**
 * Whether a provider can answer now, and if not, why (shown in {@code /health} and in the notes
 * of a search).
 *
 * @param available whether searches are sent to it
 * @param detail    a sentence for an operator: what is missing and how to fix it; empty when available
 */
public record Availability(boolean available, String detail) {
    public static final Availability AVAILABLE = new Availability(true, "");

    public Availability {
        Objects.requireNonNull(detail, "detail");
    }

    /** Not available, with the reason. */
    public static Availability unavailable(String detail) {
        return new Availability(false, detail);
    }
}
