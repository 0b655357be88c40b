package app.chorus.transport.http;

import app.chorus.library.Library;
import app.chorus.library.Song;
import app.chorus.rooms.KaraokeEntry;
import app.chorus.rooms.Lineup;
import app.chorus.rooms.RoomCommand;
import app.chorus.rooms.RoomRejection;
import app.chorus.rooms.RoomState;
import app.chorus.rooms.Rooms;
import app.chorus.sources.LibraryProvider;
import app.chorus.sources.Sources;
import app.chorus.sources.spi.SourceEntry;
import app.chorus.transport.KaraokeQueueJson;
import app.chorus.transport.KaraokeQueueJson.Lyrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Open Karaoke Studio's karaoke queue, {@code /api/karaoke-queue} (protocols/oks-socketio.md
 * section 5), over the Chorus room {@code oks-room}: the room's current item at position 0, its
 * queue from 1, the same queue /ws controllers of that room see. Songs come from the library and
 * are queued as the library search would offer them (Chorus's own stream), so a PWA display in
 * the room plays them too. Errors use the original's ad-hoc {@code {"error": message}} shape,
 * with {@code code} and {@code details} where it has them. Thread-safe.
 */
final class KaraokeQueueRoutes {
    private static final String QUEUE = "/api/karaoke-queue";
    private static final int MAX_SINGER_CHARS = Library.MAX_NAME_CHARS;

    private final Rooms rooms;
    private final Library library;
    private final ObjectMapper json;
    private final String roomId;
    private final String publicUrl;

    KaraokeQueueRoutes(Rooms rooms, Library library, ObjectMapper json, String roomId, String publicUrl) {
        this.rooms = rooms;
        this.library = library;
        this.json = json;
        this.roomId = roomId;
        this.publicUrl = publicUrl;
    }

    void register(RouteTable routes) {
        routes.get(QUEUE, exactPath(this::list));
        routes.post(QUEUE, exactPath(this::add));
        routes.put(QUEUE + "/reorder", exactPath(this::reorder));
        routes.delete(QUEUE + "/{id}", exactPath(this::remove));
        routes.post(QUEUE + "/{id}/play", exactPath(this::play));
    }

    /**
     * The original has no route with a trailing slash (Flask answers 404); Javalin would match one,
     * so a path ending in a slash is answered 404 here.
     */
    private static Handler exactPath(Handler handler) {
        return context -> {
            if (context.path().endsWith("/")) {
                error(context, 404, "Not Found", "HTTP_404", Map.of());
                return;
            }
            handler.handle(context);
        };
    }

    private void list(Context context) {
        context.json(KaraokeQueueJson.items(rooms.lineup(roomId), KaraokeQueueJson.libraryLyrics(library)));
    }

    private void add(Context context) {
        JsonNode body = objectBody(context);
        String songId = text(body, "songId");
        String singer = text(body, "singer");
        if (songId == null || singer == null) {
            error(context, 400, "Missing required fields", "MISSING_PARAMETERS", Map.of("required", List.of("singer", "songId")));
            return;
        }
        if (singer.length() > MAX_SINGER_CHARS) {
            error(context, 400, "singer must be at most " + MAX_SINGER_CHARS + " characters", "VALIDATION_ERROR",
                    Map.of("field", "singer"));
            return;
        }
        Optional<Song> found = library.find(songId);
        if (found.isEmpty()) {
            error(context, 404, "Song not found");
            return;
        }
        Song song = found.get();
        try {
            Lineup.Placed added = rooms.addToLineup(roomId, entry(song, PublicUrl.base(context, publicUrl)), singer,
                    song.album());
            context.status(201).json(KaraokeQueueJson.item(added, KaraokeQueueJson.lyricsOf(song)));
        } catch (RoomRejection rejection) {
            rejected(context, rejection);
        }
    }

    private void remove(Context context) {
        Integer number = itemNumber(context);
        if (number == null) {
            error(context, 404, "Item not found");
            return;
        }
        try {
            rooms.executeCreating(roomId, new RoomCommand.RemoveItem(number));
            context.json(Map.of("success", true));
        } catch (RoomRejection rejection) {
            rejected(context, rejection);
        }
    }

    private void reorder(Context context) {
        List<RoomCommand.Placement> placements = placements(objectBody(context));
        if (placements == null) {
            error(context, 400, "Missing queue data", "MISSING_PARAMETERS", Map.of("required", List.of("queue")));
            return;
        }
        try {
            rooms.executeCreating(roomId, new RoomCommand.ReorderQueue(placements));
            context.json(Map.of("success", true));
        } catch (RoomRejection rejection) {
            rejected(context, rejection);
        }
    }

    private void play(Context context) {
        Integer number = itemNumber(context);
        Optional<Lineup.Placed> chosen = number == null ? Optional.empty() : rooms.lineup(roomId).find(number);
        if (chosen.isEmpty()) {
            error(context, 404, "Item not found");
            return;
        }
        Optional<Song> song = Optional.empty();
        if (KaraokeQueueJson.fromLibrary(chosen.get().item())) {
            // The original plays only songs it still has; a deleted library song cannot be played.
            song = library.find(chosen.get().item().entry().id());
            if (song.isEmpty()) {
                error(context, 404, "Song not found");
                return;
            }
        }
        try {
            RoomState state = rooms.executeCreating(roomId, new RoomCommand.PlayItem(number));
            context.json(KaraokeQueueJson.songWithSinger(state.current(), song.map(KaraokeQueueJson::lyricsOf).orElse(Lyrics.NONE)));
        } catch (RoomRejection rejection) {
            rejected(context, rejection);
        }
    }

    /** The entry the library search offers for the song, its stream made absolute (a display plays it from here). */
    private static KaraokeEntry entry(Song song, String base) {
        SourceEntry entry = LibraryProvider.entry(song);
        return new KaraokeEntry(entry.id(), entry.title(), entry.artist(), Sources.absolute(entry.videoUrl(), base),
                entry.source(), entry.uploader(), entry.duration());
    }

    /** The item number in the path; null when it is not a positive integer (no item has such a number). */
    private static Integer itemNumber(Context context) {
        String text = context.pathParam("id");
        if (!text.matches("[0-9]{1,10}")) {
            return null;
        }
        long number = Long.parseLong(text);
        return number >= 1 && number <= Integer.MAX_VALUE ? (int) number : null;
    }

    /** {@code [{id, position}]} under {@code queue}, both integers; null when the body is not that. */
    private static List<RoomCommand.Placement> placements(JsonNode body) {
        JsonNode queue = body == null ? null : body.get("queue");
        if (queue == null || !queue.isArray()) {
            return null;
        }
        List<RoomCommand.Placement> placements = new ArrayList<>(queue.size());
        for (JsonNode entry : queue) {
            JsonNode id = entry.get("id");
            JsonNode position = entry.get("position");
            if (!isInt(id) || !isInt(position)) {
                return null;
            }
            placements.add(new RoomCommand.Placement(id.intValue(), position.intValue()));
        }
        return placements;
    }

    private static boolean isInt(JsonNode value) {
        return value != null && value.isIntegralNumber() && value.canConvertToInt();
    }

    /** The body as a JSON object, or null when it is missing, not JSON or not an object. */
    private JsonNode objectBody(Context context) {
        try {
            JsonNode body = json.readTree(context.bodyInputStream());
            return body != null && body.isObject() ? body : null;
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A non-blank string field, stripped; null otherwise. */
    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value != null && value.isTextual() && !value.textValue().isBlank() ? value.textValue().strip() : null;
    }

    /**
     * not_found is an unknown item. A limit (a full queue; or the room limit, when the oks room does
     * not exist yet) is 409 LIMIT_EXCEEDED: the queue's state forbids it, retrying later may work.
     */
    private static void rejected(Context context, RoomRejection rejection) {
        switch (rejection.errorType()) {
            case RoomRejection.NOT_FOUND -> error(context, 404, "Item not found");
            case RoomRejection.LIMIT_EXCEEDED -> error(context, 409, rejection.getMessage(), "LIMIT_EXCEEDED", Map.of());
            default -> error(context, 400, rejection.getMessage(), "VALIDATION_ERROR", Map.of());
        }
    }

    private static void error(Context context, int status, String message) {
        context.status(status).json(Map.of("error", message));
    }

    private static void error(Context context, int status, String message, String code, Map<String, ?> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("code", code);
        body.put("details", details);
        context.status(status).json(body);
    }
}
