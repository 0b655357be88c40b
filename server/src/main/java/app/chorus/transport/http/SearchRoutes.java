package app.chorus.transport.http;

import app.chorus.sources.ProviderReport;
import app.chorus.sources.SearchOutcome;
import app.chorus.sources.Sources;
import app.chorus.sources.UrlLookup;
import app.chorus.sources.spi.SourceEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The karaoke search routes of the original PWA contract: {@code GET /search?query=} and
 * {@code POST /get_video_url}. Both always answer 200 once the request is valid: a slow or
 * failing provider shows in {@code providers} and {@code notes}, a failed lookup as a null URL.
 * Paths on this server (the library's streams) are made absolute, with {@code public-url} or
 * the address the request came to, so a front end served elsewhere can play them. Thread-safe.
 */
final class SearchRoutes {
    private static final int MAX_TEXT = 1000;
    private static final int MAX_URL = 4096;

    private final Sources sources;
    private final ObjectMapper json;
    private final String publicUrl;

    SearchRoutes(Sources sources, ObjectMapper json, String publicUrl) {
        this.sources = sources;
        this.json = json;
        this.publicUrl = publicUrl;
    }

    void register(RouteTable routes) {
        routes.get("/search", this::search);
        routes.post("/get_video_url", this::videoUrl);
    }

    private void search(Context context) {
        String query = context.queryParam("query");
        if (query == null) {
            throw new HttpErrors.InvalidBody("missing", List.of("query", "query"), "Field required");
        }
        if (query.length() > sources.maxQueryChars()) {
            throw new HttpErrors.InvalidBody("string_too_long", List.of("query", "query"),
                    "String should have at most " + sources.maxQueryChars() + " characters");
        }
        SearchOutcome outcome = sources.search(query);
        String base = base(context);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", outcome.entries().stream().map(entry -> entryJson(entry, base)).toList());
        body.put("providers", outcome.providers().stream().map(SearchRoutes::reportJson).toList());
        body.put("notes", outcome.notes());
        context.json(body);
    }

    private void videoUrl(Context context) {
        JsonBody body = JsonBody.of(context, json);
        SourceEntry entry = entry(body);
        UrlLookup lookup = sources.videoUrl(entry);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("video_url", lookup.isFound() ? Sources.absolute(lookup.url(), base(context)) : null);
        if (!lookup.isFound()) {
            answer.put("note", lookup.note());
        }
        context.json(answer);
    }

    /**
     * The posted KaraokeEntry: every key but {@code video_url} required ({@code duration} may be
     * null), unknown keys ignored, as the original server's model.
     */
    private static SourceEntry entry(JsonBody body) {
        String id = bounded(body, "id", MAX_TEXT, true);
        String title = bounded(body, "title", MAX_TEXT, true);
        String artist = bounded(body, "artist", MAX_TEXT, true);
        String source = bounded(body, "source", MAX_TEXT, true);
        String uploader = bounded(body, "uploader", MAX_TEXT, true);
        String videoUrl = bounded(body, "video_url", MAX_URL, false);
        JsonNode duration = body.node().get("duration");
        if (duration == null) {
            throw new HttpErrors.InvalidBody("missing", List.of("body", "duration"), "Field required");
        }
        if (!duration.isNull() && (!duration.isNumber() || duration.asDouble() < 0)) {
            throw new HttpErrors.InvalidBody("float_type", List.of("body", "duration"),
                    "Input should be a non-negative number or null");
        }
        return Sources.lookupEntry(source, id, title, artist, uploader, duration.isNull() ? null : duration.asDouble(),
                videoUrl);
    }

    private static String bounded(JsonBody body, String field, int maxChars, boolean required) {
        String value = required ? body.requiredText(field) : body.optionalText(field);
        if (value != null && value.length() > maxChars) {
            throw new HttpErrors.InvalidBody("string_too_long", List.of("body", field),
                    "String should have at most " + maxChars + " characters");
        }
        return value;
    }

    /** The entry as the original KaraokeEntry plus Chorus's extra fields. */
    static Map<String, Object> entryJson(SourceEntry entry, String base) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", entry.id());
        item.put("title", entry.title());
        item.put("artist", entry.artist());
        item.put("video_url", Sources.absolute(entry.videoUrl(), base));
        item.put("source", entry.source());
        item.put("uploader", entry.uploader());
        item.put("duration", entry.duration());
        item.put("thumbnail_url", Sources.absolute(entry.thumbnailUrl(), base));
        item.put("album", entry.album());
        item.put("page_url", entry.pageUrl());
        return item;
    }

    private static Map<String, Object> reportJson(ProviderReport report) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", report.id());
        item.put("status", report.status().wireName());
        item.put("count", report.count());
        item.put("took_ms", report.millis());
        item.put("cached", report.cached());
        if (!report.note().isEmpty()) {
            item.put("note", report.note());
        }
        return item;
    }

    private String base(Context context) {
        return PublicUrl.base(context, publicUrl);
    }
}
