package app.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.library.MediaKind;
import app.chorus.library.Song;
import app.chorus.library.SongSource;
import app.chorus.library.SongStatus;
import app.chorus.testing.TestMedia;
import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * URL import through a stand-in yt-dlp: a script that takes yt-dlp's arguments, prints its
 * progress lines and writes what it writes (the media, {@code .info.json}, the thumbnail), or
 * fails, hangs or refuses an oversize file as yt-dlp does. The Open Karaoke Studio flow
 * (POST /api/songs, then /api/youtube/download) is followed over /ws through its job states.
 */
class UrlImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIDEO_ID = "dQw4w9WgXcQ";
    private static Path tools;
    private static TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        tools = Files.createTempDirectory("chorus-ytdlp");
        TestMedia.write(tools.resolve("media.mp3"), TestMedia.Kind.MP3, 3.0);
        Files.write(tools.resolve("thumb.png"), TestMedia.png());
        Path script = tools.resolve("yt-dlp");
        Files.writeString(script, STAND_IN);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        server = TestServer.start("--ytdlp-path", script.toString(), "--upload-max-mb", "2");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        app.chorus.files.Folders.delete(tools);
    }

    /** yt-dlp as far as Chorus sees it: arguments in, progress lines and files out. */
    private static final String STAND_IN = """
            #!/usr/bin/env bash
            dir="$(dirname "$0")"
            printf '%s\\n' "$*" >> "$dir/calls.log"
            out=""; url=""
            while [ $# -gt 0 ]; do
              case "$1" in
                -o) out="$2"; shift 2;;
                --) url="$2"; shift 2;;
                *) shift;;
              esac
            done
            case "$url" in
              *unavailable*)
                echo "[youtube] gone1234567: Downloading webpage"
                echo "ERROR: [youtube] gone1234567: Video unavailable. This video has been removed by the uploader" >&2
                exit 1;;
              *hang*)
                echo "[download]   1.0% of    3.00MiB at  100.00KiB/s ETA 00:30"
                echo $$ > "$dir/hang.pid"
                sleep 600
                exit 0;;
              *huge*)
                echo "[info] huge: Downloading 1 format(s): 251"
                echo "[download] File is larger than max-filesize (999999999 bytes > 2097152 bytes). Aborting."
                exit 0;;
            esac
            base="${out%.%(ext)s}"
            if [[ "$url" == *plain* ]]; then
              printf '{"id":"plainvideo1","title":"Live at the Pub","uploader":"Pub Channel","channel":"Pub Channel","duration":3,"ext":"mp3"}' > "$base.info.json"
            else
              printf '{"id":"%s","title":"Pair Band - Streamed Song (Official Video)","track":"Streamed Song","artist":"Pair Band","album":"Online Album","uploader":"PairBandVEVO","channel":"Pair Band","channel_id":"UC123","upload_date":"20091025","duration":3,"webpage_url":"%s","description":"The official video","ext":"mp3"}' "dQw4w9WgXcQ" "$url" > "$base.info.json"
            fi
            echo "[youtube] Extracting URL: $url"
            echo "[info] Writing video metadata as JSON to: $base.info.json"
            cp "$dir/thumb.png" "$base.png"
            for p in 0.0 12.5 47.3 88.0; do
              echo "[download]  $p% of    3.00MiB at    1.00MiB/s ETA 00:01"
            done
            cp "$dir/media.mp3" "$base.mp3"
            echo "[download] 100% of    3.00MiB in 00:00:01 at 2.00MiB/s"
            """;

    private static HttpResponse<String> post(String path, ObjectNode body) {
        return server.post(path, body.toString());
    }

    private static List<String> calls() throws IOException {
        Path log = tools.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void theOpenKaraokeStudioFlowFillsTheSongItMadeWithTheDownloadAndItsStems() throws Exception {
        HttpResponse<String> created = post("/api/songs", JSON.createObjectNode().put("title", "Never Gonna")
                .put("artist", "Chosen Artist").put("video_id", VIDEO_ID));
        assertThat(created.statusCode()).isEqualTo(201);
        String songId = JSON.readTree(created.body()).get("id").asText();

        try (WsTestClient watcher = server.jobWatcher()) {
            HttpResponse<String> response = post("/api/youtube/download", JSON.createObjectNode()
                    .put("video_id", VIDEO_ID).put("song_id", songId).put("searchThumbnailUrl", "https://i.ytimg.com/x.jpg"));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("success").asBoolean()).isTrue();
            assertThat(body.get("message").asText()).isEqualTo("YouTube processing started");
            assertThat(body.get("data").get("status").asText()).isEqualTo("pending");
            String jobId = body.get("data").get("jobId").asText();
            assertThat(JSON.readTree(body.get("job").get("notes").asText()).get("video_id").asText()).isEqualTo(VIDEO_ID);
            List<JsonNode> events = TestServer.jobEvents(watcher, jobId);

            JsonNode done = events.getLast();
            assertThat(done.get(0).asText()).as(done.toString()).isEqualTo("job_completed");
            assertThat(done.get(1).get("status_message").asText()).isEqualTo("Processing complete");
            assertThat(done.get(1).get("song_id").asText()).isEqualTo(songId);
            List<String> statuses = events.stream().map(event -> event.get(1).get("status").asText()).toList();
            assertThat(statuses).containsSubsequence("downloading", "processing", "finalizing", "completed");
            List<String> messages = events.stream().map(event -> event.get(1).path("status_message").asText()).toList();
            assertThat(messages).contains("Download complete, starting audio processing");
            assertThat(messages).anyMatch(message -> message.startsWith("Audio processing: "));
            int previous = 0;
            for (JsonNode event : events) {
                int progress = event.get(1).get("progress").asInt();
                assertThat(progress).as("progress only grows: %s", events).isGreaterThanOrEqualTo(previous);
                previous = progress;
            }
            assertThat(events).anySatisfy(event -> assertThat(event.get(1).get("status").asText()).isEqualTo("downloading"));
        }
        Song song = server.chorus().library().get(songId);
        assertThat(song.status()).isEqualTo(SongStatus.READY);
        assertThat(song.title()).as("the client's names stay").isEqualTo("Never Gonna");
        assertThat(song.artist()).isEqualTo("Chosen Artist");
        assertThat(song.album()).as("gaps are filled from the page").isEqualTo("Online Album");
        assertThat(song.provenance().sourceId()).isEqualTo(VIDEO_ID);
        assertThat(song.provenance().channel()).isEqualTo("Pair Band");
        assertThat(song.provenance().uploadDate()).isEqualTo("2009-10-25");
        for (MediaKind kind : List.of(MediaKind.ORIGINAL, MediaKind.INSTRUMENTAL, MediaKind.VOCALS, MediaKind.COVER)) {
            assertThat(server.chorus().library().media(songId, kind)).as(kind.toString()).isPresent();
        }
        assertThat(Files.readAllBytes(server.chorus().library().media(songId, MediaKind.COVER).orElseThrow().path()))
                .isEqualTo(TestMedia.png());
        String call = calls().getLast();
        assertThat(call).contains("--newline", "--no-playlist", "-f bestaudio/best", "--max-filesize 2097152",
                "--write-info-json", "-- https://www.youtube.com/watch?v=" + VIDEO_ID);
        assertThat(TestServer.filesUnder(server.dataDir().resolve("jobs"))).as("the download folder is gone").isEmpty();
    }

    @Test
    void aUrlWithoutASongMakesANewSongNamedFromThePage() throws Exception {
        JsonNode body = JSON.readTree(post("/api/youtube/download",
                JSON.createObjectNode().put("url", "https://video.example/watch/plain")).body());
        JsonNode job = server.awaitJobEnd(body.get("data").get("jobId").asText());

        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("completed");
        Song song = server.chorus().library().get(job.get("song_id").asText());
        assertThat(song.title()).isEqualTo("Live at the Pub");
        assertThat(song.artist()).as("the channel stands in for the artist").isEqualTo("Pub Channel");
        assertThat(song.source()).isEqualTo(SongSource.URL);
        assertThat(song.provenance().sourceUrl()).isEqualTo("https://video.example/watch/plain");
        assertThat(job.get("title").asText()).isEqualTo("Live at the Pub");
    }

    @Test
    void ytDlpsErrorFailsTheJobWithItsMessageAndTheClientsSongIsMarkedFailedWithoutMedia() throws Exception {
        String songId = JSON.readTree(post("/api/songs", JSON.createObjectNode().put("title", "Gone")
                .put("artist", "Nobody")).body()).get("id").asText();
        JsonNode body = JSON.readTree(post("/api/youtube/download", JSON.createObjectNode()
                .put("url", "https://video.example/unavailable").put("song_id", songId)).body());
        JsonNode job = server.awaitJobEnd(body.get("data").get("jobId").asText());

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText()).isEqualTo("[youtube] gone1234567: Video unavailable. This video has been removed by the uploader");
        Song song = server.chorus().library().get(songId);
        assertThat(song.status()).isEqualTo(SongStatus.FAILED);
        assertThat(song.media().original()).isNull();
    }

    @Test
    void aDownloadOverTheLimitFailsAndNoSongIsLeft() throws Exception {
        long before = server.songCount();
        JsonNode body = JSON.readTree(post("/api/youtube/download",
                JSON.createObjectNode().put("url", "https://video.example/huge")).body());
        JsonNode job = server.awaitJobEnd(body.get("data").get("jobId").asText());

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText()).isEqualTo("The media is larger than the import limit of 2097152 bytes");
        assertThat(server.songCount()).isEqualTo(before);
    }

    @Test
    void cancelKillsTheDownloadAtOnceAndLeavesNothing() throws Exception {
        Files.deleteIfExists(tools.resolve("hang.pid"));
        long before = server.songCount();
        String jobId = JSON.readTree(post("/api/youtube/download",
                JSON.createObjectNode().put("url", "https://video.example/hang")).body()).get("data").get("jobId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(tools.resolve("hang.pid"))
                && !Files.readString(tools.resolve("hang.pid")).isBlank());
        long pid = Long.parseLong(Files.readString(tools.resolve("hang.pid")).trim());
        assertThat(ProcessHandle.of(pid)).isPresent();

        HttpResponse<String> cancel = http.send(HttpRequest.newBuilder(server.http("/api/jobs/" + jobId + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cancel.statusCode()).isEqualTo(200);

        JsonNode job = server.awaitJobEnd(jobId);
        assertThat(job.get("status").asText()).isEqualTo("cancelled");
        await().atMost(Duration.ofSeconds(2)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(server.songCount()).isEqualTo(before);
        await().atMost(Duration.ofSeconds(5)).until(() -> TestServer.filesUnder(server.dataDir().resolve("jobs")).isEmpty());
    }

    @Test
    void urlsThatAreNotHttpOrPointAtPrivateAddressesAreRefusedBeforeAnyJob() throws Exception {
        int jobsBefore = JSON.readTree(server.get("/api/jobs/?include_dismissed=true").body()).get("jobs").size();
        for (String url : List.of("http://127.0.0.1:8000/api/songs", "http://localhost/x", "http://[::1]/x",
                "http://10.1.2.3/x", "http://192.168.1.1/router", "http://169.254.169.254/latest/meta-data",
                "file:///etc/passwd", "ftp://files.example/song.mp3", "https://user:secret@video.example/x", "not a url")) {
            HttpResponse<String> refused = post("/api/youtube/download", JSON.createObjectNode().put("url", url));
            assertThat(refused.statusCode()).as(url).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("code").asText()).as(url).isEqualTo("URL_NOT_ALLOWED");
        }
        HttpResponse<String> badId = post("/api/youtube/download", JSON.createObjectNode().put("video_id", "../../etc"));
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badId.body()).get("code").asText()).isEqualTo("REQUEST_VALIDATION_ERROR");
        HttpResponse<String> nothing = post("/api/youtube/download", JSON.createObjectNode().put("song_id", "x"));
        assertThat(nothing.statusCode()).isEqualTo(400);
        HttpResponse<String> badSong = post("/api/youtube/download",
                JSON.createObjectNode().put("video_id", VIDEO_ID).put("song_id", "not-a-uuid"));
        assertThat(badSong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(server.get("/api/jobs/?include_dismissed=true").body()).get("jobs")).hasSize(jobsBefore);
    }

    @Test
    void healthSaysUrlImportIsAvailable() throws Exception {
        JsonNode imports = JSON.readTree(server.get("/health").body()).get("imports");
        assertThat(imports.get("url").get("available").asBoolean()).isTrue();
        assertThat(imports.get("separator").asText()).isEqualTo("builtin");
    }

}
