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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import of one staged file (an upload, or a file of a scanned folder), with the CD+G
 * graphics and the synced lyrics that came beside it: {@link MediaImport} does the work. A file
 * that is not usable media fails the job with the reason and leaves no song and no file behind;
 * so does a cancel. The staged files are removed when the job ends, however it ends.
 */
public final class ImportFile implements JobHandler {
    public static final String KIND = "import_file";
    private static final Logger LOG = LoggerFactory.getLogger(ImportFile.class);

    private final MediaImport media;
    private final Uploads uploads;
    private final ObjectMapper json;

    public ImportFile(Library library, Uploads uploads, MediaProbe probe, Separator separator, Enrichment enrichment,
                      ObjectMapper json) {
        this.media = new MediaImport(library, probe, separator, enrichment);
        this.uploads = uploads;
        this.json = json;
    }

    /**
     * The job for a staged upload with the synced lyrics (LRC) that come with it; {@code filename}
     * is the user's name for it, shown but never used as a path.
     */
    public JobRequest request(Path staged, String filename, String syncedLyrics) {
        return request(new Staged(staged, filename, null, syncedLyrics, SongSource.UPLOAD, null));
    }

    /**
     * A staged media file and what came with it: {@code cdg} a staged CD+G file, {@code origin}
     * where it was found (a path inside a scanned folder, shown in the job's notes), or null.
     */
    public record Staged(Path media, String filename, Path cdg, String syncedLyrics, SongSource source, String origin) {
    }

    /** The job that imports {@code staged}. */
    public JobRequest request(Staged staged) {
        String shown = displayName(staged.filename());
        ObjectNode input = json.createObjectNode().put("upload", staged.media().toString()).put("filename", shown)
                .put("source", staged.source().wireName());
        if (staged.cdg() != null) {
            input.put("cdg", staged.cdg().toString());
        }
        if (staged.syncedLyrics() != null) {
            input.put("syncedLyrics", staged.syncedLyrics());
        }
        ObjectNode notes = json.createObjectNode().put("source", staged.source().wireName()).put("filename", shown);
        if (staged.origin() != null) {
            input.put("origin", staged.origin());
            notes.put("path", staged.origin());
        }
        if (staged.cdg() != null) {
            notes.put("cdg", true);
        }
        return new JobRequest(KIND, input.toString(), shown, notes.toString(), null, stem(shown), null);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext context) throws Exception {
        JsonNode payload = json.readTree(context.payload());
        Path staged = Path.of(payload.path("upload").asText());
        Path cdg = payload.hasNonNull("cdg") ? Path.of(payload.get("cdg").asText()) : null;
        if (!isStagedFile(staged) || (cdg != null && !isStagedFile(cdg))) {
            throw new IOException("The uploaded file is no longer there; upload it again");
        }
        String filename = payload.path("filename").asText("upload");
        SongSource source = payload.path("source").asText("upload").equals("folder") ? SongSource.FOLDER : SongSource.UPLOAD;
        String origin = payload.hasNonNull("origin") ? payload.get("origin").asText() : null;
        // An earlier attempt that a crash cut short may have left its half-made song: start clean.
        media.startOver(context.job(), null);
        context.progress(JobStatus.PROCESSING, 2, "Checking the file");
        Provenance provenance = origin == null ? Provenance.NONE
                : new Provenance(origin, null, null, null, null, null, null, null, null, null, null);
        MediaImport.Imported imported = media.run(context, staged, null, new MediaImport.Known(source, provenance, null, null, null, stem(filename),
                payload.hasNonNull("syncedLyrics") ? payload.get("syncedLyrics").asText() : null, cdg, null), 3, "");
        context.progress(JobStatus.FINALIZING, 100, imported.completion());
    }

    private boolean isStagedFile(Path path) {
        return uploads.isStaged(path) && Files.isRegularFile(path);
    }

    /** The staged files a job of this kind imports. */
    public List<Path> uploadsOf(Job job) {
        try {
            JsonNode payload = json.readTree(job.payload());
            List<Path> files = new ArrayList<>();
            files.add(Path.of(payload.path("upload").asText()).toAbsolutePath().normalize());
            if (payload.hasNonNull("cdg")) {
                files.add(Path.of(payload.get("cdg").asText()).toAbsolutePath().normalize());
            }
            return files;
        } catch (IOException e) {
            throw new IllegalStateException("Job " + job.id() + " has an unreadable payload", e);
        }
    }

    @Override
    public void ended(Job job) {
        if (job.status() != JobStatus.COMPLETED) {
            media.undo(job, null);
        }
        try {
            for (Path file : uploadsOf(job)) {
                uploads.remove(file);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.warn("Could not remove the upload of job {}", job.id(), e);
        }
    }

    static String displayName(String filename) {
        if (filename == null || filename.isBlank()) {
            return "upload";
        }
        // Only the last path segment, without control characters: a name to show, nothing more.
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").trim();
        return name.isEmpty() ? "upload" : name.length() > 200 ? name.substring(0, 200) : name;
    }

    static String stem(String filename) {
        int dot = filename.lastIndexOf('.');
        String stem = dot > 0 ? filename.substring(0, dot) : filename;
        return stem.isBlank() ? "Untitled" : stem;
    }
}
