package app.chorus.transport.http;

import app.chorus.library.SongSource;
import app.chorus.pipeline.ImportBatch;
import app.chorus.jobs.Jobs;
import app.chorus.pipeline.ImportFile;
import app.chorus.pipeline.Uploads;
import app.chorus.transport.JobJson;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/songs/upload}: multipart files (field {@code file} or {@code files}), each
 * staged under a name the server makes up, grouped into songs by {@link ImportBatch} (an MP3 with
 * its CD+G graphics and lyrics, the contents of a zip) and imported by a job per song. A form
 * field {@code source=folder} marks files sent from a library folder (the CLI does). What a file is gets
 * decided by the job, which decodes it; here only emptiness and size are checked, and a refused
 * request leaves nothing behind. Thread-safe.
 */
final class UploadRoutes {
    private final Uploads uploads;
    private final ImportFile importer;
    private final Jobs jobs;
    private final ImportBatch batch;

    UploadRoutes(Uploads uploads, ImportFile importer, Jobs jobs) {
        this.uploads = uploads;
        this.batch = new ImportBatch(uploads);
        this.importer = importer;
        this.jobs = jobs;
    }

    void register(RouteTable routes) {
        routes.post("/api/songs/upload", this::upload);
    }

    private void upload(Context context) throws IOException {
        List<UploadedFile> files;
        try {
            files = new ArrayList<>(context.uploadedFiles("files"));
            files.addAll(context.uploadedFiles("file"));
        } catch (Exception unreadable) {
            // The container refuses the body while parsing it (Javalin rethrows its ServletException
            // unchecked): past the size limit, or not multipart at all.
            if (causedByTheSizeLimit(unreadable)) {
                ApiErrors.send(context, 413, "FILE_TOO_LARGE", "A file is larger than the upload limit of "
                        + uploads.maxBytes() + " bytes", Map.of("limit", uploads.maxBytes()));
            } else {
                ApiErrors.invalid(context, "INVALID_MULTIPART", "The body is not a readable multipart/form-data upload", null);
            }
            return;
        }
        if (files.isEmpty()) {
            ApiErrors.invalid(context, "MISSING_FILES", "Send the files as multipart/form-data in the field 'files'", "files");
            return;
        }
        List<Path> staged = new ArrayList<>();
        try {
            for (UploadedFile file : files) {
                if (file.size() == 0) {
                    throw new EmptyFile(file.filename());
                }
                try (InputStream content = file.content()) {
                    staged.add(uploads.stage(content));
                }
            }
        } catch (Uploads.UploadTooLarge tooLarge) {
            removeAll(staged);
            ApiErrors.send(context, 413, "FILE_TOO_LARGE", tooLarge.getMessage(), Map.of("limit", uploads.maxBytes()));
            return;
        } catch (EmptyFile empty) {
            removeAll(staged);
            ApiErrors.invalid(context, "EMPTY_FILE", "The file '" + empty.getMessage() + "' is empty", "files");
            return;
        } catch (IOException | RuntimeException failure) {
            removeAll(staged);
            throw failure;
        }
        List<ImportBatch.Entry> entries = new ArrayList<>();
        for (int index = 0; index < files.size(); index++) {
            entries.add(new ImportBatch.Entry(name(files.get(index).filename()), staged.get(index)));
        }
        ImportBatch.Result batch;
        try {
            batch = this.batch.group(entries, "folder".equals(context.formParam("source")) ? SongSource.FOLDER
                    : SongSource.UPLOAD, true);
        } catch (IOException | RuntimeException failure) {
            removeAll(staged);
            throw failure;
        }
        List<Map<String, Object>> queued = new ArrayList<>();
        for (ImportFile.Staged song : batch.songs()) {
            queued.add(JobJson.of(jobs.enqueue(importer.request(song))));
        }
        context.status(202).json(Map.of("success", true, "message", queued.size() + " file(s) queued for import",
                "jobs", queued, "skipped", batch.skipped().stream()
                        .map(skip -> Map.of("name", skip.name(), "reason", skip.reason())).toList()));
    }

    /** The name a client gave a file, as a relative path for grouping: no leading slashes, no dot segments. */
    private static String name(String filename) {
        if (filename == null || filename.isBlank()) {
            return "upload";
        }
        List<String> parts = new ArrayList<>();
        for (String part : filename.replace('\\', '/').split("/")) {
            if (!part.isBlank() && !part.equals(".") && !part.equals("..")) {
                parts.add(part.replaceAll("\\p{Cntrl}", ""));
            }
        }
        return parts.isEmpty() ? "upload" : String.join("/", parts);
    }

    private static boolean causedByTheSizeLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && cause.getMessage() != null
                    && cause.getMessage().contains("max file size")) {
                return true;
            }
        }
        return false;
    }

    private static void removeAll(List<Path> staged) throws IOException {
        for (Path path : staged) {
            Files.deleteIfExists(path);
        }
    }

    private static final class EmptyFile extends RuntimeException {
        EmptyFile(String name) {
            super(name, null, false, false);
        }
    }
}
