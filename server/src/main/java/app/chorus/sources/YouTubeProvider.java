package app.chorus.sources;

import app.chorus.metadata.TrackName;
import app.chorus.metadata.TrackNames;
import app.chorus.process.BoundedOutput;
import app.chorus.process.ChildProcess;
import app.chorus.process.OutputLines;
import app.chorus.process.ProcessStarter;
import app.chorus.process.Programs;
import app.chorus.sources.spi.Availability;
import app.chorus.sources.spi.SearchResult;
import app.chorus.sources.spi.SourceEntry;
import app.chorus.sources.spi.SourceProvider;
import app.chorus.sources.spi.VideoUrl;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * Songs on YouTube, searched and resolved through the yt-dlp program. A search lists videos
 * without touching their pages ({@code --flat-playlist}), so it costs one request; the playable
 * URL, which is short-lived and costs a page fetch, is looked up only when a song is about to play
 * ({@link #videoUrl(SourceEntry)}).
 *
 * <p>Every call runs its own yt-dlp process, so the provider is thread-safe; at most
 * {@link Settings#maxConcurrent()} run at once and the others wait their turn. A process is killed
 * when the calling thread is interrupted, or when it runs past {@link Settings#processTimeout()}.
 */
public final class YouTubeProvider implements SourceProvider {
    /** The provider's id, the {@code source} of its entries. */
    public static final String ID = "youtube";
    private static final String WATCH_PAGE = "https://www.youtube.com/watch?v=";
    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern KARAOKE = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])karaoke(?![\\p{L}\\p{N}])");
    /** Live and upcoming streams cannot be sung along to from the start; a just-ended one is still being processed. */
    private static final Set<String> NOT_PLAYABLE_NOW = Set.of("is_live", "is_upcoming", "post_live");
    /** The largest JSON read: a video's info lists every format, a few MB at most. */
    private static final long MAX_JSON_BYTES = 32L * 1024 * 1024;
    private static final int ERROR_LINES = 40;
    private static final String SOCKET_TIMEOUT_SECONDS = "15";
    private static final String UNKNOWN_ARTIST = "Unknown artist";

    /**
     * How the provider runs yt-dlp.
     *
     * @param program        the program's name looked up on PATH, or its path
     * @param searchResults  how many videos one search asks for
     * @param karaokeBias    whether " karaoke" is added to a search that does not say it
     * @param maxConcurrent  most yt-dlp processes running at once
     * @param processTimeout longest one process may run before it is killed
     * @param maxHeight      tallest video (in pixels) a resolved URL may have
     */
    public record Settings(String program, int searchResults, boolean karaokeBias, int maxConcurrent,
                           Duration processTimeout, int maxHeight) {
        public Settings {
            Objects.requireNonNull(program, "program");
            Objects.requireNonNull(processTimeout, "processTimeout");
            if (searchResults < 1 || maxConcurrent < 1 || maxHeight < 1 || !processTimeout.isPositive()) {
                throw new IllegalArgumentException("searchResults, maxConcurrent, maxHeight and processTimeout must be positive");
            }
        }
    }

    private final Settings settings;
    private final ProcessStarter starter;
    private final InstantSource clock;
    private final ObjectReader json;
    private final Semaphore permits;

    /**
     * @param starter starts yt-dlp ({@code ProcessBuilder::start} outside a job)
     * @param clock   the time a resolved URL's lifetime is measured from
     * @param json    reads yt-dlp's output
     */
    public YouTubeProvider(Settings settings, ProcessStarter starter, InstantSource clock, ObjectMapper json) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.starter = Objects.requireNonNull(starter, "starter");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Python's json module writes NaN for an unknown float; one odd field must not lose a whole search.
        this.json = json.reader().with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
        this.permits = new Semaphore(settings.maxConcurrent(), true);
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Asks YouTube for {@link Settings#searchResults()} videos; channels, playlists, live and
     * upcoming streams are left out, so fewer may come back.
     *
     * @throws IOException when yt-dlp is missing, fails (with its message) or prints no JSON
     */
    @Override
    public SearchResult search(String query) throws IOException, InterruptedException {
        String text = settings.karaokeBias() && !KARAOKE.matcher(query).find() ? query + " karaoke" : query;
        JsonNode listing = run(List.of("--flat-playlist", "--dump-single-json", "--no-warnings",
                "--socket-timeout", SOCKET_TIMEOUT_SECONDS, "--", "ytsearch" + settings.searchResults() + ":" + text));
        Map<String, SourceEntry> entries = new LinkedHashMap<>();
        for (JsonNode item : listing.path("entries")) {
            entry(item).ifPresent(entry -> entries.putIfAbsent(entry.id(), entry));
        }
        return SearchResult.of(List.copyOf(entries.values()));
    }

    /**
     * Looks up a URL a browser plays for the entry's video (see {@link YouTubeFormats}), cached
     * until shortly before it expires. Empty when the id is not a video id or no format is playable.
     *
     * @throws IOException when yt-dlp is missing, fails (with its message) or prints no JSON
     */
    @Override
    public Optional<VideoUrl> videoUrl(SourceEntry entry) throws IOException, InterruptedException {
        if (entry.id() == null || !VIDEO_ID.matcher(entry.id()).matches()) {
            return Optional.empty();
        }
        JsonNode info = run(List.of("--dump-single-json", "--no-playlist", "--no-warnings",
                "--socket-timeout", SOCKET_TIMEOUT_SECONDS, "--", WATCH_PAGE + entry.id()));
        return YouTubeFormats.playableUrl(info.path("formats"), settings.maxHeight())
                .map(url -> YouTubeFormats.lifetime(url, clock.instant()));
    }

    /** Available when the program is found; it is looked for again each time, so installing it needs no restart. */
    @Override
    public Availability availability() {
        return Programs.locate(settings.program()).isPresent() ? Availability.AVAILABLE
                : Availability.unavailable(notFound());
    }

    private Optional<SourceEntry> entry(JsonNode item) {
        String id = text(item, "id");
        String videoTitle = text(item, "title");
        if (!isPlayableVideo(item) || id == null || !VIDEO_ID.matcher(id).matches() || videoTitle == null) {
            return Optional.empty();
        }
        String channel = text(item, "channel") != null ? text(item, "channel")
                : Objects.requireNonNullElse(text(item, "uploader"), "");
        TrackName parsed = TrackNames.fromVideoTitle(videoTitle, channel);
        String artist = Objects.requireNonNullElse(parsed.credit(), UNKNOWN_ARTIST);
        JsonNode duration = item.path("duration");
        return Optional.of(SourceEntry.builder(ID, id)
                .title(parsed.title())
                .artist(artist)
                .uploader(channel)
                .duration(duration.isNumber() && Double.isFinite(duration.asDouble()) && duration.asDouble() >= 0
                        ? duration.asDouble() : null)
                .thumbnailUrl(widestThumbnail(item).orElse("https://i.ytimg.com/vi/" + id + "/hqdefault.jpg"))
                .pageUrl(WATCH_PAGE + id)
                .build());
    }

    /**
     * A flat listing names each video as a link to resolve ({@code _type} "url" with {@code ie_key}
     * "Youtube"); channels and playlists come as links for the "YoutubeTab" extractor instead.
     */
    private static boolean isPlayableVideo(JsonNode item) {
        String type = text(item, "_type");
        if (type != null && !Set.of("url", "url_transparent", "video").contains(type)) {
            return false;
        }
        String extractor = text(item, "ie_key");
        if (extractor != null && !extractor.equals("Youtube")) {
            return false;
        }
        String url = text(item, "url");
        if (url != null && url.contains("://") && !url.contains("/watch?") && !url.contains("/shorts/")) {
            return false;
        }
        String live = text(item, "live_status");
        return (live == null || !NOT_PLAYABLE_NOW.contains(live)) && !item.path("is_live").asBoolean(false);
    }

    /** yt-dlp lists thumbnails from worst to best, so of equal widths the later one wins. */
    private static Optional<String> widestThumbnail(JsonNode item) {
        String widest = null;
        int widestWidth = -1;
        for (JsonNode thumbnail : item.path("thumbnails")) {
            String url = text(thumbnail, "url");
            int width = thumbnail.path("width").asInt(0);
            if (url != null && (url.startsWith("https://") || url.startsWith("http://")) && width >= widestWidth) {
                widest = url;
                widestWidth = width;
            }
        }
        return Optional.ofNullable(widest);
    }

    /** Runs yt-dlp with {@code arguments} once a permit is free, and reads the JSON it prints. */
    private JsonNode run(List<String> arguments) throws IOException, InterruptedException {
        Path executable = Programs.locate(settings.program()).orElseThrow(() -> new IOException(notFound()));
        List<String> command = new ArrayList<>(arguments.size() + 1);
        command.add(executable.toString());
        command.addAll(arguments);
        permits.acquire();
        try {
            return parse(execute(command));
        } finally {
            permits.release();
        }
    }

    /** Stdout carries the JSON and stderr the messages, kept apart so a warning cannot corrupt the JSON. */
    private byte[] execute(List<String> command) throws IOException, InterruptedException {
        Process process = starter.start(new ProcessBuilder(command));
        BoundedOutput output = new BoundedOutput(MAX_JSON_BYTES);
        OutputLines errors = new OutputLines(ERROR_LINES, line -> { });
        Runnable deadline = YtDlpFailures.deadline(settings.processTimeout());
        int exit;
        try {
            exit = ChildProcess.await(process, output, errors, () -> {
                deadline.run();
                if (output.overflowed()) {
                    throw new TooMuchOutput();
                }
            });
        } catch (YtDlpFailures.TimedOut late) {
            throw new IOException("yt-dlp took longer than " + settings.processTimeout().toMillis() + " ms and was stopped");
        } catch (TooMuchOutput flood) {
            throw new IOException("yt-dlp printed more than " + MAX_JSON_BYTES / (1024 * 1024) + " MiB and was stopped");
        }
        if (exit != 0) {
            throw new IOException(YtDlpFailures.message(errors.tail().lines().toList(), "yt-dlp stopped with exit code " + exit));
        }
        return output.bytes();
    }

    private JsonNode parse(byte[] output) throws IOException {
        JsonNode document;
        try {
            document = json.readTree(output);
        } catch (JsonProcessingException unreadable) {
            throw new IOException("yt-dlp's output is not valid JSON: " + unreadable.getOriginalMessage(), unreadable);
        }
        if (document == null || !document.isObject()) {
            throw new IOException("yt-dlp printed no JSON object");
        }
        return document;
    }

    private String notFound() {
        return "yt-dlp was not found (" + settings.program() + "); install it or set ytdlp-path";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /**
     * Registered in META-INF/services like any provider; takes yt-dlp's path from the import
     * settings and its own from the search settings. A process may run as long as the longer of
     * the search and lookup time-outs (the caller interrupts it at its own).
     */
    public static final class Factory implements app.chorus.sources.spi.SourceProviderFactory {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public SourceProvider create(app.chorus.sources.spi.ProviderContext context) {
            app.chorus.config.Config config = context.service(app.chorus.config.Config.class)
                    .orElseThrow(() -> new IllegalStateException("the configuration is not available"));
            app.chorus.config.Config.Search search = config.search();
            Duration longest = search.timeout().compareTo(search.videoUrlTimeout()) > 0 ? search.timeout()
                    : search.videoUrlTimeout();
            return new YouTubeProvider(new Settings(config.imports().ytDlpPath(), search.youtube().searchResults(),
                    search.youtube().karaokeBias(), search.youtube().maxConcurrent(), longest, search.youtube().maxHeight()),
                    ProcessBuilder::start, context.clock(), context.service(ObjectMapper.class).orElseGet(ObjectMapper::new));
        }
    }

    /** yt-dlp printed more than the JSON limit; the process is killed on the way out. */
    private static final class TooMuchOutput extends RuntimeException {
        TooMuchOutput() {
            super(null, null, false, false);
        }
    }
}
