package app.chorus.sources;

import app.chorus.process.ChildProcess;
import app.chorus.process.OutputLines;
import app.chorus.process.ProcessStarter;
import app.chorus.process.Programs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The yt-dlp program, run as a child process to download the audio of a video page. Its
 * progress lines ({@code [download]  42.0% of 3.5MiB ...}) are read as they come; its last
 * {@code ERROR:} line becomes the failure's message. The download is bounded in size (yt-dlp's
 * {@code --max-filesize}, checked again afterwards) and in time (the process is killed). Files
 * get fixed names in a folder the caller owns: {@code download.<ext>}, its
 * {@code download.info.json} and thumbnail. Thread-safe.
 */
public final class YtDlp {
    private static final Pattern PROGRESS = Pattern.compile("^\\[download\\]\\s+(\\d{1,3}(?:\\.\\d+)?)%");
    private static final Set<String> IMAGES = Set.of("jpg", "jpeg", "png", "webp", "gif");
    private static final Set<String> NOT_MEDIA = Set.of("json", "part", "ytdl", "temp", "tmp", "description");
    private static final int TAIL_LINES = 40;
    /** Largest info file read (yt-dlp's lists every format; a few MB at most). */
    private static final long MAX_INFO_BYTES = 32L * 1024 * 1024;

    /** What one download left: the media file, the thumbnail if any, and yt-dlp's info about the video. */
    public record Download(Path media, Path thumbnail, JsonNode info) {
        /** A text field of the info, or null. */
        public String text(String field) {
            JsonNode value = info.path(field);
            return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
        }
    }

    private final String program;
    private final Duration timeout;
    private final long maxBytes;
    private final ObjectMapper json;

    /**
     * @param program  a program name looked up on PATH, or a path
     * @param timeout  longest a download may take before it is killed
     * @param maxBytes largest media file accepted
     */
    public YtDlp(String program, Duration timeout, long maxBytes, ObjectMapper json) {
        this.program = program;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.json = json;
    }

    /** Whether the program can be found (on PATH, or at its path) and run. */
    public boolean isAvailable() {
        return Programs.locate(program).isPresent();
    }

    /** The program as configured. */
    public String program() {
        return program;
    }

    /**
     * Downloads the best audio (or, when a page has none apart, the best whole file) of
     * {@code url} into {@code folder}. {@code progress} hears 0 to 1. An interrupt kills yt-dlp and
     * throws {@link InterruptedException}.
     */
    public Download download(String url, Path folder, ProcessStarter launcher, DoubleConsumer progress)
            throws IOException, InterruptedException {
        Path executable = Programs.locate(program).orElseThrow(() -> new Unavailable(program));
        Files.createDirectories(folder);
        List<String> command = List.of(executable.toString(), "--newline", "--no-playlist", "--no-mtime",
                "-f", "bestaudio/best", "--max-filesize", Long.toString(maxBytes),
                "--write-info-json", "--write-thumbnail", "--socket-timeout", "30",
                "-o", folder.resolve("download.%(ext)s").toString(), "--", url);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(folder.toFile());
        Process process = launcher.start(builder);
        OutputLines output = new OutputLines(TAIL_LINES, line -> {
            Matcher matcher = PROGRESS.matcher(line.strip());
            if (matcher.find()) {
                progress.accept(Math.min(1, Double.parseDouble(matcher.group(1)) / 100));
            }
        });
        int exit;
        try {
            exit = ChildProcess.await(process, output, YtDlpFailures.deadline(timeout));
        } catch (YtDlpFailures.TimedOut late) {
            throw new IOException("The download took longer than " + timeout.toSeconds() + " s and was stopped");
        }
        List<String> lines = output.tail().lines().toList();
        if (exit != 0) {
            throw new IOException(YtDlpFailures.message(lines, "yt-dlp stopped with exit code " + exit));
        }
        Path media = mediaFile(folder).orElseThrow(() -> new IOException(lines.stream()
                .anyMatch(line -> line.contains("max-filesize"))
                ? "The media is larger than the import limit of " + maxBytes + " bytes"
                : YtDlpFailures.message(lines, "yt-dlp finished without a media file")));
        if (Files.size(media) > maxBytes) {
            throw new IOException("The media is larger than the import limit of " + maxBytes + " bytes");
        }
        progress.accept(1);
        return new Download(media, thumbnail(folder).orElse(null), info(folder.resolve("download.info.json")));
    }

    private static Optional<Path> mediaFile(Path folder) throws IOException {
        Path best = null;
        for (Path file : downloads(folder)) {
            String extension = extension(file);
            if (!IMAGES.contains(extension) && !NOT_MEDIA.contains(extension)
                    && (best == null || Files.size(file) > Files.size(best))) {
                best = file;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<Path> thumbnail(Path folder) throws IOException {
        return downloads(folder).stream().filter(file -> IMAGES.contains(extension(file))).findFirst();
    }

    private static List<Path> downloads(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "download.*")) {
            for (Path file : stream) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        }
        files.sort(null);
        return files;
    }

    private JsonNode info(Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) <= MAX_INFO_BYTES) {
                return json.readTree(file.toFile());
            }
        } catch (IOException unreadable) {
            // Without the info the song is still imported, named from its tags.
        }
        return json.createObjectNode();
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The program is not installed (or not where the configuration says). */
    public static final class Unavailable extends IOException {
        public Unavailable(String program) {
            super("URL import needs the yt-dlp program, which was not found (" + program
                    + "); install it or set ytdlp-path");
        }
    }
}
