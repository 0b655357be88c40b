package app.chorus.metadata;

import java.util.List;

/**
 * A MusicBrainz recording found by a search.
 *
 * @param mbid       the recording MBID
 * @param artist     the artist credit as printed, e.g. "Queen & David Bowie"
 * @param durationMs {@code length}, or null when unknown
 * @param score      the search's relevance, 0 to 100
 * @param releases   releases containing it, in MusicBrainz's order
 */
public record MbRecording(String mbid, String title, String artist, Long durationMs, int score, List<MbRelease> releases) {
    public MbRecording {
        releases = List.copyOf(releases);
    }
}
