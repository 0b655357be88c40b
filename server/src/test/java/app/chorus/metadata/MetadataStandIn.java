package app.chorus.metadata;

import app.chorus.testing.TestMedia;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * iTunes, MusicBrainz, the Cover Art Archive and LRCLIB on one local port, answering in each
 * API's real shape for the songs the tests use ("Adele - Someone Like You", the demo song), or,
 * when {@link #failing} is set, the way services fail: iTunes 503, MusicBrainz malformed JSON,
 * LRCLIB 429 with Retry-After then 503.
 */
public final class MetadataStandIn implements AutoCloseable {
    /** Known songs: artist, title, album, genre, release date, length in ms, release id, synced lyrics. */
    public record Known(String artist, String title, String album, String genre, String released, long lengthMs,
                        String releaseId, String syncedLyrics) {
    }

    public static final Known ADELE = new Known("Adele", "Someone Like You", "21", "Pop", "2011-01-24T08:00:00Z", 4_100,
            "8a2b1c4d-1111-4e2a-9c3b-0d9e8f7a6b5c", "[00:00.50]I heard that you're settled down\n[00:02.00]That you found a girl\n");
    public static final Known SKYFALL = new Known("Adele", "Skyfall", "Skyfall", "Soundtrack", "2012-10-05T07:00:00Z",
            4_000, "1e2f3a4b-5555-4c6d-8e7f-4a5b6c7d8e9f", "[00:00.40]This is the end\n[00:02.10]Hold your breath and count to ten\n");
    public static final Known DEMO = new Known("Chorus", "Chorus Demo", "Demo Tapes", "Karaoke", "2026-01-01T08:00:00Z",
            48_000, "3c4d5e6f-2222-4a1b-8c2d-1e2f3a4b5c6d", null);

    private final HttpServer server;
    private final List<Known> songs;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    /** Answer as broken services do. */
    public volatile boolean failing;

    public MetadataStandIn(Known... songs) throws IOException {
        this.songs = List.of(songs);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/itunes/search", this::itunes);
        server.createContext("/musicbrainz/ws/2/recording", this::musicBrainz);
        server.createContext("/coverart/release/", this::coverArt);
        server.createContext("/lrclib/api/get", this::lrclibGet);
        server.createContext("/lrclib/api/search", exchange -> count(exchange, "lrclib-search", 200, "[]"));
        server.createContext("/art/", this::picture);
        server.start();
    }

    /** The base URL of one service: itunes, musicbrainz, coverart or lrclib. */
    public String url(String service) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + service;
    }

    /** The command-line settings pointing a server at this stand-in. */
    public String[] settings() {
        return new String[] {"--itunes-url", url("itunes"), "--musicbrainz-url", url("musicbrainz"),
            "--coverart-url", url("coverart"), "--lrclib-url", url("lrclib"), "--musicbrainz-interval", "50ms",
            "--metadata-retries", "1", "--metadata-max-retry-wait", "200ms", "--metadata-cache-ttl", "1s"};
    }

    /** How many requests one endpoint got (itunes, musicbrainz, coverart, lrclib-get, lrclib-search, art). */
    public int requests(String endpoint) {
        return requests.getOrDefault(endpoint, new AtomicInteger()).get();
    }

    private Known find(String text) {
        String folded = text.toLowerCase(Locale.ROOT);
        return songs.stream().filter(song -> folded.contains(song.title().toLowerCase(Locale.ROOT))).findFirst().orElse(null);
    }

    private static String query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return raw == null ? "" : URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private void itunes(HttpExchange exchange) throws IOException {
        if (failing) {
            count(exchange, "itunes", 503, "<html><body>Service Unavailable</body></html>");
            return;
        }
        Known song = find(query(exchange));
        String results = song == null ? "" : """
                {"wrapperType":"track","kind":"song","artistId":2004,"collectionId":4001,"trackId":9001,
                 "artistName":"%s","collectionName":"%s","trackName":"%s","collectionCensoredName":"%s",
                 "trackCensoredName":"%s","previewUrl":"https://audio-ssl.itunes.apple.com/preview.m4a",
                 "artworkUrl30":"%s/30x30bb.jpg","artworkUrl60":"%s/60x60bb.jpg","artworkUrl100":"%s/100x100bb.jpg",
                 "collectionPrice":10.99,"trackPrice":1.29,"releaseDate":"%s","collectionExplicitness":"notExplicit",
                 "trackExplicitness":"notExplicit","discCount":1,"discNumber":1,"trackCount":11,"trackNumber":11,
                 "trackTimeMillis":%d,"country":"USA","currency":"USD","primaryGenreName":"%s","isStreamable":true}"""
                .formatted(song.artist(), song.album(), song.title(), song.album(), song.title(), art(song), art(song),
                        art(song), song.released(), song.lengthMs(), song.genre());
        count(exchange, "itunes", 200, "{\"resultCount\":" + (song == null ? 0 : 1) + ",\"results\":[" + results + "]}");
    }

    private String art(Known song) {
        return url("art") + "/" + song.releaseId();
    }

    private void musicBrainz(HttpExchange exchange) throws IOException {
        if (failing) {
            count(exchange, "musicbrainz", 200, "{\"created\":\"2026-11-21T20:00:00.000Z\",\"count\":1,\"recordings\":[{\"id\":");
            return;
        }
        Known song = find(query(exchange));
        String recordings = song == null ? "" : """
                {"id":"5f6a7b8c-3333-4c2d-9e3f-2a3b4c5d6e7f","score":100,"title":"%s","length":%d,"video":null,
                 "artist-credit":[{"name":"%s","joinphrase":"","artist":{"id":"cc2c9c3c-4444-4e4f-8a5b-3c4d5e6f7a8b",
                 "name":"%s","sort-name":"%s"}}],"first-release-date":"%s",
                 "releases":[{"id":"%s","status-id":"4e304316-386d-3409-af2e-78857eec5cfe","count":1,"title":"%s",
                 "status":"Official","date":"%s","country":"XE"}]}"""
                .formatted(song.title(), song.lengthMs(), song.artist(), song.artist(), song.artist(),
                        song.released().substring(0, 10), song.releaseId(), song.album(), song.released().substring(0, 10));
        count(exchange, "musicbrainz", 200, "{\"created\":\"2026-11-21T20:00:00.000Z\",\"count\":" + (song == null ? 0 : 1)
                + ",\"offset\":0,\"recordings\":[" + recordings + "]}");
    }

    private void coverArt(HttpExchange exchange) throws IOException {
        String releaseId = exchange.getRequestURI().getPath().substring("/coverart/release/".length());
        count(exchange, "coverart", 200, """
                {"images":[{"approved":true,"back":false,"comment":"","edit":1,"front":true,"id":1,
                 "image":"%s/%s/full.jpg","thumbnails":{"250":"%s/%s/250.jpg","500":"%s/%s/500.jpg",
                 "large":"%s/%s/500.jpg","small":"%s/%s/250.jpg"},"types":["Front"]}],
                 "release":"https://musicbrainz.org/release/%s"}""".formatted(url("art"), releaseId, url("art"), releaseId,
                url("art"), releaseId, url("art"), releaseId, url("art"), releaseId, releaseId));
    }

    private void lrclibGet(HttpExchange exchange) throws IOException {
        if (failing) {
            // Too many requests, then down: neither answer may be cached as "no lyrics".
            if (requests("lrclib-get-failing") % 2 == 0) {
                exchange.getResponseHeaders().set("Retry-After", "0");
                count(exchange, "lrclib-get-failing", 429, "{\"code\":429,\"name\":\"TooManyRequests\",\"message\":\"Slow down\"}");
            } else {
                count(exchange, "lrclib-get-failing", 503, "{\"code\":503,\"name\":\"ServiceUnavailable\",\"message\":\"Down\"}");
            }
            return;
        }
        Known song = find(query(exchange));
        if (song == null || song.syncedLyrics() == null) {
            count(exchange, "lrclib-get", 404, "{\"code\":404,\"name\":\"TrackNotFound\",\"message\":\"Failed to find specified track\"}");
            return;
        }
        String plain = song.syncedLyrics().replaceAll("(?m)^\\[[^\\]]*\\]", "");
        count(exchange, "lrclib-get", 200, """
                {"id":3396226,"name":"%s","trackName":"%s","artistName":"%s","albumName":"%s","duration":%.1f,
                 "instrumental":false,"plainLyrics":%s,"syncedLyrics":%s}""".formatted(song.title(), song.title(),
                song.artist(), song.album(), song.lengthMs() / 1000.0, quote(plain), quote(song.syncedLyrics())));
    }

    private void picture(HttpExchange exchange) throws IOException {
        requests.computeIfAbsent("art", key -> new AtomicInteger()).incrementAndGet();
        byte[] png = TestMedia.png();
        exchange.getResponseHeaders().set("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, png.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(png);
        }
    }

    private void count(HttpExchange exchange, String endpoint, int status, String body) throws IOException {
        requests.computeIfAbsent(endpoint, key -> new AtomicInteger()).incrementAndGet();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String quote(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
