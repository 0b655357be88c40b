package app.chorus.sources;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A stand-in yt-dlp for tests: a script in a test's folder that records its arguments and prints
 * what yt-dlp prints for the recorded searches and videos in {@code test-resources/ytdlp}, fails
 * with yt-dlp's error line, prints broken output, hangs ({@code hang} in its last argument), or
 * waits at a gate (while a {@code gated} file exists and a {@code release} file does not), noting
 * each start and any run that began while another was running.
 */
final class YtDlpStandIn {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The {@code expire} of every googlevideo URL in the video fixtures. */
    static final Instant EXPIRES = Instant.ofEpochSecond(1767553917L);
    static final String PROGRESSIVE_VIDEO = "Kp9cWJ4mT2s";
    static final String VIDEO_WITHOUT_PROGRESSIVE = "R7fUoQb3X1E";
    static final String LIVE_VIDEO = "L1vEr4d10oo";

    private static final String SCRIPT = """
            #!/usr/bin/env bash
            dir="@DIR@"
            printf '%s\\n' "$@" > "$dir/last-arguments"
            target="${@: -1}"
            if [ -e "$dir/gated" ]; then
              echo $$ >> "$dir/started"
              mkdir "$dir/running" 2>/dev/null || echo $$ >> "$dir/overlaps"
              while [ ! -e "$dir/release" ]; do sleep 0.05; done
              rmdir "$dir/running" 2>/dev/null
            fi
            case "$target" in
              *hang*)
                echo $$ > "$dir/hang.pid"
                exec sleep 600;;
              *unavailable*)
                echo "ERROR: [youtube] unavailable: Video unavailable" >&2
                exit 1;;
              *broken*)
                printf '{"id": "broken", "entries": [{"_type": "url", "id": "trunc'
                exit 0;;
              ytsearch*)
                # Chatter on stderr must not end up in the JSON read from stdout.
                echo "WARNING: [youtube:search] The extractor answered slowly" >&2
                cat "@FIXTURES@/search-karaoke.json";;
              *@PROGRESSIVE@) cat "@FIXTURES@/video-progressive.json";;
              *@NO_PROGRESSIVE@) cat "@FIXTURES@/video-audio-only.json";;
              *@LIVE@) cat "@FIXTURES@/video-live.json";;
              *)
                echo "ERROR: [youtube] ${target##*=}: Private video. Sign in if you've been granted access to this video" >&2
                exit 1;;
            esac
            """;

    private YtDlpStandIn() {
    }

    /** Writes the script as {@code folder/yt-dlp}, where it also keeps its records. */
    static Path write(Path folder) throws IOException, URISyntaxException {
        Path fixtures = Path.of(YtDlpStandIn.class.getResource("/ytdlp/search-karaoke.json").toURI()).getParent();
        Path script = folder.resolve("yt-dlp");
        Files.writeString(script, SCRIPT.replace("@DIR@", folder.toString()).replace("@FIXTURES@", fixtures.toString())
                .replace("@PROGRESSIVE@", PROGRESSIVE_VIDEO).replace("@NO_PROGRESSIVE@", VIDEO_WITHOUT_PROGRESSIVE)
                .replace("@LIVE@", LIVE_VIDEO));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** Opens the gate and kills a hanging run, so nothing outlives its test. */
    static void endStragglers(Path folder) throws IOException {
        Files.writeString(folder.resolve("release"), "");
        Path pid = folder.resolve("hang.pid");
        if (Files.exists(pid) && !Files.readString(pid).isBlank()) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** The arguments of the latest run, one per element. */
    static List<String> lastArguments(Path folder) throws IOException {
        return Files.readAllLines(folder.resolve("last-arguments"));
    }

    /** The pid of the hanging run, once it has written it. */
    static long awaitHangingPid(Path folder) throws IOException {
        Path pidFile = folder.resolve("hang.pid");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
        return Long.parseLong(Files.readString(pidFile).trim());
    }

    /** How many runs have passed the gate's door so far. */
    static int startedRuns(Path folder) throws IOException {
        Path started = folder.resolve("started");
        return Files.exists(started) ? Files.readAllLines(started).size() : 0;
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = YtDlpStandIn.class.getResourceAsStream("/ytdlp/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** The URL of one of a video fixture's formats. */
    static String formatUrl(JsonNode video, String formatId) {
        for (JsonNode format : video.get("formats")) {
            if (format.get("format_id").asText().equals(formatId)) {
                return format.get("url").asText();
            }
        }
        throw new AssertionError("no format " + formatId + " in the fixture");
    }
}
