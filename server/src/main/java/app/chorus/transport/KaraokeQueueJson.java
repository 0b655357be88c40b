package app.chorus.transport;

import app.chorus.library.Library;
import app.chorus.library.Song;
import app.chorus.rooms.KaraokeEntry;
import app.chorus.rooms.Lineup;
import app.chorus.rooms.QueueItem;
import app.chorus.sources.LibraryProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Open Karaoke Studio's karaoke queue in its JSON (protocols/oks-socketio.md section 5):
 * QueueItem and QueueSong, built here alone for the {@code /api/karaoke-queue} routes and the
 * Socket.IO {@code queue_updated} and {@code play_song} events, so both speak the same shape.
 * A room item knows its entry, number, singer and album; lyrics live in the library and are
 * read by {@link #libraryLyrics} (never under a room's lock). Stateless.
 */
public final class KaraokeQueueJson {
    /** The singer shown for items queued without one (the PWA has no singers): the OKS front end's own default. */
    public static final String UNKNOWN_SINGER = "Unknown Singer";

    private KaraokeQueueJson() {
    }

    /** A song's lyrics, or {@link #NONE} where they are not known. */
    public record Lyrics(String synced, String plain) {
        public static final Lyrics NONE = new Lyrics(null, null);
    }

    /** Lyrics from the library for its songs; none for entries of other sources (YouTube, queued over /ws). */
    public static Function<QueueItem, Lyrics> libraryLyrics(Library library) {
        return item -> fromLibrary(item)
                ? library.find(item.entry().id()).map(KaraokeQueueJson::lyricsOf).orElse(Lyrics.NONE)
                : Lyrics.NONE;
    }

    /** Whether the item is a library song (its entry's id is the song's id). */
    public static boolean fromLibrary(QueueItem item) {
        return LibraryProvider.ID.equals(item.entry().source());
    }

    /** A library song's lyrics. */
    public static Lyrics lyricsOf(Song song) {
        return new Lyrics(song.syncedLyrics(), song.plainLyrics());
    }

    /** Every item of the lineup, ordered by position (the current item at 0, the queue from 1). */
    public static List<Map<String, Object>> items(Lineup lineup, Function<QueueItem, Lyrics> lyrics) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Lineup.Placed placed : lineup.placed()) {
            items.add(item(placed, lyrics.apply(placed.item())));
        }
        return items;
    }

    /** QueueItem: {@code {id, songId, singer, position, addedAt: null, song}}. */
    public static Map<String, Object> item(Lineup.Placed placed, Lyrics lyrics) {
        QueueItem item = placed.item();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.number());
        json.put("songId", item.entry().id());
        json.put("singer", singer(item));
        json.put("position", placed.position());
        // The original's table has no timestamp column, so it is always null.
        json.put("addedAt", null);
        json.put("song", song(item, lyrics));
        return json;
    }

    /**
     * QueueSong: {@code {id, title, artist, album, durationMs, coverArt: null, syncedLyrics,
     * plainLyrics}}. An entry from another source than the library (YouTube, queued over /ws) has
     * its source id as {@code id}, no album, and its duration in whole milliseconds.
     */
    public static Map<String, Object> song(QueueItem item, Lyrics lyrics) {
        KaraokeEntry entry = item.entry();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id());
        json.put("title", entry.title());
        json.put("artist", entry.artist());
        json.put("album", item.album());
        json.put("durationMs", entry.duration() == null ? null : Math.round(entry.duration() * 1000));
        json.put("coverArt", null);
        json.put("syncedLyrics", lyrics.synced());
        json.put("plainLyrics", lyrics.plain());
        return json;
    }

    /** The answer to a play: the QueueSong's keys, then {@code singer}. */
    public static Map<String, Object> songWithSinger(QueueItem item, Lyrics lyrics) {
        Map<String, Object> json = song(item, lyrics);
        json.put("singer", singer(item));
        return json;
    }

    /** The {@code play_song} payload: {@code {song: QueueSong, singer}}. */
    public static Map<String, Object> playSong(QueueItem item, Lyrics lyrics) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("song", song(item, lyrics));
        json.put("singer", singer(item));
        return json;
    }

    private static String singer(QueueItem item) {
        return item.singer() == null ? UNKNOWN_SINGER : item.singer();
    }
}
