package app.chorus.transport.http;

import app.chorus.library.ArtistSummary;
import app.chorus.library.InvalidSong;
import app.chorus.library.Library;
import app.chorus.library.MediaKind;
import app.chorus.library.NewSong;
import app.chorus.library.Page;
import app.chorus.library.Provenance;
import app.chorus.library.Song;
import app.chorus.library.SongField;
import app.chorus.library.SongNotFound;
import app.chorus.library.SongSort;
import app.chorus.library.SongSource;
import app.chorus.library.StoredMedia;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The song library routes, in the shapes of the Open Karaoke Studio API (protocols/oks-socketio.md
 * §5) where OKS has the route: list and search, get, create, edit, delete, artists, songs by
 * artist, cover art and the audio tracks (with HTTP Range). Thread-safe.
 */
final class LibraryRoutes {
    private static final int DEFAULT_SONGS = 50;
    private static final int DEFAULT_ARTISTS = 100;
    private static final int DEFAULT_BY_ARTIST = 20;
    private static final int MAX_BY_ARTIST = 100;

    private final Library library;
    private final ObjectMapper json;

    LibraryRoutes(Library library, ObjectMapper json) {
        this.library = library;
        this.json = json;
    }

    void register(RouteTable routes) {
        routes.get("/api/songs", this::list);
        routes.post("/api/songs", this::create);
        routes.get("/api/songs/artists", this::artists);
        routes.get("/api/songs/by-artist/{name}", this::byArtist);
        routes.get("/api/songs/{id}", this::get);
        routes.patch("/api/songs/{id}", this::edit);
        routes.delete("/api/songs/{id}", this::delete);
        routes.get("/api/songs/{id}/thumbnail", this::thumbnail);
        routes.get("/api/songs/{id}/waveform", this::waveform);
        routes.get("/api/songs/{id}/download/{track}", this::download);
        routes.get("/api/songs/{id}/cdg", this::cdg);
    }

    private void list(Context context) {
        SongSort sort = SongSort.fromWireName(context.queryParam("sort_by")).orElse(SongSort.DATE_ADDED);
        Page<Song> page = library.list(context.queryParam("q"), sort, ascending(context.queryParam("direction")),
                intParam(context, "limit", DEFAULT_SONGS, Library.MAX_PAGE), intParam(context, "offset", 0, Integer.MAX_VALUE));
        context.header("X-Total-Count", Long.toString(page.total()));
        context.json(page.items().stream().map(SongJson::listItem).toList());
    }

    private void get(Context context) {
        withSong(context, song -> context.json(withSources(SongJson.detail(song), song.id())));
    }

    private void create(Context context) throws IOException {
        JsonNode body = ApiErrors.objectBody(context, json);
        if (body == null) {
            return;
        }
        String videoId = text(body, "video_id");
        NewSong request = new NewSong(text(body, "title"), text(body, "artist"), text(body, "album"),
                body.path("durationMs").isNumber() ? body.get("durationMs").longValue() : null,
                videoId == null ? SongSource.MANUAL : SongSource.URL,
                videoId == null ? Provenance.NONE
                        : new Provenance(videoId, null, null, null, null, null, null, null, null, null, null));
        try {
            context.status(201).json(SongJson.listItem(library.create(request)));
        } catch (InvalidSong invalid) {
            ApiErrors.invalid(context, "VALIDATION_ERROR", invalid.getMessage(), invalid.field());
        }
    }

