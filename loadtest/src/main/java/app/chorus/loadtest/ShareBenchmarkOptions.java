package app.chorus.loadtest;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command-line options of the music share benchmark. The defaults are the reference run: 500
 * listeners, 0.5 s and 0.1 s chunks, polling and push, 15 s of warm-up and 30 s measured.
 */
final class ShareBenchmarkOptions {

    /** How the listeners get the audio. */
    enum Mode {
        POLL("polling"), PUSH("push");

        final String label;

        Mode(String label) {
            this.label = label;
        }

        static Mode parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "poll", "polling" -> POLL;
                case "push", "ws" -> PUSH;
                default -> throw new IllegalArgumentException("unknown mode '" + text + "' (poll or push)");
            };
        }
    }

    URI url = URI.create("http://127.0.0.1:8000");
    String token = "benchtoken";
    int listeners = 500;
    List<Double> chunkSeconds = List.of(0.5, 0.1);
    List<Mode> modes = List.of(Mode.POLL, Mode.PUSH);
    /**
     * Long enough for the join burst to clear: a new poller's first answer carries the newest 10
     * chunks (2.35 MB at 0.5 s chunks), and 500 of them kept the server's core busy for 7-15 s.
     */
    double warmupSeconds = 15;
    double durationSeconds = 30;
    double drainSeconds = 3;
    Duration metadataInterval = Duration.ofMillis(100);
    int thumbnailBytes = 22_500;
    Duration pollMetadata = Duration.ofMillis(500);
    Duration pollAudio = Duration.ofMillis(400);
    double connectRate = 250;
    long serverPid = -1;
    URI healthUrl;
    boolean help;

    /** Option name, value placeholder and description, in the order --help prints them. */
    private static final String[][] HELP = {
        {"--url", "URL", "server base URL, plain http:// (default http://127.0.0.1:8000); push uses ws://same/ws"},
        {"--token", "T", "music share token, the whole Authorization header (default benchtoken)"},
        {"--listeners", "N", "listeners per run (default 500)"},
        {"--chunks", "S,S", "chunk lengths in seconds, one run set each (default 0.5,0.1)"},
        {"--modes", "M,M", "poll and/or push (default poll,push)"},
        {"--warmup", "S", "seconds of traffic after all listeners are ready, before measuring (default 15)"},
        {"--duration", "S", "seconds of the measured window (default 30)"},
        {"--drain", "S", "seconds to keep listening after the window for its last chunks (default 3)"},
        {"--metadata-interval-ms", "MS", "broadcaster's metadata period (default 100)"},
        {"--thumbnail-bytes", "N", "cover picture size before base64 (default 22500, about 30 KB as base64)"},
        {"--poll-metadata-ms", "MS", "polling listener's metadata period (default 500)"},
        {"--poll-audio-ms", "MS", "polling listener's audio period (default 400)"},
        {"--connect-rate", "R", "listeners started per second (default 250)"},
        {"--server-pid", "PID", "server process id: its CPU from /proc, a GC before each run (optional)"},
        {"--health-url", "URL", "server health URL (default URL/health)"},
        {"--help", "", "print this help"},
    };

    static String usage() {
        return CommandLineOptions.usage("java -cp chorus-loadtest.jar app.chorus.loadtest.ShareBenchmark", HELP, 26);
    }

    static ShareBenchmarkOptions parse(String[] args) {
        ShareBenchmarkOptions o = new ShareBenchmarkOptions();
        Map<String, String> values = CommandLineOptions.read(args, HELP);
        if (values == null) {
            o.help = true;
            return o;
        }
        values.forEach(o::apply);
        o.validate();
        if (o.healthUrl == null) {
            o.healthUrl = o.url.resolve("/health");
        }
        return o;
    }

    private void apply(String name, String value) {
        try {
            switch (name) {
                case "--url" -> url = URI.create(value);
                case "--token" -> token = value;
                case "--listeners" -> listeners = Integer.parseInt(value);
                case "--chunks" -> chunkSeconds = splitList(value).stream().map(Double::parseDouble).toList();
                case "--modes" -> modes = splitList(value).stream().map(Mode::parse).distinct().toList();
                case "--warmup" -> warmupSeconds = Double.parseDouble(value);
                case "--duration" -> durationSeconds = Double.parseDouble(value);
                case "--drain" -> drainSeconds = Double.parseDouble(value);
                case "--metadata-interval-ms" -> metadataInterval = Duration.ofMillis(Long.parseLong(value));
                case "--thumbnail-bytes" -> thumbnailBytes = Integer.parseInt(value);
                case "--poll-metadata-ms" -> pollMetadata = Duration.ofMillis(Long.parseLong(value));
                case "--poll-audio-ms" -> pollAudio = Duration.ofMillis(Long.parseLong(value));
                case "--connect-rate" -> connectRate = Double.parseDouble(value);
                case "--server-pid" -> serverPid = Long.parseLong(value);
                case "--health-url" -> healthUrl = URI.create(value);
                default -> throw new IllegalArgumentException("unknown option: " + name);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad value for " + name + ": " + value);
        }
    }

    private static List<String> splitList(String value) {
        return List.of(value.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private void validate() {
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("--url must be http://host:port (https is not supported), got " + url);
        }
        require(!token.isEmpty(), "--token must not be empty");
        require(listeners >= 1, "--listeners must be >= 1");
        require(!chunkSeconds.isEmpty() && chunkSeconds.stream().allMatch(s -> s >= 0.01 && s <= 2),
                "--chunks must be lengths between 0.01 and 2 s");
        require(!modes.isEmpty(), "--modes must name poll and/or push");
        require(warmupSeconds >= 0, "--warmup must be >= 0");
        require(durationSeconds > 0, "--duration must be > 0");
        require(drainSeconds >= 0, "--drain must be >= 0");
        require(!metadataInterval.isNegative() && !metadataInterval.isZero(), "--metadata-interval-ms must be > 0");
        require(thumbnailBytes >= 1, "--thumbnail-bytes must be >= 1");
        require(!pollMetadata.isNegative() && !pollMetadata.isZero(), "--poll-metadata-ms must be > 0");
        require(!pollAudio.isNegative() && !pollAudio.isZero(), "--poll-audio-ms must be > 0");
        require(connectRate > 0, "--connect-rate must be > 0");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** ws://host:port/ws of the base URL. */
    URI wsUrl() {
        return URI.create("ws://" + url.getRawAuthority() + "/ws");
    }
}
