package app.chorus.sources;

import static app.chorus.testing.WsTestClient.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.pipeline.DemoSong;
import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /search} and {@code /get_video_url} over HTTP, as the original PWA calls them, with the
 * library provider (the demo song), the YouTube provider unavailable (no yt-dlp), and the two
 * documented example providers loaded the way a third party's are: packed into a jar in the
 * plugins folder, found by ServiceLoader, configured with {@code provider.<id>.url}. Their remote
 * catalogue is a local HTTP server.
 */
class SearchApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpServer catalogue;
    private static TestServer server;
    private static final Map<String, AtomicInteger> streamRequests = new ConcurrentHashMap<>();
    private static final List<String> searchedFor = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        catalogue = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        catalogue.createContext("/basic/search", exchange -> {
            searchedFor.add(exchange.getRequestURI().getQuery());
            send(exchange, 200, """
                    {"results": [
                      {"id": "b1", "title": "Dancing Queen", "artist": "ABBA", "uploader": "Basic TV", "duration": 231.5,
                       "direct_url": "https://media.basic.example/b1.mp4"},
                      {"id": "b2", "title": "Waterloo", "artist": "ABBA", "uploader": "Basic TV", "duration": null,
                       "direct_url": "https://media.basic.example/b2.mp4"},
                      {"id": "b3", "title": "", "artist": "Nobody"}
                    ]}""");
        });
        catalogue.createContext("/lazy/search", exchange -> send(exchange, 200, """
                {"results": [
                  {"id": "l1", "title": "Mamma Mia", "artist": "ABBA", "uploader": "Lazy Karaoke", "duration": 212},
                  {"id": "l2", "title": "SOS", "artist": "ABBA", "uploader": "Lazy Karaoke", "duration": 200},
                  {"id": "gone", "title": "Lost Song", "artist": "ABBA", "uploader": "Lazy Karaoke", "duration": 100}
                ]}"""));
        catalogue.createContext("/lazy/videos/", exchange -> {
            String id = exchange.getRequestURI().getPath().split("/")[3];
            streamRequests.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            if (id.equals("gone")) {
                send(exchange, 404, "{\"detail\": \"no such video\"}");
            } else {
                send(exchange, 200, "{\"url\": \"https://cdn.lazy.example/" + id + ".mp4?sig=1\", \"expires_in\": 3600}");
            }
        });
        catalogue.start();
        String base = "http://127.0.0.1:" + catalogue.getAddress().getPort();

        Path plugins = Files.createTempDirectory("chorus-plugins");
        packExamples(plugins.resolve("chorus-examples.jar"));
        server = TestServer.start("--demo-song", "first-run", "--plugins-dir", plugins.toString(),
                "--provider.basic.url", base + "/basic", "--provider.lazy.url=" + base + "/lazy");
        await().atMost(Duration.ofSeconds(60)).until(() -> server.chorus().library()
                .findSongs(DemoSong.TITLE, 5).size() == 1);
    }

    @AfterAll
    static void stop() {
        server.close();
        catalogue.stop(0);
    }

    /** The example providers' compiled classes, packed into a jar as their author would ship it. */
    private static void packExamples(Path jar) throws IOException {
        Path classes = Path.of(System.getProperty("chorus.examples.classes"));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonNode getJson(String path, int expectedStatus) throws IOException {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private static JsonNode postJson(String path, String body, int expectedStatus) throws IOException {
        HttpResponse<String> response = server.post(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private static String query(String text) {
        return "/search?query=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void pluginProvidersAreFoundInTheirJarAndHealthReportsEveryProvider() throws IOException {
        JsonNode health = getJson("/health", 200);
        JsonNode providers = health.get("sources").get("providers");
        assertThat(providers.findValuesAsText("id")).containsExactly("library", "youtube", "basic", "lazy");
        assertThat(providers.get(1).get("available").asBoolean()).isFalse();
        assertThat(providers.get(1).get("detail").asText()).contains("yt-dlp");
        assertThat(providers.get(2).get("available").asBoolean()).isTrue();
        assertThat(health.get("sources").get("plugins").get(0).asText()).isEqualTo("chorus-examples.jar");
        assertThat(health.get("cache").get("search").fieldNames()).toIterable().contains("size", "hits", "misses");
        assertThat(health.get("cache").get("video_url").get("size").isNumber()).isTrue();
    }

    @Test
    void aSearchListsTheLibraryFirstThenEachProviderWithTheOriginalEntryShape() throws IOException, InterruptedException {
        JsonNode answer = getJson(query("chorus dmeo"), 200);
        JsonNode entries = answer.get("entries");

        JsonNode demo = entries.get(0);
        assertThat(demo.get("source").asText()).isEqualTo("library");
        assertThat(demo.get("title").asText()).isEqualTo(DemoSong.TITLE);
        assertThat(demo.get("artist").asText()).isEqualTo(DemoSong.ARTIST);
        assertThat(demo.get("duration").isNumber()).isTrue();
        assertThat(demo.get("video_url").asText()).as("absolute, on the address the request came to")
                .isEqualTo(server.http("/api/songs/").toString() + demo.get("id").asText() + "/download/instrumental");
        HttpResponse<byte[]> stream = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(demo.get("video_url").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("audio/");
        assertThat(stream.body().length).isGreaterThan(100_000);

        assertThat(entries.findValuesAsText("id")).containsExactly(demo.get("id").asText(), "b1", "b2", "l1", "l2", "gone");
        JsonNode basic = entries.get(1);
        assertThat(basic.get("video_url").asText()).as("known at search time").isEqualTo("https://media.basic.example/b1.mp4");
        assertThat(basic.get("duration").doubleValue()).isEqualTo(231.5);
        assertThat(entries.get(2).get("duration").isNull()).isTrue();
        assertThat(entries.get(3).get("video_url").isNull()).as("resolved lazily").isTrue();
        for (JsonNode entry : entries) {
            assertThat(entry.fieldNames()).toIterable().contains("id", "title", "artist", "video_url", "source", "uploader",
                    "duration");
            assertThat(entry.get("uploader").isTextual()).isTrue();
        }
        assertThat(answer.get("notes").get(0).asText()).startsWith("youtube is unavailable: yt-dlp");
        assertThat(answer.get("providers").findValuesAsText("status")).containsExactly("ok", "ok", "ok", "unavailable");
        assertThat(searchedFor).contains("q=chorus+dmeo");
    }

    @Test
    void getVideoUrlResolvesLazilyCachesFoundUrlsAndFailuresAndEchoesAPresentUrl() throws IOException {
        String lazy = """
                {"id": "l2", "title": "SOS", "artist": "ABBA", "video_url": null, "source": "lazy",
                 "uploader": "Lazy Karaoke", "duration": 200, "unknown_key": 1}""";
        assertThat(postJson("/get_video_url", lazy, 200).get("video_url").asText()).isEqualTo("https://cdn.lazy.example/l2.mp4?sig=1");
        assertThat(postJson("/get_video_url", lazy, 200).get("video_url").asText()).isEqualTo("https://cdn.lazy.example/l2.mp4?sig=1");
        assertThat(streamRequests.get("l2").get()).as("the second answer came from the cache").isEqualTo(1);

        String gone = lazy.replace("\"l2\"", "\"gone\"");
        JsonNode missing = postJson("/get_video_url", gone, 200);
        assertThat(missing.get("video_url").isNull()).isTrue();
        assertThat(missing.get("note").asText()).isEqualTo("lazy found no playable URL");
        postJson("/get_video_url", gone, 200);
        assertThat(streamRequests.get("gone").get()).as("failures are cached too").isEqualTo(1);

        String present = lazy.replace("\"video_url\": null", "\"video_url\": \"https://elsewhere.example/v.mp4\"");
        assertThat(postJson("/get_video_url", present, 200).get("video_url").asText()).isEqualTo("https://elsewhere.example/v.mp4");
        String youtube = lazy.replace("\"lazy\"", "\"youtube\"").replace("\"l2\"", "\"dQw4w9WgXcQ\"");
        assertThat(postJson("/get_video_url", youtube, 200).get("note").asText()).startsWith("youtube is unavailable");
        JsonNode cache = getJson("/health", 200).get("cache").get("video_url");
        assertThat(cache.get("hits").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badRequestsGetTheOriginalServersValidationErrors() throws IOException {
        JsonNode noQuery = getJson("/search", 422);
        assertThat(noQuery.get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"query\"]");
        assertThat(getJson(query("x".repeat(201)), 422).get("detail").get(0).get("type").asText()).isEqualTo("string_too_long");
        assertThat(getJson(query("   "), 200).get("entries").size()).isZero();

        JsonNode noDuration = postJson("/get_video_url", """
                {"id": "l1", "title": "Mamma Mia", "artist": "ABBA", "source": "lazy", "uploader": "x"}""", 422);
        assertThat(noDuration.get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"duration\"]");
        assertThat(postJson("/get_video_url", "[1, 2]", 422).get("detail").get(0).get("type").asText())
                .isEqualTo("model_attributes_type");
        assertThat(postJson("/get_video_url", "{not json", 422).get("detail").get(0).get("type").asText()).isEqualTo("json_invalid");
    }

    @Test
    void theRoomPrefetchResolvesTheNextSongsThroughTheSameProviders() {
        try (WsTestClient controller = server.connect(); WsTestClient display = server.connect()) {
            display.handshake("display");
            display.skipToAck(display.sendWithRequestId("join_room", object("room_id", "prefetch-room")));
            controller.handshake("controller");
            controller.skipToAck(controller.sendWithRequestId("join_room", object("room_id", "prefetch-room")));
            for (String id : List.of("l1", "l1b", "l1c")) {
                ObjectNode entry = object("id", id, "title", "Song " + id, "artist", "ABBA", "source", "lazy",
                        "uploader", "Lazy Karaoke");
                entry.putNull("duration");
                entry.putNull("video_url");
                JsonNode ack = controller.skipToAck(controller.sendWithRequestId("queue_song", entry));
                assertThat(ack.get("success").asBoolean()).as(ack.toString()).isTrue();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> display.drain().stream()
                    .filter(frame -> frame.get(0).asText().equals("queue_update"))
                    .anyMatch(frame -> frame.get(1).get("items").size() == 2
                            && frame.get(1).get("items").findValuesAsText("video_url").equals(List.of(
                            "https://cdn.lazy.example/l1b.mp4?sig=1", "https://cdn.lazy.example/l1c.mp4?sig=1"))));
        }
    }
}
