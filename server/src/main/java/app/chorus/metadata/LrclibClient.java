package app.chorus.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds lyrics in LRCLIB: the exact lookup {@code /api/get} (404 when it has nothing) and the
 * looser {@code /api/search}. Thread-safe (all state is in the shared {@link HttpJson}).
 */
public final class LrclibClient implements AutoCloseable {
    /** Where LRCLIB serves its API. */
    public static final URI DEFAULT_BASE = URI.create("https://lrclib.net");
    /** How far a search result's duration may be from ours and still be the same recording; /api/get uses the same. */
    public static final double DURATION_TOLERANCE_SECONDS = 2.0;

    private final HttpJson http;
    private final URI base;

    /** Uses {@code http} (and closes it on {@link #close()}) against {@code base}; tests pass a local server. */
    public LrclibClient(HttpJson http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** Against the real service. */
    public LrclibClient(MetadataSettings settings) {
        this(new HttpJson("LRCLIB", settings), DEFAULT_BASE);
    }

    /**
     * The exact record for this track, or empty. Album and duration may be null; LRCLIB matches them
     * when given (duration within ±2 s).
     *
     * @throws MetadataUnavailable when LRCLIB gives no usable answer
     */
    public Optional<LrclibRecord> get(String artist, String title, String album, Integer durationSeconds)
            throws MetadataUnavailable {
        Objects.requireNonNull(artist, "artist");
        Objects.requireNonNull(title, "title");
        StringBuilder query = new StringBuilder("/api/get?artist_name=").append(HttpJson.encode(artist))
                .append("&track_name=").append(HttpJson.encode(title));
        if (album != null && !album.isBlank()) {
            query.append("&album_name=").append(HttpJson.encode(album));
        }
        if (durationSeconds != null) {
            query.append("&duration=").append(durationSeconds);
        }
        Optional<JsonNode> answer = http.get(HttpJson.join(base, query.toString()), JsonNode::isObject);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(record(answer.get()).orElseThrow(() ->
                http.failure(MetadataUnavailable.Reason.MALFORMED, "answered a record without an id")));
    }

    /**
     * Records matching title and artist (and album when given), in LRCLIB's order.
     *
     * @throws MetadataUnavailable when LRCLIB gives no usable answer
     */
    public List<LrclibRecord> search(String artist, String title, String album) throws MetadataUnavailable {
        Objects.requireNonNull(artist, "artist");
        Objects.requireNonNull(title, "title");
        StringBuilder query = new StringBuilder("/api/search?track_name=").append(HttpJson.encode(title))
                .append("&artist_name=").append(HttpJson.encode(artist));
        if (album != null && !album.isBlank()) {
            query.append("&album_name=").append(HttpJson.encode(album));
        }
        Optional<JsonNode> answer = http.get(HttpJson.join(base, query.toString()), JsonNode::isArray);
        List<LrclibRecord> records = new ArrayList<>();
        for (JsonNode item : answer.orElse(JsonFields.EMPTY_ARRAY)) {
            record(item).ifPresent(records::add);
        }
        return List.copyOf(records);
    }

    /**
     * The best lyrics for a track. The exact lookup first; when it has nothing, or only unsynced lyrics
     * of a track that is not instrumental, the search: the first result within ±2 s of the duration
     * (any result when the duration is unknown), preferring one with synced lyrics. An instrumental
     * record comes back as it is, so the caller can say "instrumental" instead of "no lyrics found".
     *
     * @throws MetadataUnavailable when LRCLIB gives no usable answer
     */
    public Optional<LrclibRecord> find(String artist, String title, String album, Integer durationSeconds)
            throws MetadataUnavailable {
        Optional<LrclibRecord> exact = get(artist, title, album, durationSeconds);
        if (exact.isPresent() && (exact.get().hasSyncedLyrics() || exact.get().instrumental())) {
            return exact;
        }
        List<LrclibRecord> candidates = search(artist, title, album).stream()
                .filter(candidate -> durationSeconds == null || (candidate.duration() != null
                        && Math.abs(candidate.duration() - durationSeconds) <= DURATION_TOLERANCE_SECONDS))
                .toList();
        Optional<LrclibRecord> synced = candidates.stream().filter(LrclibRecord::hasSyncedLyrics).findFirst();
        if (synced.isPresent()) {
            return synced;
        }
        return exact.isPresent() ? exact : candidates.stream().findFirst();
    }

    @Override
    public void close() {
        http.close();
    }

    private static Optional<LrclibRecord> record(JsonNode item) {
        Long id = JsonFields.longOrNull(item, "id");
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new LrclibRecord(id, JsonFields.textOrNull(item, "name"), JsonFields.textOrNull(item, "trackName"),
                JsonFields.textOrNull(item, "artistName"), JsonFields.textOrNull(item, "albumName"),
                JsonFields.doubleOrNull(item, "duration"), item.path("instrumental").asBoolean(false),
                // Lyrics keep their whitespace: line breaks and LRC tags are content.
                lyrics(item, "plainLyrics"), lyrics(item, "syncedLyrics")));
    }

    private static String lyrics(JsonNode item, String field) {
        JsonNode value = item.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
