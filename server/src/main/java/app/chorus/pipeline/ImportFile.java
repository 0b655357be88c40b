package app.chorus.pipeline;

import app.chorus.audio.MediaInfo;
import app.chorus.audio.MediaProbe;
import app.chorus.audio.Separator;
import app.chorus.audio.StemSplitter;
import app.chorus.audio.UnsupportedMedia;
import app.chorus.jobs.Job;
import app.chorus.jobs.JobContext;
import app.chorus.jobs.JobHandler;
import app.chorus.jobs.JobRequest;
import app.chorus.jobs.JobStatus;
import app.chorus.library.Library;
import app.chorus.library.MediaFormat;
import app.chorus.library.MediaKind;
import app.chorus.library.NewSong;
import app.chorus.library.Provenance;
import app.chorus.library.Song;
import app.chorus.library.SongField;
import app.chorus.library.SongSource;
import app.chorus.library.SongStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import of one uploaded file: decode it whole to learn what it is (its name says nothing),
 * then add a song with the file as its original, the tags it carries and its separated stems. A file that is not
 * usable media fails the job with the reason and leaves no song and no file behind; so does a
 * cancel. The song's stems come from the {@link Separator}: accompaniment and vocals, encoded for
 * browsers and brought to the original's loudness, which is stored with the song.
 */
public final class ImportFile implements JobHandler {
    public static final String KIND = "import_file";
    private static final Logger LOG = LoggerFactory.getLogger(ImportFile.class);

    private final Library library;
    private final Uploads uploads;
    private final MediaProbe probe;
    private final Separator separator;
    private final ObjectMapper json;

    public ImportFile(Library library, Uploads uploads, MediaProbe probe, Separator separator, ObjectMapper json) {
        this.library = library;
        this.uploads = uploads;
        this.probe = probe;
        this.separator = separator;
        this.json = json;
    }

    /** The job for a staged upload; {@code filename} is the user's name for it, shown but never used as a path. */
    public JobRequest request(Path staged, String filename) {
        return request(staged, filename, null);
    }

    /** The same, with synced lyrics (LRC) that come with the file. */
    public JobRequest request(Path staged, String filename, String syncedLyrics) {
        String shown = displayName(filename);
        com.fasterxml.jackson.databind.node.ObjectNode input = json.createObjectNode().put("upload", staged.toString())
                .put("filename", shown);
        if (syncedLyrics != null) {
            input.put("syncedLyrics", syncedLyrics);
        }
        String payload = input.toString();
        String notes = json.createObjectNode().put("source", "upload").put("filename", shown).toString();
        return new JobRequest(KIND, payload, shown, notes, null, stem(shown), null);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext context) throws Exception {
        JsonNode payload = json.readTree(context.payload());
        Path staged = Path.of(payload.path("upload").asText());
        if (!uploads.isStaged(staged) || !Files.isRegularFile(staged)) {
            throw new IOException("The uploaded file is no longer there; upload it again");
        }
        String filename = payload.path("filename").asText("upload");
        // An earlier attempt that a crash cut short may have left its half-made song: start clean.
        removePartialSong(context.job());
        context.progress(JobStatus.PROCESSING, 2, "Checking the file");
        MediaInfo info;
        try {
            info = probe.probe(staged, share -> context.progress(JobStatus.PROCESSING, 3 + (int) (share * 22), "Decoding"));
        } catch (UnsupportedMedia unsupported) {
            throw new IOException(unsupported.getMessage() + " [" + unsupported.reason() + "]");
        }
        MediaFormat format = formatOf(info);
        context.progress(JobStatus.PROCESSING, 26, "Adding to the library");
        String title = info.tag("title") != null ? info.tag("title") : stem(filename);
        String artist = info.tag("artist") != null ? info.tag("artist")
                : info.tag("album_artist") != null ? info.tag("album_artist") : "Unknown Artist";
        Song song = library.create(new NewSong(clip(title), clip(artist), clip(info.tag("album")), info.durationMs(),
                SongSource.UPLOAD, Provenance.NONE));
        try {
            context.describe(song.id(), song.title(), song.artist());
            try (InputStream content = Files.newInputStream(staged)) {
                library.attachMedia(song.id(), MediaKind.ORIGINAL, format, content);
            }
            library.setWaveform(song.id(), info.peaks());
            if (info.cover() != null) {
                library.attachMedia(song.id(), MediaKind.COVER, switch (info.cover().type()) {
                    case "png" -> MediaFormat.PNG;
                    case "webp" -> MediaFormat.WEBP;
                    default -> MediaFormat.JPEG;
                }, new java.io.ByteArrayInputStream(info.cover().bytes()));
            }
            context.checkCancelled();
            context.progress(JobStatus.PROCESSING, 30, "Separating vocals");
            StemSplitter.Stems stems = separator.split(staged, context.workDir(),
                    share -> context.progress(JobStatus.PROCESSING, 30 + (int) (share * 60), "Separating vocals"));
            context.progress(JobStatus.FINALIZING, 92, "Storing the stems");
            try (InputStream content = Files.newInputStream(stems.accompaniment())) {
                library.attachMedia(song.id(), MediaKind.INSTRUMENTAL, MediaFormat.M4A, content);
            }
            try (InputStream content = Files.newInputStream(stems.vocals())) {
                library.attachMedia(song.id(), MediaKind.VOCALS, MediaFormat.M4A, content);
            }
            library.setAnalysis(song.id(), stems.originalLufs(), stems.durationMs());
            Map<SongField, Object> found = new EnumMap<>(SongField.class);
            found.put(SongField.GENRE, clip(info.tag("genre")));
            found.put(SongField.YEAR, year(info.tag("date")));
            if (payload.hasNonNull("syncedLyrics")) {
                String lrc = payload.get("syncedLyrics").asText();
                found.put(SongField.SYNCED_LYRICS, lrc);
                found.put(SongField.PLAIN_LYRICS, lrc.replaceAll("(?m)^\\[[^\\]]*\\]", "").strip());
            }
            library.applyFound(song.id(), found);
            library.setStatus(song.id(), SongStatus.READY);
            context.progress(JobStatus.FINALIZING, 100, "Imported");
        } catch (Exception | Error failure) {
            // A cancel or failure after the song was added takes the song (and its files) away again.
            library.delete(song.id());
            throw failure;
        }
    }

