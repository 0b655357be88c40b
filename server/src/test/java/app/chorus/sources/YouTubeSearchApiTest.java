package app.chorus.sources;

import static app.chorus.testing.WsTestClient.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in YouTube provider inside a running server, made by its ServiceLoader factory from
 * the settings, against the stand-in yt-dlp: search, lazy resolution by {@code /get_video_url}
 * and by the room prefetch, an error exit, and hangs killed at the search and lookup time-outs.
 */
class YouTubeSearchApiTest {
    private static Path standIn;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        standIn = Files.createTempDirectory("chorus-ytdlp");
        Path program = YtDlpStandIn.write(standIn);
        server = TestServer.start("--ytdlp-path", program.toString(), "--search-timeout", "2s",
                "--video-url-timeout", "2s");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        YtDlpStandIn.endStragglers(standIn);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return YtDlpStandIn.JSON.readTree(response.body());
    }

    private static JsonNode lookup(String videoId) throws Exception {
        return json(server.post("/get_video_url", """
                {"id": "%s", "title": "Someone Like You", "artist": "Adele", "video_url": null, "source": "youtube",
                 "uploader": "Sing King", "duration": 285}""".formatted(videoId)));
    }

    @Test
    void aSearchListsPlayableVideosWithoutUrlsAndTheProviderIsHealthy() throws Exception {
        JsonNode answer = json(server.get("/search?query=" + URLEncoder.encode("someone like you", StandardCharsets.UTF_8)));

        assertThat(answer.get("entries").findValuesAsText("id"))
                .containsExactly(YtDlpStandIn.PROGRESSIVE_VIDEO, YtDlpStandIn.VIDEO_WITHOUT_PROGRESSIVE, "bNq0v8Zc4Ys", "d4Nc1ngQu3n");
        JsonNode adele = answer.get("entries").get(0);
        assertThat(adele.get("artist").asText()).isEqualTo("Adele");
        assertThat(adele.get("title").asText()).isEqualTo("Someone Like You");
        assertThat(adele.get("source").asText()).isEqualTo("youtube");
        assertThat(adele.get("video_url").isNull()).isTrue();
        assertThat(adele.get("page_url").asText()).isEqualTo("https://www.youtube.com/watch?v=" + YtDlpStandIn.PROGRESSIVE_VIDEO);
        assertThat(YtDlpStandIn.lastArguments(standIn).getLast()).isEqualTo("ytsearch10:someone like you karaoke");

        JsonNode providers = json(server.get("/health")).get("sources").get("providers");
        assertThat(providers.get(1).get("id").asText()).isEqualTo("youtube");
        assertThat(providers.get(1).get("available").asBoolean()).isTrue();
    }

    @Test
    void getVideoUrlPicksTheProgressiveStreamAndReportsYtDlpsError() throws Exception {
        assertThat(lookup(YtDlpStandIn.PROGRESSIVE_VIDEO).get("video_url").asText())
                .startsWith("https://").contains("googlevideo.com/videoplayback").contains("itag=22");
        JsonNode unavailable = lookup("unavailable");
        assertThat(unavailable.get("video_url").isNull()).isTrue();
        assertThat(unavailable.get("note").asText()).isEqualTo("youtube failed: [youtube] unavailable: Video unavailable");
    }

    @Test
    void aHangingSearchIsKilledAtTheTimeOutAndTheOthersStillAnswer() throws Exception {
        Files.deleteIfExists(standIn.resolve("hang.pid"));
        JsonNode answer = json(server.get("/search?query=hang"));
        assertThat(answer.get("notes").get(0).asText()).isEqualTo("youtube did not answer within 2 s");
        assertThat(answer.get("providers").findValuesAsText("status")).containsExactly("ok", "timeout");
        long pid = YtDlpStandIn.awaitHangingPid(standIn);
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true));
    }

    @Test
    void aHangingLookupIsKilledAtTheTimeOutAndRememberedAsAFailure() throws Exception {
        Files.deleteIfExists(standIn.resolve("hang.pid"));
        JsonNode answer = lookup("hang0000000");
        assertThat(answer.get("video_url").isNull()).isTrue();
        assertThat(answer.get("note").asText()).isEqualTo("youtube did not answer within 2 s");
        long pid = YtDlpStandIn.awaitHangingPid(standIn);
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true));
        Files.deleteIfExists(standIn.resolve("hang.pid"));
        assertThat(lookup("hang0000000").get("note").asText()).as("from the cache, yt-dlp not run again")
                .isEqualTo("youtube did not answer within 2 s");
        assertThat(standIn.resolve("hang.pid")).doesNotExist();
    }

    @Test
    void theRoomPrefetchResolvesQueuedVideos() {
        try (WsTestClient controller = server.connect(); WsTestClient display = server.connect()) {
            display.handshake("display");
            display.skipToAck(display.sendWithRequestId("join_room", object("room_id", "youtube-room")));
            controller.handshake("controller");
            controller.skipToAck(controller.sendWithRequestId("join_room", object("room_id", "youtube-room")));
            for (String id : List.of("d4Nc1ngQu3n", YtDlpStandIn.PROGRESSIVE_VIDEO, YtDlpStandIn.VIDEO_WITHOUT_PROGRESSIVE)) {
                ObjectNode entry = object("id", id, "title", "Song " + id, "artist", "Someone", "source", "youtube",
                        "uploader", "Sing King");
                entry.putNull("duration");
                entry.putNull("video_url");
                assertThat(controller.skipToAck(controller.sendWithRequestId("queue_song", entry)).get("success").asBoolean())
                        .isTrue();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> display.drain().stream()
                    .filter(frame -> frame.get(0).asText().equals("queue_update"))
                    .map(frame -> frame.get(1).get("items"))
                    .anyMatch(items -> items.size() == 2
                            && items.get(0).get("entry").get("video_url").asText().contains("itag=22")
                            && items.get(1).get("entry").get("video_url").asText().contains("itag=140")));
        }
    }
}