    private void edit(Context context) throws IOException {
        JsonNode body = ApiErrors.objectBody(context, json);
        if (body == null) {
            return;
        }
        Map<SongField, Object> changes = new EnumMap<>(SongField.class);
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            // Keys the library does not know are ignored, as the original does (its own client sends some).
            SongField.fromWireName(field.getKey()).ifPresent(known -> changes.put(known, value(field.getValue())));
        }
        if (changes.isEmpty()) {
            ApiErrors.invalid(context, "MISSING_REQUEST_DATA", "No song fields to update; editable: "
                    + List.of(SongField.values()).stream().map(SongField::wireName).toList(), null);
            return;
        }
        try {
            Song edited = library.edit(context.pathParam("id"), changes);
            context.json(withSources(SongJson.detail(edited), edited.id()));
        } catch (SongNotFound missing) {
            ApiErrors.notFound(context, missing.getMessage());
        } catch (InvalidSong invalid) {
            ApiErrors.invalid(context, "VALIDATION_ERROR", invalid.getMessage(), invalid.field());
        }
    }

    private void delete(Context context) {
        try {
            library.delete(context.pathParam("id"));
            context.json(Map.of("message", "Song deleted successfully"));
        } catch (SongNotFound missing) {
            ApiErrors.notFound(context, missing.getMessage());
        }
    }

    private void artists(Context context) {
        Page<ArtistSummary> page = library.artists(context.queryParam("search"),
                intParam(context, "limit", DEFAULT_ARTISTS, Library.MAX_PAGE), intParam(context, "offset", 0, Integer.MAX_VALUE));
        List<Map<String, Object>> artists = page.items().stream().map(artist -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", artist.name());
            item.put("songCount", artist.songCount());
            item.put("firstLetter", artist.firstLetter());
            return item;
        }).toList();
        context.json(Map.of("artists", artists, "pagination", pagination(page)));
    }

    private void byArtist(Context context) {
        String artist = context.pathParam("name");
        SongSort sort = SongSort.fromWireName(context.queryParam("sort")).orElse(SongSort.TITLE);
        String direction = context.queryParam("direction");
        Page<Song> page = library.byArtist(artist, sort, direction == null || ascending(direction),
                intParam(context, "limit", DEFAULT_BY_ARTIST, MAX_BY_ARTIST), intParam(context, "offset", 0, Integer.MAX_VALUE));
        context.json(Map.of("songs", page.items().stream().map(SongJson::detail).toList(), "artist", artist,
                "pagination", pagination(page)));
    }

    private void thumbnail(Context context) throws IOException {
        Optional<Song> song = library.find(context.pathParam("id"));
        Optional<StoredMedia> cover = song.flatMap(found -> library.media(found.id(), MediaKind.COVER));
        if (cover.isEmpty()) {
            ApiErrors.notFound(context, song.isEmpty() ? "Song with ID '" + context.pathParam("id") + "' not found"
                    : "The song has no cover art");
            return;
        }
        MediaResponses.send(context, cover.get(), song.get().title() + "." + cover.get().format().extension());
    }

    private void waveform(Context context) {
        int columns = intParam(context, "columns", 1000, Library.MAX_WAVEFORM_COLUMNS);
        Optional<float[]> peaks = library.waveform(context.pathParam("id"), Math.max(1, columns));
        if (peaks.isEmpty()) {
            ApiErrors.notFound(context, library.find(context.pathParam("id")).isEmpty()
                    ? "Song with ID '" + context.pathParam("id") + "' not found" : "The song has no waveform yet");
            return;
        }
        context.json(Map.of("columns", peaks.get().length, "peaks", peaks.get()));
    }

    private void download(Context context) throws IOException {
        Optional<MediaKind> track = MediaKind.track(context.pathParam("track"));
        if (track.isEmpty()) {
            ApiErrors.invalid(context, "INVALID_TRACK_TYPE", "Track must be original, instrumental or vocals", "track");
            return;
        }
        sendMedia(context, track.get());
    }

    /** The CD+G graphics of a karaoke track, for the display to draw in time with the audio. */
    private void cdg(Context context) throws IOException {
        sendMedia(context, MediaKind.CDG);
    }

    private void sendMedia(Context context, MediaKind kind) throws IOException {
        Optional<MediaKind> track = Optional.of(kind);
        Optional<Song> song = library.find(context.pathParam("id"));
        if (song.isEmpty()) {
            ApiErrors.notFound(context, "Song with ID '" + context.pathParam("id") + "' not found");
            return;
        }
        Optional<StoredMedia> media = library.media(song.get().id(), track.get());
        if (media.isEmpty()) {
            ApiErrors.notFound(context, "The song has no " + track.get().wireName()
                    + (kind == MediaKind.CDG ? " graphics" : " track"));
            return;
        }
        Song found = song.get();
        MediaResponses.send(context, media.get(), found.artist() + " - " + found.title() + " (" + track.get().wireName()
                + ")." + media.get().format().extension());
    }

    private void withSong(Context context, java.util.function.Consumer<Song> action) {
        library.find(context.pathParam("id")).ifPresentOrElse(action,
                () -> ApiErrors.notFound(context, "Song with ID '" + context.pathParam("id") + "' not found"));
    }

    /** The body as a JSON object, or null after answering 400 when it is not one. */

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.isTextual() ? value.textValue() : value.toString();
    }

    /** A JSON value as the library takes it: strings, numbers, null; anything else as its JSON text. */
    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return node;
    }

    private static boolean ascending(String direction) {
        return "asc".equalsIgnoreCase(direction);
    }

    private static int intParam(Context context, String name, int fallback, int max) {
        String value = context.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ApiErrors.BadParameter(name, name + " must be a whole number, got '" + value + "'");
        }
        if (number < 0) {
            throw new ApiErrors.BadParameter(name, name + " must not be negative");
        }
        // Larger pages than the route allows are cut to its maximum rather than refused.
        return Math.min(max, number);
    }

    private static Map<String, Object> pagination(Page<?> page) {
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("total", page.total());
        pagination.put("limit", page.limit());
        pagination.put("offset", page.offset());
        pagination.put("hasMore", page.hasMore());
        return pagination;
    }

    /** Chorus's addition to a single song: where each field came from ({@code "title": "itunes"}). */
    private Map<String, Object> withSources(Map<String, Object> detail, String songId) {
        detail.put("fieldSources", library.fieldSources(songId));
        return detail;
    }
}
