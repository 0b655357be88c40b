package app.chorus.transport.http;

import app.chorus.jobs.Job;
import app.chorus.jobs.Jobs;
import app.chorus.library.InvalidSong;
import app.chorus.library.Library;
import app.chorus.library.NewSong;
import app.chorus.library.Provenance;
import app.chorus.library.SongSource;
import app.chorus.pipeline.FolderImport;
import app.chorus.pipeline.ImportBatch;
import app.chorus.pipeline.ImportFile;
import app.chorus.pipeline.ImportUrl;
import app.chorus.sources.UrlPolicy;
import app.chorus.transport.JobJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports that do not upload a file: {@code POST /api/youtube/download} (the Open Karaoke
 * Studio route: a video id and the song it fills; Chorus also takes any http(s) {@code url}, and
 * makes the song itself when none is named) and {@code POST /api/imports/folder} (a library folder
 * on the server). Each queues jobs and answers 202 at once. Thread-safe.
 */
final class ImportRoutes {
    private final ImportUrl urls;
    private final ImportFile files;
    private final FolderImport folders;
    private final Library library;
    private final Jobs jobs;
    private final ObjectMapper json;

    ImportRoutes(ImportUrl urls, ImportFile files, FolderImport folders, Library library, Jobs jobs, ObjectMapper json) {
        this.urls = urls;
        this.files = files;
        this.folders = folders;
        this.library = library;
        this.jobs = jobs;
        this.json = json;
    }

    void register(RouteTable routes) {
        routes.post("/api/youtube/download", this::downloadUrl);
        routes.post("/api/imports/folder", this::importFolder);
    }

    private void downloadUrl(Context context) throws IOException {
        JsonNode body = ApiErrors.objectBody(context, json);
        if (body == null) {
            return;
        }
        String videoId = text(body, "video_id");
        String url = text(body, "url");
        String songId = text(body, "song_id");
        if (videoId == null && url == null) {
            ApiErrors.invalid(context, "REQUEST_VALIDATION_ERROR", "Give video_id (a YouTube video) or url", "video_id");
            return;
        }
        if (videoId != null && !ImportUrl.isVideoId(videoId)) {
            ApiErrors.invalid(context, "REQUEST_VALIDATION_ERROR", "video_id must be an 11-character YouTube video id", "video_id");
            return;
        }
        if (!urls.isAvailable()) {
            ApiErrors.send(context, 503, "URL_IMPORT_UNAVAILABLE", "URL import needs the yt-dlp program, which is not "
                    + "installed on the server (setting ytdlp-path: " + urls.ytDlp().program() + ")", Map.of());
            return;
        }
        String title = text(body, "title");
        String artist = text(body, "artist");
        try {
            String target = url != null ? url : ImportUrl.youtubeUrl(videoId);
            var request = urls.request(target, videoId, songId, title, artist);
            if (songId != null && library.find(songId).isEmpty()) {
                // The original makes the song when the client did not; it keeps the id asked for.
                library.create(songId, new NewSong(title != null ? title : videoId != null ? videoId : target,
                        artist != null ? artist : "Unknown Artist", text(body, "album"), null, SongSource.URL,
                        new Provenance(videoId, target, null, null, null, null, null, null, null, null, null)));
            }
            Job job = jobs.enqueue(request);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("jobId", job.id());
            data.put("status", job.status().wireName());
            data.put("message", "YouTube processing job created");
            context.status(202).json(Map.of("success", true, "message", "YouTube processing started", "data", data,
                    "job", JobJson.of(job)));
        } catch (UrlPolicy.RefusedUrl refused) {
            ApiErrors.invalid(context, "URL_NOT_ALLOWED", refused.getMessage(), "url");
        } catch (InvalidSong invalid) {
            ApiErrors.invalid(context, "REQUEST_VALIDATION_ERROR", invalid.getMessage(), invalid.field());
        }
    }

    private void importFolder(Context context) throws IOException {
        JsonNode body = ApiErrors.objectBody(context, json);
        if (body == null) {
            return;
        }
        ImportBatch.Result batch;
        try {
            batch = folders.scan(text(body, "path"));
        } catch (FolderImport.Refused refused) {
            ApiErrors.send(context, refused.status(), refused.code(), refused.getMessage(), Map.of());
            return;
        }
        List<Map<String, Object>> queued = new ArrayList<>();
        for (ImportFile.Staged song : batch.songs()) {
            queued.add(JobJson.of(jobs.enqueue(files.request(song))));
        }
        context.status(202).json(Map.of("success", true, "message", queued.size() + " song(s) queued for import",
                "jobs", queued, "skipped", batch.skipped().stream()
                        .map(skip -> Map.of("name", skip.name(), "reason", skip.reason())).toList()));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || !value.isTextual() || value.textValue().isBlank()
                ? null : value.textValue().trim();
    }
}
