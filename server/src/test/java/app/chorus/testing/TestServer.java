package app.chorus.testing;

import app.chorus.Chorus;
import app.chorus.config.Config;
import app.chorus.config.ConfigLoader;
import app.chorus.library.Library;
import app.chorus.library.MediaFormat;
import app.chorus.library.MediaKind;
import app.chorus.library.NewSong;
import app.chorus.library.Provenance;
import app.chorus.library.Song;
import app.chorus.library.SongField;
import app.chorus.library.SongSort;
import app.chorus.library.SongSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/** A real Chorus on a free port with its own data folder; one per test class. */
public final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A local port nothing listens on. */
    private static final String UNREACHABLE = "http://127.0.0.1:1";
    private final Path dataDir;
    private final List<String> extraArguments;
    private final HttpClient http = HttpClient.newHttpClient();
    private Chorus chorus;

    private TestServer(Path dataDir, List<String> extraArguments) {
        this.dataDir = dataDir;
        this.extraArguments = extraArguments;
    }

    /** Starts a server; {@code arguments} are extra command-line settings such as "--room-max-queue", "3". */
    public static TestServer start(String... arguments) {
        try {
            TestServer server = new TestServer(Files.createTempDirectory("chorus-test"), List.of(arguments));
            server.restart();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration this server runs with. */
    public Config config() {
        // No demo song unless a test asks for one: tests start from an empty library. No yt-dlp
        // and no metadata services either: tests never reach the internet.
        List<String> arguments = new ArrayList<>(List.of("--port", "0", "--data-dir", dataDir.toString(),
                "--demo-song", "never", "--ytdlp-path", "/nonexistent/yt-dlp",
                // No lookups after imports unless a test asks (EnrichmentTest serves the services);
                // where a test turns them on, unserved services answer "connection refused" at once.
                "--enrichment", "false", "--itunes-url", UNREACHABLE, "--musicbrainz-url", UNREACHABLE, "--coverart-url", UNREACHABLE,
                "--lrclib-url", UNREACHABLE, "--metadata-retries", "0",
                // A known share token, so no test server generates (and logs) one unless a test asks.
                "--share-tokens", "test-share-token"));
        arguments.addAll(extraArguments);
        return ConfigLoader.load(arguments, Map.of());
    }

    /** Stops (gracefully) if running, then starts again on the same data folder. */
    public void restart() {
        if (chorus != null) {
            chorus.close();
        }
        chorus = Chorus.start(config());
    }

    public Chorus chorus() {
        return chorus;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return chorus.port();
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public URI ws() {
        return URI.create("ws://127.0.0.1:" + port() + "/ws");
    }

    /** A new WebSocket client connected to /ws. */
    public WsTestClient connect(String... headers) {
        return WsTestClient.connect(ws(), headers);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(http(path)).GET().build());
    }

    public HttpResponse<String> post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int index = 0; index < headers.length; index += 2) {
            request.header(headers[index], headers[index + 1]);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A ready library song made directly (no import): "Artist of" and "Album of" the title, 200 s,
     * plain and synced lyrics, and a small instrumental to stream.
     */
    public Song librarySong(String title) {
        Library library = chorus().library();
        Song song = library.create(new NewSong(title, "Artist of " + title, "Album of " + title, 200_000L,
                SongSource.UPLOAD, Provenance.NONE));
        library.attachMedia(song.id(), MediaKind.INSTRUMENTAL, MediaFormat.OGG, new ByteArrayInputStream(new byte[10]));
        return library.edit(song.id(), Map.of(SongField.PLAIN_LYRICS, "la la " + title,
                SongField.SYNCED_LYRICS, "[00:01.00] la la " + title));
    }

    /** Empties the Open Karaoke Studio queue, current song included, through {@code /api/karaoke-queue}. */
    public void clearKaraokeQueue() {
        try {
            for (JsonNode items = JSON.readTree(get("/api/karaoke-queue").body()); !items.isEmpty();
                 items = JSON.readTree(get("/api/karaoke-queue").body())) {
                HttpResponse<String> deleted = send(HttpRequest.newBuilder(
                        http("/api/karaoke-queue/" + items.get(0).get("id").asInt())).DELETE().build());
                if (deleted.statusCode() != 200) {
                    throw new AssertionError("DELETE of a queue item answered " + deleted.statusCode() + ": " + deleted.body());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads one file to {@code POST /api/songs/upload} as the browser's multipart form does. */
    public HttpResponse<String> upload(Path file) {
        String boundary = "chorus-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            body.writeBytes(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(http("/api/songs/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** A /ws client subscribed to job events, past its {@code jobs_list}. */
    public WsTestClient jobWatcher() {
        WsTestClient client = connect();
        client.handshake("display");
        client.send("subscribe_jobs", JSON.createObjectNode());
        if (!client.expect("jobs_list").get("jobs").isArray()) {
            throw new AssertionError("jobs_list without a jobs array");
        }
        return client;
    }

    /** The events of one job a {@link #jobWatcher()} hears, up to and including its terminal one. */
    public static List<JsonNode> jobEvents(WsTestClient client, String jobId) {
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            JsonNode frame = client.next();
            String name = frame.get(0).asText();
            if (name.equals("ping") || !frame.get(1).path("id").asText().equals(jobId)) {
                continue;
            }
            events.add(frame);
            if (name.equals("job_completed") || name.equals("job_failed") || name.equals("job_cancelled")) {
                return events;
            }
        }
    }

    /** Waits (up to a minute) for the job to end; returns it as {@code GET /api/jobs/{id}} shows it. */
    public JsonNode awaitJobEnd(String jobId) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(
                () -> JSON.readTree(get("/api/jobs/" + jobId).body()),
                job -> List.of("completed", "failed", "cancelled").contains(job.path("status").asText()));
    }

    /** How many songs the library holds. */
    public long songCount() {
        return chorus.library().list(null, SongSort.DATE_ADDED, false, 1, 0).total();
    }

    /** The regular files below {@code root}; none when it does not exist. */
    public static List<Path> filesUnder(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (chorus != null) {
            chorus.close();
            chorus = null;
        }
    }
}
