package app.chorus.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds recordings in MusicBrainz (WS/2 search, JSON) and front covers in the Cover Art Archive.
 *
 * <p>MusicBrainz allows one request per second per client and blocks clients without a meaningful
 * User-Agent; the {@link HttpJson} given for it must be spaced (the settings constructor does that).
 * The Cover Art Archive has no such limit and gets its own client. Thread-safe.
 */
public final class MusicBrainzClient implements AutoCloseable {
    /** Where MusicBrainz serves WS/2. */
    public static final URI DEFAULT_BASE = URI.create("https://musicbrainz.org");
    /** Where the Cover Art Archive serves its index. */
    public static final URI DEFAULT_COVER_ART_BASE = URI.create("https://coverartarchive.org");
    /** MusicBrainz's documented limit: on average one request per second. */
    public static final Duration MINIMUM_INTERVAL = Duration.ofSeconds(1);
    /** The most results MusicBrainz returns for one search. */
    public static final int MAX_LIMIT = 100;
    private static final Pattern MBID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final HttpJson musicBrainz;
    private final URI base;
    private final HttpJson coverArt;
    private final URI coverArtBase;

    /**
     * Uses the given clients (and closes them on {@link #close()}).
     *
     * @param musicBrainz spaced by at least {@link #MINIMUM_INTERVAL} in production
     */
    public MusicBrainzClient(HttpJson musicBrainz, URI base, HttpJson coverArt, URI coverArtBase) {
        this.musicBrainz = musicBrainz;
        this.base = base;
        this.coverArt = coverArt;
        this.coverArtBase = coverArtBase;
    }

    /** Against the real services, spaced at one request per second. */
    public MusicBrainzClient(MetadataSettings settings) {
        this(new HttpJson("MusicBrainz", settings, MINIMUM_INTERVAL), DEFAULT_BASE,
                new HttpJson("Cover Art Archive", settings), DEFAULT_COVER_ART_BASE);
    }

    /**
     * Recordings called {@code title} by {@code artist} (artist may be null or blank), best match first.
     *
     * @param limit 1 to {@value #MAX_LIMIT}
     * @throws MetadataUnavailable when MusicBrainz gives no usable answer
     */
    public List<MbRecording> searchRecordings(String title, String artist, int limit) throws MetadataUnavailable {
        if (title == null || title.isBlank()) {
            return List.of();
        }
        String query = "recording:" + phrase(title)
                + (artist == null || artist.isBlank() ? "" : " AND artist:" + phrase(artist));
        URI uri = HttpJson.join(base, "/ws/2/recording?query=" + HttpJson.encode(query)
                + "&fmt=json&limit=" + Math.clamp(limit, 1, MAX_LIMIT));
        Optional<JsonNode> answer = musicBrainz.get(uri, body -> body.path("recordings").isArray());
        List<MbRecording> recordings = new ArrayList<>();
        for (JsonNode recording : answer.map(body -> body.path("recordings")).orElse(JsonFields.EMPTY_ARRAY)) {
            String mbid = JsonFields.textOrNull(recording, "id");
            String recordingTitle = JsonFields.textOrNull(recording, "title");
            if (mbid == null || recordingTitle == null) {
                continue;
            }
            Integer score = JsonFields.intOrNull(recording, "score");
            recordings.add(new MbRecording(mbid, recordingTitle, artistCredit(recording.path("artist-credit")),
                    JsonFields.longOrNull(recording, "length"), score == null ? 0 : score, releases(recording.path("releases"))));
        }
        return List.copyOf(recordings);
    }

    /**
     * The front cover of a release, as the 500 px rendition when there is one (large enough for a TV,
     * a fraction of the original's size). Empty when the archive has no front cover for it.
     *
     * @param releaseId a release MBID
     * @throws MetadataUnavailable when the Cover Art Archive gives no usable answer
     */
    public Optional<URI> frontCover(String releaseId) throws MetadataUnavailable {
        if (releaseId == null || !MBID.matcher(releaseId).matches()) {
            throw new IllegalArgumentException("not a release MBID: " + releaseId);
        }
        Optional<JsonNode> index = coverArt.get(HttpJson.join(coverArtBase, "/release/" + releaseId),
                body -> body.path("images").isArray());
        if (index.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode image : index.get().path("images")) {
            if (!image.path("front").asBoolean(false)) {
                continue;
            }
            JsonNode thumbnails = image.path("thumbnails");
            String url = firstPresent(JsonFields.textOrNull(thumbnails, "500"), JsonFields.textOrNull(thumbnails, "large"),
                    JsonFields.textOrNull(image, "image"));
            if (url != null) {
                return Optional.of(secure(URI.create(url)));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        musicBrainz.close();
        coverArt.close();
    }

    /** A Lucene phrase: quotes and backslashes escaped so a title like {@code 12" Mix} cannot break the query. */
    static String phrase(String text) {
        return "\"" + text.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The credit as printed: each credited name followed by its join phrase (" & ", " feat. "…). */
    private static String artistCredit(JsonNode credits) {
        StringBuilder printed = new StringBuilder();
        for (JsonNode credit : credits) {
            String name = JsonFields.textOrNull(credit, "name");
            printed.append(name != null ? name : credit.path("artist").path("name").asText(""));
            // Not stripped: the spaces around "&" belong to the join phrase.
            printed.append(credit.path("joinphrase").asText(""));
        }
        String artist = printed.toString().strip();
        return artist.isEmpty() ? null : artist;
    }

    private static List<MbRelease> releases(JsonNode releases) {
        List<MbRelease> mapped = new ArrayList<>();
        for (JsonNode release : releases) {
            String id = JsonFields.textOrNull(release, "id");
            if (id != null) {
                mapped.add(new MbRelease(id, JsonFields.textOrNull(release, "title"),
                        JsonFields.textOrNull(release, "date"), JsonFields.textOrNull(release, "status")));
            }
        }
        return mapped;
    }

    /**
     * The archive still lists its images with http:// addresses; they are served over https too, and
     * an https address is what a browser on an https page (and a redirect-following client) needs.
     */
    private static URI secure(URI image) {
        String host = image.getHost() == null ? "" : image.getHost();
        boolean archive = host.equals("coverartarchive.org") || host.endsWith(".archive.org") || host.equals("archive.org");
        return archive && "http".equals(image.getScheme()) ? URI.create("https" + image.toString().substring(4)) : image;
    }

    private static String firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
