package app.chorus.transport.http;

import app.chorus.library.InvalidSong;
import app.chorus.library.Library;
import app.chorus.library.Song;
import app.chorus.library.SongField;
import app.chorus.library.SongNotFound;
import app.chorus.lyrics.Lrc;
import app.chorus.lyrics.LyricLine;
import app.chorus.lyrics.LyricWord;
import app.chorus.lyrics.Lyrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A song's lyrics as timed lines for the karaoke display and the lyrics editor (Chorus only): read
 * them parsed, replace them, and move all their times at once. Changes go through
 * {@link Library#edit}, so they count as the user's and later lyrics lookups leave them alone.
 * Errors have the OKS shape of the other {@code /api/songs} routes. Thread-safe.
 */
final class LyricsRoutes {
    /** The furthest one shift may move the lyrics: ten minutes either way. */
    static final long MAX_SHIFT_MS = 10 * 60 * 1000;

    private final Library library;
    private final ObjectMapper json;

    LyricsRoutes(Library library, ObjectMapper json) {
        this.library = library;
        this.json = json;
    }

    void register(RouteTable routes) {
        routes.get("/api/songs/{id}/lyrics", this::get);
        routes.put("/api/songs/{id}/lyrics", this::replace);
        routes.post("/api/songs/{id}/lyrics/shift", this::shift);
    }

    private void get(Context context) {
        song(context).ifPresent(song -> context.json(lyricsBody(song)));
    }

    private void replace(Context context) throws IOException {
        Optional<Song> song = song(context);
        JsonNode body = song.isEmpty() ? null : ApiErrors.objectBody(context, json);
        if (body == null) {
            return;
        }
        boolean givesSynced = body.has(SongField.SYNCED_LYRICS.wireName());
        boolean givesPlain = body.has(SongField.PLAIN_LYRICS.wireName());
        if (!givesSynced && !givesPlain) {
            ApiErrors.invalid(context, "MISSING_REQUEST_DATA", "Give syncedLyrics, plainLyrics or both", null);
            return;
        }
        try {
            Map<SongField, Object> changes = new EnumMap<>(SongField.class);
            if (givesPlain) {
                changes.put(SongField.PLAIN_LYRICS, lyricsText(body, SongField.PLAIN_LYRICS));
            }
            if (givesSynced) {
                String synced = lyricsText(body, SongField.SYNCED_LYRICS);
                if (synced != null && !synced.isBlank()) {
                    Lyrics parsed = Lrc.parse(synced, durationMs(song.get()));
                    if (!parsed.synced()) {
                        rejectUntimed(context, parsed);
                        return;
                    }
                    // Plain lyrics that no longer match the synced ones would show different words.
                    changes.putIfAbsent(SongField.PLAIN_LYRICS, parsed.plainText());
                }
                // The text is stored as given, not rewritten: it is the user's file, unreadable lines included.
                changes.put(SongField.SYNCED_LYRICS, synced);
            }
            context.json(lyricsBody(library.edit(song.get().id(), changes)));
        } catch (InvalidSong invalid) {
            ApiErrors.invalid(context, "VALIDATION_ERROR", invalid.getMessage(), invalid.field());
        } catch (SongNotFound missing) {
            ApiErrors.notFound(context, missing.getMessage());
        }
    }

    private void shift(Context context) throws IOException {
        Optional<Song> song = song(context);
        JsonNode body = song.isEmpty() ? null : ApiErrors.objectBody(context, json);
        if (body == null) {
            return;
        }
        JsonNode offset = body.get("offsetMs");
        if (offset == null || !offset.isIntegralNumber() || !offset.canConvertToLong()
                || Math.abs(offset.longValue()) > MAX_SHIFT_MS) {
            ApiErrors.invalid(context, "VALIDATION_ERROR",
                    "offsetMs must be a whole number of milliseconds from -" + MAX_SHIFT_MS + " to " + MAX_SHIFT_MS, "offsetMs");
            return;
        }
        Lyrics synced = Lrc.parse(song.get().syncedLyrics(), durationMs(song.get()));
        if (!synced.synced()) {
            ApiErrors.send(context, 409, "NO_SYNCED_LYRICS", "The song has no synced lyrics to shift", Map.of());
            return;
        }
        try {
            // Rewritten as canonical LRC: the times change anyway, and lines that could not be read go.
            String shifted = Lrc.write(synced.shift(offset.longValue()));
            context.json(lyricsBody(library.edit(song.get().id(), Map.of(SongField.SYNCED_LYRICS, shifted))));
        } catch (InvalidSong invalid) {
            ApiErrors.invalid(context, "VALIDATION_ERROR", invalid.getMessage(), invalid.field());
        } catch (SongNotFound missing) {
            ApiErrors.notFound(context, missing.getMessage());
        }
    }

    /** The song named in the path; empty after answering 404. */
    private Optional<Song> song(Context context) {
        Optional<Song> song = library.find(context.pathParam("id"));
        if (song.isEmpty()) {
            ApiErrors.notFound(context, "Song with ID '" + context.pathParam("id") + "' not found");
        }
        return song;
    }

    /** Synced lyrics that gave no timed line: what the parser found wrong, or that nothing was timed. */
    private static void rejectUntimed(Context context, Lyrics parsed) {
        List<String> problems = parsed.problems().isEmpty() ? List.of("no line has a time stamp such as [00:12.00]")
                : parsed.problems();
        ApiErrors.send(context, 400, "INVALID_LYRICS", "syncedLyrics has no line with a valid time stamp",
                Map.of("field", SongField.SYNCED_LYRICS.wireName(), "problems", problems));
    }

    /** A string, or null; longer than the library keeps is refused before anything is parsed. */
    private static String lyricsText(JsonNode body, SongField field) {
        JsonNode value = body.get(field.wireName());
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidSong(field.wireName(), field.wireName() + " must be a string or null");
        }
        if (value.textValue().length() > Library.MAX_LYRICS_CHARS) {
            throw new InvalidSong(field.wireName(),
                    field.wireName() + " must be at most " + Library.MAX_LYRICS_CHARS + " characters");
        }
        return value.textValue();
    }

    private static long durationMs(Song song) {
        return song.durationMs() == null ? 0 : song.durationMs();
    }

    /** The body of all three routes: the lyrics to show, as timed lines when there are synced ones. */
    private static Map<String, Object> lyricsBody(Song song) {
        Lyrics synced = Lrc.parse(song.syncedLyrics(), durationMs(song));
        Lyrics shown;
        String source;
        if (synced.synced()) {
            shown = synced;
            source = "synced";
        } else if (song.plainLyrics() != null) {
            shown = Lrc.plain(song.plainLyrics());
            source = "plain";
        } else {
            // Stored "synced" lyrics without a single time (an old edit or a lookup) are still words to sing.
            shown = synced;
            source = synced.lines().isEmpty() ? "none" : "plain";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("songId", song.id());
        body.put("synced", shown.synced());
        body.put("source", source);
        body.put("tags", shown.tags());
        body.put("lines", shown.lines().stream().map(line -> line(line, shown.synced())).toList());
        body.put("problems", shown.problems());
        body.put("plainLyrics", song.plainLyrics());
        body.put("syncedLyrics", song.syncedLyrics());
        return body;
    }

    private static Map<String, Object> line(LyricLine line, boolean timed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startMs", timed ? line.startMs() : null);
        json.put("endMs", timed ? line.endMs() : null);
        json.put("text", line.text());
        json.put("words", line.words().stream().map(LyricsRoutes::word).toList());
        return json;
    }

    private static Map<String, Object> word(LyricWord word) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startMs", word.startMs());
        json.put("endMs", word.endMs());
        json.put("text", word.text());
        return json;
    }
}
