package app.chorus.sources.spi;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One song a provider found: the karaoke entry a singer queues. On the wire (search results, the
 * room's queue) it is the original {@code KaraokeEntry}: {@code id, title, artist, video_url,
 * source, uploader, duration}, plus Chorus's {@code thumbnail_url}, {@code album} and
 * {@code page_url}. Build one with {@link #builder(String, String)}.
 *
 * @param source       the provider's id
 * @param id           the provider's own id of the song (a video id, a song id)
 * @param title        the song's title, never blank
 * @param artist       the performer, never blank (a channel name when nothing better is known)
 * @param uploader     who published it; may be empty, never null
 * @param duration     length in seconds, or null when unknown
 * @param videoUrl     a playable URL, or null to be resolved later
 * @param thumbnailUrl a picture, or null
 * @param album        the album, or null
 * @param pageUrl      the song's page at its source (for people, not players), or null
 * @param sameAs       other {@code source:id} keys naming the same recording, so merged results
 *                     show it once (a library song imported from a video names that video)
 */
public record SourceEntry(String source, String id, String title, String artist, String uploader, Double duration,
                          String videoUrl, String thumbnailUrl, String album, String pageUrl, Set<String> sameAs) {
    public SourceEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        requireText(title, "title");
        requireText(artist, "artist");
        uploader = uploader == null ? "" : uploader;
        if (duration != null && (duration.isNaN() || duration < 0)) {
            throw new IllegalArgumentException("duration must be a non-negative number of seconds");
        }
        sameAs = Set.copyOf(sameAs == null ? Set.of() : sameAs);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** The key that names this entry among all providers: {@code source:id}. */
    public String key() {
        return source + ":" + id;
    }

    /** The same entry with its playable URL. */
    public SourceEntry withVideoUrl(String url) {
        return new SourceEntry(source, id, title, artist, uploader, duration, url, thumbnailUrl, album, pageUrl, sameAs);
    }

    /** Starts an entry of provider {@code source} with the provider's own {@code id}. */
    public static Builder builder(String source, String id) {
        return new Builder(source, id);
    }

    /** Builds a {@link SourceEntry}; title and artist are required, the rest optional. Not thread-safe. */
    public static final class Builder {
        private final String source;
        private final String id;
        private String title;
        private String artist;
        private String uploader = "";
        private Double duration;
        private String videoUrl;
        private String thumbnailUrl;
        private String album;
        private String pageUrl;
        private final Set<String> sameAs = new LinkedHashSet<>();

        private Builder(String source, String id) {
            this.source = source;
            this.id = id;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder artist(String value) {
            artist = value;
            return this;
        }

        public Builder uploader(String value) {
            uploader = value;
            return this;
        }

        public Builder duration(Double seconds) {
            duration = seconds;
            return this;
        }

        public Builder videoUrl(String value) {
            videoUrl = value;
            return this;
        }

        public Builder thumbnailUrl(String value) {
            thumbnailUrl = value;
            return this;
        }

        public Builder album(String value) {
            album = value;
            return this;
        }

        public Builder pageUrl(String value) {
            pageUrl = value;
            return this;
        }

        /** Another provider's entry for the same recording, as {@code source} and {@code id}. */
        public Builder sameAs(String otherSource, String otherId) {
            sameAs.add(otherSource + ":" + otherId);
            return this;
        }

        /** The entry; throws {@link IllegalArgumentException} when title or artist is blank. */
        public SourceEntry build() {
            return new SourceEntry(source, id, title, artist, uploader, duration, videoUrl, thumbnailUrl, album, pageUrl,
                    sameAs);
        }
    }
}
