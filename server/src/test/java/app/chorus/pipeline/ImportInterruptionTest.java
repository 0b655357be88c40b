package app.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.testing.ServerProcess;
import app.chorus.testing.TestMedia;
import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import app.chorus.files.Folders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import stopped half-way: cancelled during vocal separation, and its server killed with
 * SIGKILL during separation and started again. Neither may leave a song, a stem, a raw file or a
 * staged upload behind, and a killed import must end by itself after the restart.
 */
class ImportInterruptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    private HttpResponse<String> upload(URI url, String filename, byte[] content) throws Exception {
        String boundary = "chorus-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename
                + "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(url).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode job(URI url) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static List<String> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).map(Path::toString).sorted().toList();
        }
    }

    @Test
    void cancellingDuringSeparationStopsAtOnceAndLeavesNothing() throws Exception {
        Path song = TestMedia.write(folder.resolve("long.wav"), TestMedia.Kind.WAV, 240.0);
        try (TestServer server = TestServer.start(); WsTestClient watcher = server.connect()) {
            watcher.handshake("display");
            watcher.send("subscribe_jobs", JSON.createObjectNode());
            watcher.expect("jobs_list");
            String jobId = JSON.readTree(upload(server.http("/api/songs/upload"), "long.wav", Files.readAllBytes(song)).body())
                    .get("jobs").get(0).get("id").asText();

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    "Separating vocals".equals(job(server.http("/api/jobs/" + jobId)).path("status_message").asText()));
            long cancelledAt = System.nanoTime();
            HttpResponse<String> cancel = http.send(HttpRequest.newBuilder(server.http("/api/jobs/" + jobId + "/cancel"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(cancel.statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(5)).until(() ->
                    job(server.http("/api/jobs/" + jobId)).path("status").asText().equals("cancelled"));
            assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(3));
            assertThat(server.chorus().library().list(null, app.chorus.library.SongSort.DATE_ADDED, false, 10, 0).total())
                    .as("the song made before separation is gone again").isZero();
            assertThat(filesUnder(server.dataDir().resolve("library"))).isEmpty();
            assertThat(filesUnder(server.dataDir().resolve("jobs"))).isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> filesUnder(server.dataDir().resolve("uploads")).isEmpty());
        }
    }

    @Test
    void anImportKilledWithItsServerRunsAgainAfterTheRestartAndLeavesNoOrphans() throws Exception {
        Path dataDir = Files.createTempDirectory("chorus-import-kill");
        Path song = TestMedia.write(folder.resolve("long.wav"), TestMedia.Kind.WAV, 240.0,
                "title", "Survivor", "artist", "The Restarts");
        try (ServerProcess servers = new ServerProcess(dataDir)) {
            Process first = servers.start();
            String jobId = JSON.readTree(upload(servers.http("/api/songs/upload"), "long.wav", Files.readAllBytes(song)).body())
                    .get("jobs").get(0).get("id").asText();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                    "Separating vocals".equals(job(servers.http("/api/jobs/" + jobId)).path("status_message").asText()));
            servers.kill(first);

            servers.start();
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    job(servers.http("/api/jobs/" + jobId)).path("status").asText().equals("completed"));
            JsonNode done = job(servers.http("/api/jobs/" + jobId));
            assertThat(done.get("attempts").asInt()).as("run again from the start").isEqualTo(2);

            JsonNode songs = JSON.readTree(http.send(HttpRequest.newBuilder(servers.http("/api/songs")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(songs.findValuesAsText("title")).as("one song, not one per attempt").containsExactly("Survivor");
            String songId = songs.get(0).get("id").asText();
            assertThat(filesUnder(dataDir.resolve("library")))
                    .containsExactly(songId + "/instrumental.m4a", songId + "/original.wav", songId + "/vocals.m4a");
            assertThat(filesUnder(dataDir.resolve("jobs"))).isEmpty();
            assertThat(filesUnder(dataDir.resolve("uploads"))).isEmpty();
        } finally {
            Folders.delete(dataDir);
        }
    }
}
