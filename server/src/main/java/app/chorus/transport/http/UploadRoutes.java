package app.chorus.transport.http;

import app.chorus.jobs.Job;
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
 * staged under a name the server makes up and imported by its own job. What a file is gets
 * decided by the job, which decodes it; here only emptiness and size are checked, and a refused
 * request leaves nothing behind. Thread-safe.
 */
final class UploadRoutes {
    private final Uploads uploads;
    private final ImportFile importer;
    private final Jobs jobs;

    UploadRoutes(Uploads uploads, ImportFile importer, Jobs jobs) {
        this.uploads = uploads;
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
        List<Map<String, Object>> queued = new ArrayList<>();
        for (int index = 0; index < files.size(); index++) {
            Job job = jobs.enqueue(importer.request(staged.get(index), files.get(index).filename()));
            queued.add(JobJson.of(job));
        }
        context.status(202).json(Map.of("success", true, "message", queued.size() + " file(s) queued for import",
                "jobs", queued));
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
