package app.chorus.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The song library: songs in the database, their media files in the {@link MediaStore}. The
 * feature's entry point; transports and the import pipeline go through it. Every change is
 * checked before anything is stored. Thread-safe (changes to one song are last-writer-wins).
 */
public final class Library {
    /** Longest title or artist, in characters (after trimming). */
    public static final int MAX_NAME_CHARS = 200;
    /** Longest album, genre and language. */
    public static final int MAX_ALBUM_CHARS = 200;
    public static final int MAX_GENRE_CHARS = 100;
    public static final int MAX_LANGUAGE_CHARS = 50;
    /** Longest lyrics, plain or synced (LRC), in characters. */
    public static final int MAX_LYRICS_CHARS = 200_000;
    /** Longest duration a song may state: 24 hours. */
    public static final long MAX_DURATION_MS = 24L * 60 * 60 * 1000;
    /** The most slices a stored waveform summary has. */
    public static final int MAX_WAVEFORM_COLUMNS = 2000;
    /** Largest page of songs or artists one request may ask for. */
    public static final int MAX_PAGE = 200;
    /** The recorded source of every field a person edits. */
    public static final String USER = "user";

    private static final Logger LOG = LoggerFactory.getLogger(Library.class);

    private final SongRepository songs;
    private final MediaStore media;
    private final InstantSource clock;
    private final SongFinder finder;
    private final java.util.concurrent.atomic.AtomicReference<Instant> lastCreated =
            new java.util.concurrent.atomic.AtomicReference<>(Instant.EPOCH);

    /** A library whose song search looks for other nodes' changes every 10 seconds. */
    public Library(SongRepository songs, MediaStore media, InstantSource clock) {
        this(songs, media, clock, SongFinder.DEFAULT_STALENESS);
    }

    /**
     * A library whose song search ({@link #findSongs}) sees this library's own changes at once and
     * other writers' (nodes sharing the database) within {@code searchStaleness}.
     */
    public Library(SongRepository songs, MediaStore media, InstantSource clock, Duration searchStaleness) {
        this.songs = songs;
        this.media = media;
        this.clock = clock;
        this.finder = new SongFinder(songs, clock, searchStaleness);
    }

    /** Adds a song without media (status pending) under a new id. */
    public Song create(NewSong request) {
        return create(UUID.randomUUID().toString(), request);
    }

    /**
     * Adds a song under an id a client chose (a URL import names the song it fills); the id must
     * be a UUID in canonical form and not taken.
     */
    public Song create(String id, NewSong request) {
        if (!isSongId(id)) {
            throw new InvalidSong("song_id", "song_id must be a UUID");
        }
        if (songs.find(id).isPresent()) {
            throw new InvalidSong("song_id", "A song with id " + id + " exists already");
        }
        // Songs added in the same millisecond (a folder import) still list in the order they came.
        Instant now = lastCreated.accumulateAndGet(now(), (last, current) ->
                current.isAfter(last) ? current : last.plusMillis(1));
        Song song = new Song(id, name(SongField.TITLE, request.title()),
                name(SongField.ARTIST, request.artist()), optional(SongField.ALBUM, request.album(), MAX_ALBUM_CHARS),
                null, null, null, duration(request.durationMs()), SongStatus.PENDING,
                request.source() == null ? SongSource.MANUAL : request.source(),
                request.provenance() == null ? Provenance.NONE : request.provenance(), MediaFiles.NONE, null, null, null,
                Set.of(), now, now);
        songs.insert(song);
        finder.changed();
        return song;
    }

    public Optional<Song> find(String id) {
        return isSongId(id) ? songs.find(id) : Optional.empty();
    }

    public Song get(String id) {
        return find(id).orElseThrow(() -> new SongNotFound(id));
    }

