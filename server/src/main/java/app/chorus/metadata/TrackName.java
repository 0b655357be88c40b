package app.chorus.metadata;

import java.util.List;

/**
 * A song as a video title, a file name or a file's tags name it: who performs it, what it is
 * called, and who is featured. Read by {@link TrackNames}; compared by {@link CandidateMatch}.
 *
 * @param artist   the main performer credit ("Lady Gaga & Bradley Cooper"), or null when unknown
 * @param title    the song's name without featured credits; never blank
 * @param featured the performers credited with "feat.", "ft.", "featuring" or "with", in order
 */
public record TrackName(String artist, String title, List<String> featured) {
    public TrackName {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        title = title.strip();
        artist = artist == null || artist.isBlank() ? null : artist.strip();
        featured = featured == null ? List.of() : List.copyOf(featured);
    }

    /** A song with nobody featured. */
    public TrackName(String artist, String title) {
        this(artist, title, List.of());
    }

    /**
     * The artist with the featured performers, as a credit reads ("Luis Fonsi feat. Daddy
     * Yankee"); null when the artist is unknown.
     */
    public String credit() {
        if (artist == null || featured.isEmpty()) {
            return artist;
        }
        return artist + " feat. " + String.join(" & ", featured);
    }
}
