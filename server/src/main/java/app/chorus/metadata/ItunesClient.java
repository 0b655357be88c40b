package app.chorus.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Searches songs in the iTunes Search API ({@code GET /search?term=…&media=music&entity=song}).
 * Thread-safe (all state is in the shared {@link HttpJson}).
 */
public final class ItunesClient implements AutoCloseable {
    /** Where Apple serves the Search API. */
    public static final URI DEFAULT_BASE = URI.create("https://itunes.apple.com");
    /** The most results Apple returns for one search. */
    public static final int MAX_LIMIT = 200;
    /**
     * The last path segment of an artwork URL names the rendition ({@code 100x100bb.jpg}: width x height,
     * "bb" for the plain square crop); Apple's image server renders whatever size that segment asks for.
     */
    private static final Pattern ARTWORK_SIZE = Pattern.compile("/\\d+x\\d+[a-z]*\\.(jpg|jpeg|png|webp)$");
    private static final String LARGE_ARTWORK = "/600x600bb.jpg";

    private final HttpJson http;
    private final URI base;

    /** Uses {@code http} (and closes it on {@link #close()}) against {@code base}; tests pass a local server. */
    public ItunesClient(HttpJson http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** Against the real service. */
    public ItunesClient(MetadataSettings settings) {
        this(new HttpJson("iTunes", settings), DEFAULT_BASE);
    }

    /**
     * Songs matching {@code term} (artist and title in one string work best), in Apple's order.
     *
     * @param limit 1 to {@value #MAX_LIMIT}
     * @throws MetadataUnavailable when iTunes gives no usable answer
     */
    public List<ItunesTrack> search(String term, int limit) throws MetadataUnavailable {
        if (term == null || term.isBlank()) {
            return List.of();
        }
        int boundedLimit = Math.clamp(limit, 1, MAX_LIMIT);
        URI uri = HttpJson.join(base, "/search?term=" + HttpJson.encode(term.strip())
                + "&media=music&entity=song&limit=" + boundedLimit);
        Optional<JsonNode> answer = http.get(uri, body -> body.path("results").isArray());
        List<ItunesTrack> tracks = new ArrayList<>();
        for (JsonNode result : answer.map(body -> body.path("results")).orElse(JsonFields.EMPTY_ARRAY)) {
            // entity=song should only give songs, but music videos and collections have slipped through.
            if (!"track".equals(result.path("wrapperType").asText()) || !"song".equals(result.path("kind").asText())) {
                continue;
            }
            Long trackId = JsonFields.longOrNull(result, "trackId");
            String title = JsonFields.textOrNull(result, "trackName");
            String artist = JsonFields.textOrNull(result, "artistName");
            if (trackId == null || title == null || artist == null) {
                continue;
            }
            tracks.add(new ItunesTrack(trackId, title, artist,
                    JsonFields.textOrNull(result, "collectionName"),
                    JsonFields.longOrNull(result, "trackTimeMillis"),
                    JsonFields.textOrNull(result, "releaseDate"),
                    JsonFields.textOrNull(result, "primaryGenreName"),
                    JsonFields.intOrNull(result, "trackNumber"),
                    JsonFields.intOrNull(result, "discNumber"),
                    largeArtwork(JsonFields.textOrNull(result, "artworkUrl100")),
                    JsonFields.textOrNull(result, "previewUrl"),
                    "explicit".equals(result.path("trackExplicitness").asText()),
                    JsonFields.longOrNull(result, "artistId"),
                    JsonFields.longOrNull(result, "collectionId"),
                    JsonFields.textOrNull(result, "country"),
                    JsonFields.doubleOrNull(result, "trackPrice")));
        }
        return List.copyOf(tracks);
    }

    /** {@code …/100x100bb.jpg} becomes {@code …/600x600bb.jpg}; a URL of another form is kept as it is. */
    static String largeArtwork(String artworkUrl) {
        if (artworkUrl == null) {
            return null;
        }
        Matcher sizeSegment = ARTWORK_SIZE.matcher(artworkUrl);
        return sizeSegment.find() ? sizeSegment.replaceFirst(LARGE_ARTWORK) : artworkUrl;
    }

    @Override
    public void close() {
        http.close();
    }
}