    /** A page of songs matching every word of {@code query} in title, artist or album (or all songs). */
    public Page<Song> list(String query, SongSort sort, boolean ascending, int limit, int offset) {
        return songs.search(query, sort, ascending, page(limit), Math.max(0, offset));
    }

    /**
     * The songs a singer can sing (ready, with an instrumental or original file) that match what
     * they typed, best first, at most {@code limit} (capped at {@link #MAX_PAGE}; none for a blank
     * query or a limit under 1). Forgiving: words may be half typed ("bohemian rhap"), misspelt
     * ("rapsody"), without accents ("beyonce") and in any order across title, artist and album.
     * Fast enough to call on every keystroke: it matches against an in-memory snapshot of the
     * names (see {@link SongFinder} for the rules and how fresh the snapshot is). Thread-safe.
     */
    public List<Song> findSongs(String query, int limit) {
        return finder.find(query, Math.min(limit, MAX_PAGE));
    }

    public Page<Song> byArtist(String artist, SongSort sort, boolean ascending, int limit, int offset) {
        return songs.byArtist(artist, sort, ascending, page(limit), Math.max(0, offset));
    }

    public Page<ArtistSummary> artists(String search, int limit, int offset) {
        return songs.artists(search, page(limit), Math.max(0, offset));
    }

    /**
     * Applies a user's edit: each field in {@code changes} gets its value (null clears it, except
     * title and artist, which are required) and is marked as edited, so enrichment leaves it alone.
     */
    public Song edit(String id, Map<SongField, Object> changes) {
        Song song = get(id);
        Set<SongField> edited = EnumSet.noneOf(SongField.class);
        edited.addAll(song.editedFields());
        edited.addAll(changes.keySet());
        Song updated = store(withChanges(song, changes, edited));
        recordSources(id, changes.keySet(), USER);
        return updated;
    }

    /**
     * Where each of the song's fields came from ({@code title -> "itunes"}), by wire name; media
     * such as {@code cover} too. Fields set before sources were recorded are missing.
     */
    public Map<String, String> fieldSources(String id) {
        return isSongId(id) ? songs.fieldSources(id) : Map.of();
    }

    /** Records that {@code field} (a wire name, or a media kind such as "cover") came from {@code source}. */
    public void noteSource(String id, String field, String source) {
        songs.putFieldSources(id, Map.of(field, source));
    }

    private void recordSources(String id, Set<SongField> fields, String source) {
        if (!fields.isEmpty() && source != null) {
            Map<String, String> sources = new java.util.TreeMap<>();
            fields.forEach(field -> sources.put(field.wireName(), source));
            songs.putFieldSources(id, sources);
        }
    }

    /** The song with each field in {@code changes} checked and set, and {@code edited} as its edited fields. */
    private Song withChanges(Song song, Map<SongField, Object> changes, Set<SongField> edited) {
        String title = song.title();
        String artist = song.artist();
        String album = song.album();
        String genre = song.genre();
        String language = song.language();
        Integer year = song.year();
        Long durationMs = song.durationMs();
        String plainLyrics = song.plainLyrics();
        String syncedLyrics = song.syncedLyrics();
        for (Map.Entry<SongField, Object> change : changes.entrySet()) {
            Object value = change.getValue();
            switch (change.getKey()) {
                case TITLE -> title = name(SongField.TITLE, text(SongField.TITLE, value));
                case ARTIST -> artist = name(SongField.ARTIST, text(SongField.ARTIST, value));
                case ALBUM -> album = optional(SongField.ALBUM, text(SongField.ALBUM, value), MAX_ALBUM_CHARS);
                case GENRE -> genre = optional(SongField.GENRE, text(SongField.GENRE, value), MAX_GENRE_CHARS);
                case LANGUAGE -> language = optional(SongField.LANGUAGE, text(SongField.LANGUAGE, value), MAX_LANGUAGE_CHARS);
                case YEAR -> year = year(value);
                case DURATION_MS -> durationMs = duration(number(SongField.DURATION_MS, value));
                case PLAIN_LYRICS -> plainLyrics = lyrics(SongField.PLAIN_LYRICS, value);
                case SYNCED_LYRICS -> syncedLyrics = lyrics(SongField.SYNCED_LYRICS, value);
            }
        }
        return new Song(song.id(), title, artist, album, genre, language, year, durationMs, song.status(),
                song.source(), song.provenance(), song.media(), plainLyrics, syncedLyrics, song.loudnessLufs(), edited,
                song.createdAt(), now());
    }

