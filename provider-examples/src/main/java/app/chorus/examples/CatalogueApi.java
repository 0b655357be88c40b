package app.chorus.examples;

import app.chorus.sources.spi.SourceEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The example providers' remote service: a video catalogue with a JSON API.
 * {@code GET /search?q=...} answers {@code {"results": [{"id", "title", "artist", "uploader",
 * "duration", "direct_url"}]}}; {@code GET /videos/{id}/stream} answers {@code {"url",
 * "expires_in"}}, or 404 when the video cannot be played. Thread-safe.
 */
final class CatalogueApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    CatalogueApi(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    /** The search results array (empty when the service finds nothing). */
    JsonNode search(String query) throws IOException, InterruptedException {
        return get("search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .orElseThrow(() -> new IOException("The catalogue has no search")).path("results");
    }

    /**
     * The search results as entries of provider {@code source}, best first. Results without an
     * id, a title or an artist are left out: a singer could not recognise them. With
     * {@code withUrl}, each entry carries the catalogue's direct URL; without, it is resolved later.
     */
    List<SourceEntry> entries(String source, String query, boolean withUrl) throws IOException, InterruptedException {
        List<SourceEntry> entries = new ArrayList<>();
        for (JsonNode result : search(query)) {
            String id = text(result, "id");
            String title = text(result, "title");
            String artist = text(result, "artist");
            if (id != null && title != null && artist != null) {
                entries.add(SourceEntry.builder(source, id).title(title).artist(artist)
                        .uploader(text(result, "uploader"))
                        .duration(seconds(result, "duration"))
                        .videoUrl(withUrl ? text(result, "direct_url") : null)
                        .build());
            }
        }
        return entries;
    }

    /** The stream of one video, or empty when the catalogue says it has none. */
    Optional<JsonNode> stream(String id) throws IOException, InterruptedException {
        return get("videos/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/stream");
    }

    private Optional<JsonNode> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("The catalogue answered HTTP " + response.statusCode());
        }
        return Optional.of(json.readTree(response.body()));
    }

    /** A text field, or null when missing or empty. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** A number of seconds, or null. */
    static Double seconds(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() && value.asDouble() >= 0 ? value.asDouble() : null;
    }
}
