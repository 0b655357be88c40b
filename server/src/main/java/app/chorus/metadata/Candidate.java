package app.chorus.metadata;

import java.util.Objects;

/**
 * One catalogue's answer to "which recording is this?", as iTunes or MusicBrainz lists it.
 *
 * @param title      the recording's title as the catalogue writes it ("Hey Jude - Remastered 2015")
 * @param artist     the catalogue's artist credit, or null when it gives none
 * @param durationMs the recording's length, or null when unknown
 * @param payload    what the caller wants back for the chosen candidate (an id, the full record)
 * @param <T>        the payload's type
 */
public record Candidate<T>(String title, String artist, Long durationMs, T payload) {
    public Candidate {
        Objects.requireNonNull(title, "title");
    }
}
