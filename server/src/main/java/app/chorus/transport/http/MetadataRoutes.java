package app.chorus.transport.http;

import app.chorus.jobs.Job;
import app.chorus.jobs.Jobs;
import app.chorus.library.Library;
import app.chorus.library.SongNotFound;
import app.chorus.metadata.Enricher;
import app.chorus.metadata.ItunesClient;
import app.chorus.metadata.ItunesTrack;
import app.chorus.metadata.LrclibClient;
import app.chorus.metadata.LrclibRecord;
import app.chorus.metadata.MetadataUnavailable;
import app.chorus.pipeline.EnrichSong;
import app.chorus.transport.JobJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metadata and lyrics lookups: the Open Karaoke Studio routes ({@code GET /api/metadata/search},
 * {@code POST /api/songs/metadata/auto}, {@code GET /api/lyrics/search}) and Chorus's
 * {@code POST /api/songs/{id}/enrich}, which re-runs the import's enrichment step as a job. A
 * service that is down answers 503 {@code METADATA_UNAVAILABLE} here, where a person asked
 * directly; an import only notes it. Thread-safe.
 */
final class MetadataRoutes {
    private static final int MAX_LIMIT = 50;

    private final Enricher enricher;
    private final ItunesClient itunes;
    private final LrclibClient lrclib;
    private final EnrichSong enrichJobs;
    private final Library library;
    private final Jobs jobs;
    private final ObjectMapper json;

    MetadataRoutes(Enricher enricher, ItunesClient itunes, LrclibClient lrclib, EnrichSong enrichJobs, Library library,
                   Jobs jobs, ObjectMapper json) {
        this.enricher = enricher;
        this.itunes = itunes;
        this.lrclib = lrclib;
        this.enrichJobs = enrichJobs;
        this.library = library;
        this.jobs = jobs;
        this.json = json;
    }

    void register(RouteTable routes) {
        routes.get("/api/metadata/search", this::search);
        routes.post("/api/songs/metadata/auto", this::auto);
        routes.get("/api/lyrics/search", this::lyrics);
        routes.post("/api/songs/{id}/enrich", this::enrich);
    }

    private void search(Context context) throws InterruptedException {
        String title = blankToNull(context.queryParam("title"));
        String artist = blankToNull(context.queryParam("artist"));
        String album = blankToNull(context.queryParam("album"));
        if (title == null && artist == null) {
            ApiErrors.send(context, 400, "MISSING_PARAMETERS", "Give a title or an artist",
                    Map.of("required", List.of("title", "artist")));
            return;
        }
        int limit = limit(context.queryParam("limit"));
        String term = String.join(" ", java.util.stream.Stream.of(artist, title, album)
                .filter(java.util.Objects::nonNull).toList());
        try {
            List<Map<String, Object>> results = itunes.search(term, limit).stream().map(MetadataRoutes::result).toList();
            Map<String, Object> searchParams = new LinkedHashMap<>();
            searchParams.put("title", title);
            searchParams.put("artist", artist);
            searchParams.put("album", album);
            searchParams.put("limit", limit);
            searchParams.put("sort_by", context.queryParam("sort_by"));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("results", results);
            body.put("searchParams", searchParams);
            body.put("count", results.size());
            body.put("success", true);
            context.json(body);
        } catch (MetadataUnavailable unavailable) {
            unavailable(context, unavailable);
        }
    }

    private void auto(Context context) throws IOException, InterruptedException {
        JsonNode body = ApiErrors.objectBody(context, json);
        if (body == null) {
            return;
        }
        String artist = blankToNull(body.path("artist").asText(null));
        String title = blankToNull(body.path("title").asText(null));
        String songId = blankToNull(body.path("song_id").asText(null));
        if (artist == null || title == null || songId == null) {
            context.status(400).json(Map.of("success", false, "error", "artist, title and song_id are required"));
            return;
        }
        if (library.find(songId).isEmpty()) {
            context.status(404).json(Map.of("success", false, "error", "Song not found"));
            return;
        }
        try {
            if (enricher.matchItunes(songId, artist, title, blankToNull(body.path("album").asText(null)))) {
                context.json(Map.of("success", true));
            } else {
                context.status(404).json(Map.of("success", false, "error", "No iTunes match"));
            }
        } catch (MetadataUnavailable unavailable) {
            unavailable(context, unavailable);
        }
    }

    private void lyrics(Context context) throws InterruptedException {
        String track = blankToNull(context.queryParam("track_name"));
        String artist = blankToNull(context.queryParam("artist_name"));
        if (track == null || artist == null) {
            ApiErrors.send(context, 400, "MISSING_PARAMETERS", "track_name and artist_name are required",
                    Map.of("required", List.of("track_name", "artist_name")));
            return;
        }
        try {
            context.json(lrclib.search(artist, track, blankToNull(context.queryParam("album_name"))).stream()
                    .map(MetadataRoutes::lyricsRecord).toList());
        } catch (MetadataUnavailable unavailable) {
            unavailable(context, unavailable);
        }
    }

    private void enrich(Context context) {
        try {
            Job job = jobs.enqueue(enrichJobs.request(context.pathParam("id")));
            context.status(202).json(Map.of("success", true, "message", "Enrichment started",
                    "data", Map.of("jobId", job.id(), "status", job.status().wireName()), "job", JobJson.of(job)));
        } catch (SongNotFound | IllegalArgumentException missing) {
            ApiErrors.notFound(context, "Song with ID '" + context.pathParam("id") + "' not found");
        }
    }

    /** An iTunes track in the shape of the original's metadata search results. */
    private static Map<String, Object> result(ItunesTrack track) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("metadataId", Long.toString(track.trackId()));
        item.put("title", track.title());
        item.put("artist", track.artist());
        item.put("album", track.album());
        item.put("releaseDate", track.releaseDate());
        item.put("releaseYear", track.releaseDate() != null && track.releaseDate().length() >= 4
                ? track.releaseDate().substring(0, 4) : null);
        item.put("genre", track.genre());
        item.put("trackNumber", track.trackNumber());
        item.put("previewUrl", track.previewUrl());
        item.put("explicit", track.explicit());
        item.put("isStreamable", track.previewUrl() != null);
        item.put("artistId", track.artistId());
        item.put("albumId", track.collectionId());
        item.put("discNumber", track.discNumber());
        item.put("country", track.country());
        item.put("price", track.price());
        item.put("durationMs", track.durationMs());
        item.put("artworkUrl", track.artworkUrl());
        item.put("rawData", null);
        return item;
    }

    /** An LRCLIB record as LRCLIB itself shapes it (the original passes them through). */
    private static Map<String, Object> lyricsRecord(LrclibRecord record) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", record.id());
        item.put("name", record.name());
        item.put("trackName", record.trackName());
        item.put("artistName", record.artistName());
        item.put("albumName", record.albumName());
        item.put("duration", record.duration());
        item.put("instrumental", record.instrumental());
        item.put("plainLyrics", record.plainLyrics());
        item.put("syncedLyrics", record.syncedLyrics());
        return item;
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 5;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below.
        }
        throw new ApiErrors.BadParameter("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static void unavailable(Context context, MetadataUnavailable unavailable) {
        ApiErrors.send(context, 503, "METADATA_UNAVAILABLE", unavailable.getMessage(),
                Map.of("service", unavailable.service(), "reason", unavailable.reason().name().toLowerCase(java.util.Locale.ROOT)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