    /** The staged upload a job of this kind imports. */
    public Path uploadOf(Job job) {
        try {
            return Path.of(json.readTree(job.payload()).path("upload").asText()).toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new IllegalStateException("Job " + job.id() + " has an unreadable payload", e);
        }
    }

    @Override
    public void ended(Job job) {
        if (job.status() != JobStatus.COMPLETED) {
            removePartialSong(job);
        }
        try {
            JsonNode payload = json.readTree(job.payload());
            uploads.remove(Path.of(payload.path("upload").asText()));
        } catch (IOException e) {
            LOG.warn("Could not remove the upload of job {}", job.id(), e);
        }
    }

    /** The song an unfinished attempt of this job created, unless it got as far as ready. */
    private void removePartialSong(Job job) {
        if (job.songId() == null) {
            return;
        }
        library.find(job.songId()).filter(song -> song.status() != SongStatus.READY).ifPresent(song -> {
            LOG.info("Removing song {} left half-imported by an interrupted run of job {}", song.id(), job.id());
            library.delete(song.id());
        });
    }

    /** The stored format for what FFmpeg found (container and codec, never a file name). */
    static MediaFormat formatOf(MediaInfo info) {
        String container = info.container() == null ? "" : info.container().toLowerCase(Locale.ROOT);
        String codec = info.audioCodec() == null ? "" : info.audioCodec().toLowerCase(Locale.ROOT);
        if (container.contains("mp4") || container.contains("mov")) {
            return info.hasVideo() ? MediaFormat.MP4 : MediaFormat.M4A;
        }
        if (container.contains("webm") || container.contains("matroska")) {
            return info.hasVideo() ? MediaFormat.WEBM : MediaFormat.MKV;
        }
        if (container.equals("ogg")) {
            return codec.contains("opus") ? MediaFormat.OPUS : MediaFormat.OGG;
        }
        if (container.equals("flac")) {
            return MediaFormat.FLAC;
        }
        if (container.equals("wav")) {
            return MediaFormat.WAV;
        }
        if (container.equals("mp3") || codec.equals("mp3")) {
            return MediaFormat.MP3;
        }
        throw new IllegalArgumentException("Unsupported container " + info.container());
    }

    private static String displayName(String filename) {
        if (filename == null || filename.isBlank()) {
            return "upload";
        }
        // Only the last path segment, without control characters: a name to show, nothing more.
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").trim();
        return name.isEmpty() ? "upload" : name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static String stem(String filename) {
        int dot = filename.lastIndexOf('.');
        String stem = dot > 0 ? filename.substring(0, dot) : filename;
        return stem.isBlank() ? "Untitled" : stem;
    }

    private static String clip(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        return trimmed.length() > Library.MAX_NAME_CHARS ? trimmed.substring(0, Library.MAX_NAME_CHARS) : trimmed;
    }

    private static Integer year(String date) {
        if (date == null || date.length() < 4 || !date.substring(0, 4).chars().allMatch(Character::isDigit)) {
            return null;
        }
        int year = Integer.parseInt(date.substring(0, 4));
        return year >= 1000 && year <= 2999 ? year : null;
    }
}
