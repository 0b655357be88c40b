package app.chorus.pipeline;

import app.chorus.audio.MediaProbe;
import app.chorus.audio.Separator;
import app.chorus.jobs.Job;
import app.chorus.jobs.JobContext;
import app.chorus.jobs.JobHandler;
import app.chorus.jobs.JobRequest;
import app.chorus.jobs.JobStatus;
import app.chorus.library.Library;
import app.chorus.metadata.Enrichment;
import app.chorus.library.Provenance;
import app.chorus.library.SongSource;
import app.chorus.sources.UrlPolicy;
import app.chorus.sources.YtDlp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The import of a video page's audio: yt-dlp downloads it into the job's work folder (status
 * downloading, 10-30 %), then {@link MediaImport} makes the song of it as for an upload, named
 * from the page (track and artist when the site knows them, else the video title and channel).
 * The song is either one a client made beforehand ({@code song_id}, the Open Karaoke Studio flow)
 * or a new one. The URL is checked again when the job runs, so a queued job cannot get round a
 * stricter policy. Progress messages follow the original's YouTube job.
 */
public final class ImportUrl implements JobHandler {
    public static final String KIND = "import_url";
    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final int MAX_DESCRIPTION_CHARS = 5000;

    private final MediaImport media;
    private final YtDlp ytDlp;
    private final UrlPolicy policy;
    private final ObjectMapper json;

    public ImportUrl(Library library, MediaProbe probe, Separator separator, Enrichment enrichment, YtDlp ytDlp,
                     UrlPolicy policy, ObjectMapper json) {
        this.media = new MediaImport(library, probe, separator, enrichment);
        this.ytDlp = ytDlp;
        this.policy = policy;
        this.json = json;
    }

    /** Whether URL import can run here (yt-dlp is installed). */
    public boolean isAvailable() {
        return ytDlp.isAvailable();
    }

    /** The yt-dlp program this uses. */
    public YtDlp ytDlp() {
        return ytDlp;
    }

    /** Whether {@code id} has the form of a YouTube video id. */
    public static boolean isVideoId(String id) {
        return id != null && VIDEO_ID.matcher(id).matches();
    }

    /** The watch page of a YouTube video id. */
    public static String youtubeUrl(String videoId) {
        return "https://www.youtube.com/watch?v=" + videoId;
    }

    /**
     * The job for {@code url} (checked by the policy; {@link UrlPolicy.RefusedUrl} otherwise),
     * filling the song {@code songId} when given (it must exist), else a new song.
     */
    public JobRequest request(String url, String videoId, String songId, String title, String artist) {
        URI checked = policy.check(url);
        ObjectNode input = json.createObjectNode().put("url", checked.toString());
        ObjectNode notes = json.createObjectNode();
        if (videoId != null) {
            input.put("video_id", videoId);
            notes.put("video_id", videoId);
        }
        notes.put("source", "url").put("url", checked.toString());
        if (songId != null) {
            input.put("song_id", songId);
        }
        return new JobRequest(KIND, input.toString(), videoId != null ? videoId : checked.toString(), notes.toString(),
                songId, title, artist);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext context) throws Exception {
        JsonNode payload = json.readTree(context.payload());
        String url = policy.check(payload.path("url").asText()).toString();
        String songId = payload.hasNonNull("song_id") ? payload.get("song_id").asText() : null;
        boolean youtube = payload.hasNonNull("video_id") || isYoutube(url);
        media.startOver(context.job(), songId);
        context.progress(JobStatus.DOWNLOADING, 5, youtube ? "Downloading video from YouTube" : "Downloading " + url);
        context.progress(JobStatus.DOWNLOADING, 10, youtube ? "Starting YouTube download" : "Starting the download");
        YtDlp.Download download = ytDlp.download(url, context.workDir().resolve("download"), context::start,
                share -> context.progress(JobStatus.DOWNLOADING, 10 + (int) (share * 19),
                        String.format(Locale.ROOT, "Downloading: %d%%", (int) (share * 100))));
        context.progress(JobStatus.PROCESSING, 30, "Download complete, starting audio processing");
        MediaImport.Imported imported = media.run(context, download.media(), songId, known(download, url), 30, "Audio processing: ");
        context.progress(JobStatus.FINALIZING, 100, imported.completion());
    }

    /** What the page says about the song: yt-dlp's track and artist when the site knows them. */
    private static MediaImport.Known known(YtDlp.Download download, String url) {
        String title = MediaImport.first(download.text("track"), download.text("title"));
        String artist = MediaImport.first(download.text("artist"), download.text("creator"), download.text("uploader"),
                download.text("channel"));
        String description = download.text("description");
        if (description != null && description.length() > MAX_DESCRIPTION_CHARS) {
            description = description.substring(0, MAX_DESCRIPTION_CHARS);
        }
        Provenance provenance = new Provenance(download.text("id"), MediaImport.first(download.text("webpage_url"), url),
                download.text("uploader"), download.text("channel"), download.text("channel_id"), description,
                uploadDate(download.text("upload_date")), null, null, null, null);
        return new MediaImport.Known(SongSource.URL, provenance, title, artist, download.text("album"),
                "Imported video", null, null, download.thumbnail());
    }

    /** yt-dlp's {@code 20091025} as {@code 2009-10-25}. */
    private static String uploadDate(String raw) {
        return raw != null && raw.matches("\\d{8}")
                ? raw.substring(0, 4) + "-" + raw.substring(4, 6) + "-" + raw.substring(6, 8) : raw;
    }

    private static boolean isYoutube(String url) {
        String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
        return host.equals("youtu.be") || host.equals("youtube.com") || host.endsWith(".youtube.com");
    }

    @Override
    public void ended(Job job) {
        if (job.status() != JobStatus.COMPLETED) {
            media.undo(job, existingSong(job));
        }
    }

    private String existingSong(Job job) {
        try {
            JsonNode payload = json.readTree(job.payload());
            return payload.hasNonNull("song_id") ? payload.get("song_id").asText() : null;
        } catch (IOException e) {
            throw new IllegalStateException("Job " + job.id() + " has an unreadable payload", e);
        }
    }
}
