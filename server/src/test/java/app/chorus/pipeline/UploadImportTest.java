package app.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.library.Song;
import app.chorus.testing.TestMedia;
import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Uploading real media files over HTTP: each import is watched over /ws through its job states,
 * the song is streamed back by range, and bad uploads fail cleanly, leaving nothing behind.
 */
class UploadImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        server = TestServer.start("--upload-max-mb", "2", "--ytdlp-path", "/nonexistent/yt-dlp");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> upload(String field, String filename, byte[] content) throws Exception {
        String boundary = "chorus-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(server.http("/api/songs/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(TestMedia.Kind.class)
    void anUploadedFileBecomesASongWatchedLiveAndStreamedBackByRange(TestMedia.Kind kind) throws Exception {
        Path file = TestMedia.write(folder.resolve("in." + kind.extension), kind, 4.0,
                "title", "Imported " + kind, "artist", "Upload Band", "album", "Test Album", "date", "2019-05-01");
        try (WsTestClient watcher = server.jobWatcher()) {
            HttpResponse<String> response = upload("files", "My Song." + kind.extension, Files.readAllBytes(file));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            JsonNode queued = JSON.readTree(response.body()).get("jobs").get(0);
            assertThat(queued.get("status").asText()).isEqualTo("pending");
            assertThat(queued.get("filename").asText()).isEqualTo("My Song." + kind.extension);
            List<JsonNode> events = TestServer.jobEvents(watcher, queued.get("id").asText());

            assertThat(events.getFirst().get(0).asText()).isEqualTo("job_created");
            JsonNode done = events.getLast();
            assertThat(done.get(0).asText()).as(done.toString()).isEqualTo("job_completed");
            assertThat(done.get(1).get("progress").asInt()).isEqualTo(100);
            int previous = -1;
            for (JsonNode event : events) {
                int progress = event.get(1).get("progress").asInt();
                if (!event.get(1).get("status").asText().equals("pending")) {
                    assertThat(progress).as("progress never goes back: %s", events).isGreaterThanOrEqualTo(previous);
                    previous = progress;
                }
            }
            String songId = done.get(1).get("song_id").asText();
            Song song = server.chorus().library().get(songId);
            assertThat(song.title()).as("the file's own tags win over its name").isEqualTo("Imported " + kind);
            assertThat(song.artist()).isEqualTo("Upload Band");
            assertThat(song.durationMs()).isBetween(3_900L, 4_150L);
            assertThat(done.get(1).get("title").asText()).isEqualTo(song.title());

            Path original = server.chorus().library().media(songId, app.chorus.library.MediaKind.ORIGINAL).orElseThrow().path();
            byte[] stored = Files.readAllBytes(original);
            assertThat(stored).isEqualTo(Files.readAllBytes(file));
            HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(server.http("/api/songs/" + songId + "/download/original"))
                    .header("Range", "bytes=100-299").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(stored, 100, 300));
            assertThat(TestServer.filesUnder(server.dataDir().resolve("uploads"))).as("the staged upload is gone").isEmpty();

            app.chorus.audio.MediaProbe probe = new app.chorus.audio.MediaProbe();
            for (app.chorus.library.MediaKind stem : List.of(app.chorus.library.MediaKind.INSTRUMENTAL,
                    app.chorus.library.MediaKind.VOCALS)) {
                Path stemFile = server.chorus().library().media(songId, stem).orElseThrow().path();
                app.chorus.audio.MediaInfo info = probe.probe(stemFile, share -> { });
                assertThat(info.durationMs()).as(stem + " has the song's length").isBetween(3_850L, 4_200L);
                assertThat(info.channels()).isEqualTo(2);
            }
            JsonNode listed = JSON.readTree(server.get("/api/songs/" + songId).body());
            assertThat(listed.get("status").asText()).isEqualTo("processed");
            assertThat(listed.get("instrumentalPath").asText()).endsWith("/download/instrumental");
            assertThat(listed.get("loudnessLufs").asDouble()).isBetween(-40.0, 0.0);
            JsonNode waveform = JSON.readTree(server.get("/api/songs/" + songId + "/waveform?columns=50").body());
            assertThat(waveform.get("columns").asInt()).isEqualTo(50);
            assertThat(waveform.get("peaks")).hasSize(50).allSatisfy(peak -> assertThat(peak.asDouble()).isBetween(0.05, 1.0));
            HttpResponse<byte[]> instrumental = http.send(HttpRequest.newBuilder(
                    server.http("/api/songs/" + songId + "/download/instrumental")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(instrumental.headers().firstValue("Content-Type")).hasValue("audio/mp4");
        }
    }

    @Test
    void withoutTagsTheTitleComesFromTheFileName() throws Exception {
        Path file = TestMedia.write(folder.resolve("plain.flac"), TestMedia.Kind.FLAC, 2.0);
        try (WsTestClient watcher = server.jobWatcher()) {
            String jobId = JSON.readTree(upload("files", "Bohemian Rhapsody.flac", Files.readAllBytes(file)).body())
                    .get("jobs").get(0).get("id").asText();
            JsonNode done = TestServer.jobEvents(watcher, jobId).getLast();

            Song song = server.chorus().library().get(done.get(1).get("song_id").asText());
            assertThat(song.title()).isEqualTo("Bohemian Rhapsody");
            assertThat(song.artist()).isEqualTo("Unknown Artist");
            assertThat(song.media().original()).isEqualTo("original.flac");
        }
    }

    @Test
    void anEmbeddedCoverBecomesTheSongsThumbnail() throws Exception {
        byte[] png = TestMedia.png();
        Path file = TestMedia.withCover(TestMedia.write(folder.resolve("c.mp3"), TestMedia.Kind.MP3, 2.0), png, "image/png");
        try (WsTestClient watcher = server.jobWatcher()) {
            String jobId = JSON.readTree(upload("files", "c.mp3", Files.readAllBytes(file)).body())
                    .get("jobs").get(0).get("id").asText();
            String songId = TestServer.jobEvents(watcher, jobId).getLast().get(1).get("song_id").asText();

            HttpResponse<byte[]> thumbnail = http.send(HttpRequest.newBuilder(server.http("/api/songs/" + songId + "/thumbnail"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(thumbnail.statusCode()).isEqualTo(200);
            assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(thumbnail.body()).isEqualTo(png);
            assertThat(JSON.readTree(server.get("/api/songs/" + songId).body()).get("thumbnail").asText())
                    .isEqualTo(songId + "/cover.png");
        }
    }

    @Test
    void aFileThatIsNotMediaFailsItsJobAndLeavesNothingBehind() throws Exception {
        long songsBefore = server.songCount();
        try (WsTestClient watcher = server.jobWatcher()) {
            HttpResponse<String> response = upload("file", "../../../../tmp/evil.mp3",
                    "<html>this is a web page, not a song</html>\n".repeat(100).getBytes(StandardCharsets.UTF_8));

            assertThat(response.statusCode()).isEqualTo(202);
            JsonNode queued = JSON.readTree(response.body()).get("jobs").get(0);
            assertThat(queued.get("filename").asText()).as("only the last segment is kept, to show").isEqualTo("evil.mp3");
            JsonNode failed = TestServer.jobEvents(watcher, queued.get("id").asText()).getLast();

            assertThat(failed.get(0).asText()).isEqualTo("job_failed");
            assertThat(failed.get(1).get("error").asText()).contains("not audio or video").contains("[not_media]");
        }
        assertThat(server.songCount()).isEqualTo(songsBefore);
        await().atMost(Duration.ofSeconds(5)).until(() -> TestServer.filesUnder(server.dataDir().resolve("uploads")).isEmpty());
        assertThat(Files.exists(Path.of("/tmp/evil.mp3"))).isFalse();
    }

    @Test
    void emptyOversizeAndMissingUploadsAreRefusedAtOnceWithTypedErrors() throws Exception {
        HttpResponse<String> empty = upload("files", "empty.mp3", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("code").asText()).isEqualTo("EMPTY_FILE");

        HttpResponse<String> oversize = upload("files", "big.wav", new byte[3 * 1024 * 1024]);
        assertThat(oversize.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(oversize.body()).get("code").asText()).isEqualTo("FILE_TOO_LARGE");

        HttpResponse<String> nothing = upload("other", "x.mp3", new byte[10]);
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(nothing.body()).get("code").asText()).isEqualTo("MISSING_FILES");

        // Jetty removes its spooled multipart parts as the request completes, just after the reply.
        await().atMost(Duration.ofSeconds(5)).until(() -> TestServer.filesUnder(server.dataDir().resolve("uploads")).isEmpty());
    }

    @Test
    void jobsAreListedAndAFinishedOneCanBeDismissedButNotCancelled() throws Exception {
        Path file = TestMedia.write(folder.resolve("a.mp3"), TestMedia.Kind.MP3, 2.0);
        String jobId;
        try (WsTestClient watcher = server.jobWatcher()) {
            jobId = JSON.readTree(upload("files", "a.mp3", Files.readAllBytes(file)).body()).get("jobs").get(0).get("id").asText();
            TestServer.jobEvents(watcher, jobId);

            HttpResponse<String> cancel = http.send(HttpRequest.newBuilder(server.http("/api/jobs/" + jobId + "/cancel"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(cancel.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(cancel.body()).get("error").asText()).isEqualTo("Cannot cancel job with status completed");

            HttpResponse<String> dismiss = http.send(HttpRequest.newBuilder(server.http("/api/jobs/" + jobId + "/dismiss"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(dismiss.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(dismiss.body()).get("job_id").asText()).isEqualTo(jobId);
            JsonNode repeated = watcher.expect("job_completed");
            assertThat(repeated.get("dismissed").asBoolean()).isTrue();
        }
        JsonNode job = JSON.readTree(server.get("/api/jobs/" + jobId).body());
        assertThat(job.get("created_at").asText()).endsWith("+00:00");
        List<String> keys = new ArrayList<>();
        job.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).startsWith("id", "filename", "status", "progress", "status_message", "task_id", "song_id", "title",
                "artist", "created_at", "started_at", "completed_at", "error", "notes", "dismissed");
        assertThat(JSON.readTree(server.get("/api/jobs/").body()).get("jobs").findValuesAsText("id")).doesNotContain(jobId);
        assertThat(JSON.readTree(server.get("/api/jobs/?include_dismissed=true").body()).get("jobs").findValuesAsText("id"))
                .contains(jobId);
        assertThat(server.get("/api/jobs/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/jobs/?status=exploded").statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(server.get("/api/jobs/status").body()).get("counts").get("completed").asInt()).isPositive();
    }

    @Test
    void withoutYtDlpUrlImportIsRefusedAsUnavailableAndHealthSaysSo() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(server.http("/api/youtube/download"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"video_id\":\"dQw4w9WgXcQ\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("URL_IMPORT_UNAVAILABLE");
        JsonNode imports = JSON.readTree(server.get("/health").body()).get("imports");
        assertThat(imports.get("url").get("available").asBoolean()).isFalse();
        assertThat(imports.get("folder").get("enabled").asBoolean()).isFalse();
    }

}