    /** Stores a changed song; it must still exist. Every change to a stored song comes here, so search is told here. */
    private Song store(Song updated) {
        boolean stored = songs.update(updated);
        finder.changed();
        if (!stored) {
            throw new SongNotFound(updated.id());
        }
        return updated;
    }

    /** Removes the song and its media files. */
    public void delete(String id) {
        if (!isSongId(id) || !songs.delete(id)) {
            throw new SongNotFound(id);
        }
        finder.changed();
        try {
            media.removeAll(id);
        } catch (IOException e) {
            // The song is gone; a file that could not be removed is logged, not resurrected.
            LOG.warn("Could not remove all media of deleted song {}", id, e);
        }
    }

    /** The song's file of this kind, if it has one and it is on disk. */
    public Optional<StoredMedia> media(String id, MediaKind kind) {
        return find(id).flatMap(song -> media.find(id, song.media().of(kind)));
    }

    /**
     * Stores a media file for the song, replacing the one of that kind. The caller has decided
     * {@code format} from the content itself.
     */
    public Song attachMedia(String id, MediaKind kind, MediaFormat format, InputStream content) {
        Song song = get(id);
        String name;
        try {
            name = media.store(id, kind, format, content);
            String previous = song.media().of(kind);
            if (previous != null && !previous.equals(name)) {
                media.remove(id, previous);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the " + kind.wireName() + " of song " + id, e);
        }
        return store(song.withMedia(song.media().with(kind, name), now()));
    }

    /**
     * Fills in what an import or a lookup found: each field gets its value unless a user edited
     * it. The fields are not marked as edited. Values are checked as for {@link #edit}.
     */
    public Song applyFound(String id, Map<SongField, Object> found) {
        return applyFound(id, found, null);
    }

    /** The same, recording {@code source} (null: nothing) as where each field that changed came from. */
    public Song applyFound(String id, Map<SongField, Object> found, String source) {
        Song song = get(id);
        Map<SongField, Object> allowed = new java.util.EnumMap<>(SongField.class);
        found.forEach((field, value) -> {
            if (!song.editedFields().contains(field) && value != null) {
                allowed.put(field, value);
            }
        });
        if (allowed.isEmpty()) {
            return song;
        }
        Song updated = store(withChanges(song, allowed, song.editedFields()));
        recordSources(id, allowed.keySet(), source);
        return updated;
    }

    /** Records what decoding measured: the integrated loudness (LUFS) and the real duration. */
    public Song setAnalysis(String id, double loudnessLufs, long durationMs) {
        Song song = get(id);
        Song timed = song.editedFields().contains(SongField.DURATION_MS) ? song
                : withChanges(song, Map.of(SongField.DURATION_MS, durationMs), song.editedFields());
        return store(timed.withLoudness(Double.isFinite(loudnessLufs) ? loudnessLufs : null, now()));
    }

    /** Stores the song's waveform summary (peak levels 0-1, at most {@link #MAX_WAVEFORM_COLUMNS}). */
    public void setWaveform(String id, float[] peaks) {
        get(id);
        songs.putWaveform(id, peaks.length <= MAX_WAVEFORM_COLUMNS ? peaks : Waveforms.columns(peaks, MAX_WAVEFORM_COLUMNS));
    }

    /** The song's waveform summary in {@code columns} slices (fewer if fewer were stored), if it has one. */
    public Optional<float[]> waveform(String id, int columns) {
        if (!isSongId(id)) {
            return Optional.empty();
        }
        return songs.waveform(id).map(peaks -> Waveforms.columns(peaks, Math.max(1, Math.min(columns, peaks.length))));
    }

    /**
     * Removes the song's file of this kind (a failed import takes back what it stored); nothing
     * happens when there is none.
     */
    public Song detachMedia(String id, MediaKind kind) {
        Song song = get(id);
        String name = song.media().of(kind);
        if (name == null) {
            return song;
        }
        Song updated = store(song.withMedia(song.media().with(kind, null), now()));
        try {
            media.remove(id, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the " + kind.wireName() + " of song " + id, e);
        }
        return updated;
    }

    /** Fills in where the song comes from: each field the song does not have yet takes the found value. */
    public Song addProvenance(String id, Provenance found) {
        Song song = get(id);
        Provenance merged = song.provenance().orElse(found);
        return merged.equals(song.provenance()) ? song : store(song.withProvenance(merged, now()));
    }

    /** Marks where the song is in its import. */
    public Song setStatus(String id, SongStatus status) {
        Song song = get(id);
        return store(song.withStatus(status, now()));
    }

    /** Stored times have millisecond precision; so do the songs this class hands out. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static boolean isSongId(String id) {
        try {
            return id != null && UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int page(int limit) {
        return Math.max(1, Math.min(MAX_PAGE, limit));
    }

    private static String text(SongField field, Object value) {
        if (value != null && !(value instanceof String)) {
            throw new InvalidSong(field.wireName(), field.wireName() + " must be a string");
        }
        return (String) value;
    }

    private static Number number(SongField field, Object value) {
        if (value != null && !(value instanceof Number)) {
            throw new InvalidSong(field.wireName(), field.wireName() + " must be a number");
        }
        return (Number) value;
    }

    private static String name(SongField field, String value) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_CHARS) {
            throw new InvalidSong(field.wireName(), field.wireName() + " must be 1 to " + MAX_NAME_CHARS + " characters");
        }
        return trimmed;
    }

    private static String optional(SongField field, String value, int maxChars) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxChars) {
            throw new InvalidSong(field.wireName(), field.wireName() + " must be at most " + maxChars + " characters");
        }
        return trimmed;
    }

    private static String lyrics(SongField field, Object value) {
        String text = text(field, value);
        if (text != null && text.length() > MAX_LYRICS_CHARS) {
            throw new InvalidSong(field.wireName(), field.wireName() + " must be at most " + MAX_LYRICS_CHARS + " characters");
        }
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * The year a date names ("2011-01-24T08:00:00Z", "1975"), when it is one a song may have
     * (1000-2999, as for an edit); null otherwise.
     */
    public static Integer yearOf(String date) {
        if (date == null || date.length() < 4 || !date.substring(0, 4).chars().allMatch(Character::isDigit)) {
            return null;
        }
        int year = Integer.parseInt(date.substring(0, 4));
        return year >= 1000 && year <= 2999 ? year : null;
    }

    private static Integer year(Object value) {
        Number number = number(SongField.YEAR, value);
        if (number == null) {
            return null;
        }
        if (number.doubleValue() != Math.rint(number.doubleValue()) || number.intValue() < 1000 || number.intValue() > 2999) {
            throw new InvalidSong(SongField.YEAR.wireName(), "year must be a whole number from 1000 to 2999");
        }
        return number.intValue();
    }

    private static Long duration(Number value) {
        if (value == null) {
            return null;
        }
        double millis = value.doubleValue();
        if (millis != Math.rint(millis) || millis < 0 || millis > MAX_DURATION_MS) {
            throw new InvalidSong(SongField.DURATION_MS.wireName(),
                    "durationMs must be a whole number of milliseconds from 0 to " + MAX_DURATION_MS);
        }
        return value.longValue();
    }
}
