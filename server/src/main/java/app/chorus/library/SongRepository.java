package app.chorus.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/** Songs in the database (SQLite or PostgreSQL, the same SQL). Thread-safe. */
public final class SongRepository {
    private static final String COLUMNS = """
            id, title, artist, album, genre, language, year, duration_ms, status, source, source_id, source_url,
            uploader, channel, channel_id, description, upload_date, mbid, release_id, release_title, release_date,
            cover_file, original_file, instrumental_file, vocals_file, cdg_file, plain_lyrics, synced_lyrics,
            loudness_lufs, edited_fields, search_text, artist_key, created_at_ms, updated_at_ms""";
    private static final String VALUES = """
            :id, :title, :artist, :album, :genre, :language, :year, :durationMs, :status, :source, :sourceId, :sourceUrl,
            :uploader, :channel, :channelId, :description, :uploadDate, :mbid, :releaseId, :releaseTitle, :releaseDate,
            :coverFile, :originalFile, :instrumentalFile, :vocalsFile, :cdgFile, :plainLyrics, :syncedLyrics,
            :loudnessLufs, :editedFields, :searchText, :artistKey, :createdAt, :updatedAt""";

    private final Jdbi jdbi;

    public SongRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(Song song) {
        jdbi.useHandle(handle -> bindAll(handle.createUpdate("INSERT INTO songs (" + COLUMNS + ") VALUES (" + VALUES + ")"),
                song).execute());
    }

    /** Replaces the stored song with {@code song} (same id); false when it no longer exists. */
    boolean update(Song song) {
        String assignments = String.join(", ", List.of(COLUMNS.split(",")).stream()
                .map(String::trim).filter(column -> !column.equals("id") && !column.equals("created_at_ms"))
                .map(column -> column + " = :" + camel(column)).toList());
        return jdbi.withHandle(handle -> bindAll(handle.createUpdate("UPDATE songs SET " + assignments + " WHERE id = :id"),
                song).execute()) == 1;
    }

    boolean delete(String id) {
        return jdbi.withHandle(handle -> {
            handle.createUpdate("DELETE FROM song_waveforms WHERE song_id = :id").bind("id", id).execute();
            handle.createUpdate("DELETE FROM song_field_sources WHERE song_id = :id").bind("id", id).execute();
            return handle.createUpdate("DELETE FROM songs WHERE id = :id").bind("id", id).execute();
        }) == 1;
    }

    Optional<Song> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM songs WHERE id = :id")
                .bind("id", id).map((row, context) -> read(row)).findOne());
    }

    /**
     * The names of the songs a singer can pick (ready, with an instrumental or original file), and
     * only the columns search needs: song search reads them all into memory. The same rule as
     * {@link SongFinder#isPlayable}.
     */
    List<SearchableSong> playableNames() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, title, artist, album FROM songs"
                        + " WHERE status = :ready AND (instrumental_file IS NOT NULL OR original_file IS NOT NULL)")
                .bind("ready", SongStatus.READY.wireName())
                .map((row, context) -> new SearchableSong(row.getString("id"), row.getString("title"),
                        row.getString("artist"), row.getString("album")))
                .list());
    }

    /** The songs with these ids that exist, in no particular order. */
    List<Song> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM songs WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids)).map((row, context) -> read(row)).list());
    }

    /** Songs whose title, artist or album contain every word of {@code query} (all songs without one). */
    Page<Song> search(String query, SongSort sort, boolean ascending, int limit, int offset) {
        List<String> words = SearchText.words(query);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        for (int index = 0; index < words.size(); index++) {
            where.append(" AND search_text LIKE :word").append(index).append(" ESCAPE '!'");
        }
        return jdbi.withHandle(handle -> {
            Query count = handle.createQuery("SELECT COUNT(*) FROM songs" + where);
            Query select = handle.createQuery("SELECT " + COLUMNS + " FROM songs" + where + " ORDER BY "
                    + sort.orderBy(ascending) + " LIMIT :limit OFFSET :offset");
            for (int index = 0; index < words.size(); index++) {
                String pattern = SearchText.containsPattern(words.get(index));
                count.bind("word" + index, pattern);
                select.bind("word" + index, pattern);
            }
            long total = count.mapTo(Long.class).one();
            List<Song> songs = select.bind("limit", limit).bind("offset", offset).map((row, context) -> read(row)).list();
            return new Page<>(songs, total, limit, offset);
        });
    }

    /** The songs of one artist (exact name). */
    Page<Song> byArtist(String artist, SongSort sort, boolean ascending, int limit, int offset) {
        return jdbi.withHandle(handle -> {
            long total = handle.createQuery("SELECT COUNT(*) FROM songs WHERE artist = :artist")
                    .bind("artist", artist).mapTo(Long.class).one();
            List<Song> songs = handle.createQuery("SELECT " + COLUMNS + " FROM songs WHERE artist = :artist ORDER BY "
                            + sort.orderBy(ascending) + " LIMIT :limit OFFSET :offset")
                    .bind("artist", artist).bind("limit", limit).bind("offset", offset)
                    .map((row, context) -> read(row)).list();
            return new Page<>(songs, total, limit, offset);
        });
    }

    /** Artists by name (ignoring case and accents), optionally only those whose name contains {@code search}. */
    Page<ArtistSummary> artists(String search, int limit, int offset) {
        String folded = SearchText.fold(search);
        String where = folded.isEmpty() ? "" : " WHERE artist_key LIKE :pattern ESCAPE '!'";
        return jdbi.withHandle(handle -> {
            Query count = handle.createQuery("SELECT COUNT(*) FROM (SELECT artist FROM songs" + where + " GROUP BY artist) a");
            Query select = handle.createQuery("SELECT artist, COUNT(*) AS songs, MIN(artist_key) AS artist_key FROM songs"
                    + where + " GROUP BY artist ORDER BY MIN(artist_key), artist LIMIT :limit OFFSET :offset");
            if (!folded.isEmpty()) {
                count.bind("pattern", SearchText.containsPattern(folded));
                select.bind("pattern", SearchText.containsPattern(folded));
            }
            long total = count.mapTo(Long.class).one();
            List<ArtistSummary> artists = select.bind("limit", limit).bind("offset", offset)
                    .map((row, context) -> new ArtistSummary(row.getString("artist"), row.getLong("songs"))).list();
            return new Page<>(artists, total, limit, offset);
        });
    }

    /** Records (or replaces) where each named field of the song came from. */
    void putFieldSources(String id, java.util.Map<String, String> sources) {
        jdbi.useTransaction(handle -> sources.forEach((field, source) -> handle.createUpdate("""
                        INSERT INTO song_field_sources (song_id, field, source) VALUES (:id, :field, :source)
                        ON CONFLICT (song_id, field) DO UPDATE SET source = excluded.source""")
                .bind("id", id).bind("field", field).bind("source", source).execute()));
    }

    /** Where each recorded field of the song came from, by field name. */
    java.util.Map<String, String> fieldSources(String id) {
        java.util.Map<String, String> sources = new java.util.TreeMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT field, source FROM song_field_sources WHERE song_id = :id")
                .bind("id", id).map((row, context) -> java.util.Map.entry(row.getString("field"), row.getString("source")))
                .forEach(entry -> sources.put(entry.getKey(), entry.getValue())));
        return sources;
    }

    /** Stores (or replaces) the song's waveform summary. */
    void putWaveform(String id, float[] peaks) {
        StringBuilder text = new StringBuilder(peaks.length * 6);
        for (int index = 0; index < peaks.length; index++) {
            if (index > 0) {
                text.append(',');
            }
            text.append(Math.round(peaks[index] * 1000) / 1000.0);
        }
        jdbi.useHandle(handle -> {
            handle.createUpdate("DELETE FROM song_waveforms WHERE song_id = :id").bind("id", id).execute();
            handle.createUpdate("INSERT INTO song_waveforms (song_id, peaks) VALUES (:id, :peaks)")
                    .bind("id", id).bind("peaks", text.toString()).execute();
        });
    }

    Optional<float[]> waveform(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT peaks FROM song_waveforms WHERE song_id = :id")
                .bind("id", id).mapTo(String.class).findOne()).map(text -> {
                    String[] parts = text.split(",");
                    float[] peaks = new float[parts.length];
                    for (int index = 0; index < parts.length; index++) {
                        peaks[index] = Float.parseFloat(parts[index]);
                    }
                    return peaks;
                });
    }

    private static <T extends SqlStatement<T>> T bindAll(T statement, Song song) {
        Provenance from = song.provenance();
        MediaFiles media = song.media();
        return statement.bind("id", song.id())
                .bind("title", song.title())
                .bind("artist", song.artist())
                .bind("album", song.album())
                .bind("genre", song.genre())
                .bind("language", song.language())
                .bind("year", song.year())
                .bind("durationMs", song.durationMs())
                .bind("status", song.status().wireName())
                .bind("source", song.source().wireName())
                .bind("sourceId", from.sourceId())
                .bind("sourceUrl", from.sourceUrl())
                .bind("uploader", from.uploader())
                .bind("channel", from.channel())
                .bind("channelId", from.channelId())
                .bind("description", from.description())
                .bind("uploadDate", from.uploadDate())
                .bind("mbid", from.mbid())
                .bind("releaseId", from.releaseId())
                .bind("releaseTitle", from.releaseTitle())
                .bind("releaseDate", from.releaseDate())
                .bind("coverFile", media.cover())
                .bind("originalFile", media.original())
                .bind("instrumentalFile", media.instrumental())
                .bind("vocalsFile", media.vocals())
                .bind("cdgFile", media.cdg())
                .bind("plainLyrics", song.plainLyrics())
                .bind("syncedLyrics", song.syncedLyrics())
                .bind("loudnessLufs", song.loudnessLufs())
                .bind("editedFields", SongField.store(song.editedFields()))
                .bind("searchText", SearchText.fold(String.join(" ", song.title(), song.artist(),
                        song.album() == null ? "" : song.album())))
                .bind("artistKey", SearchText.fold(song.artist()))
                .bind("createdAt", song.createdAt().toEpochMilli())
                .bind("updatedAt", song.updatedAt().toEpochMilli());
    }

    private static Song read(ResultSet row) throws SQLException {
        Provenance provenance = new Provenance(row.getString("source_id"), row.getString("source_url"),
                row.getString("uploader"), row.getString("channel"), row.getString("channel_id"),
                row.getString("description"), row.getString("upload_date"), row.getString("mbid"),
                row.getString("release_id"), row.getString("release_title"), row.getString("release_date"));
        MediaFiles media = new MediaFiles(row.getString("cover_file"), row.getString("original_file"),
                row.getString("instrumental_file"), row.getString("vocals_file"), row.getString("cdg_file"));
        return new Song(row.getString("id"), row.getString("title"), row.getString("artist"), row.getString("album"),
                row.getString("genre"), row.getString("language"), nullableInt(row, "year"), nullableLong(row, "duration_ms"),
                SongStatus.fromStored(row.getString("status")), SongSource.fromStored(row.getString("source")), provenance,
                media, row.getString("plain_lyrics"), row.getString("synced_lyrics"), nullableDouble(row, "loudness_lufs"),
                SongField.parse(row.getString("edited_fields")), Instant.ofEpochMilli(row.getLong("created_at_ms")),
                Instant.ofEpochMilli(row.getLong("updated_at_ms")));
    }

    private static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    /** snake_case column to the camelCase name it is bound as. */
    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return switch (name.toString()) {
            case "createdAtMs" -> "createdAt";
            case "updatedAtMs" -> "updatedAt";
            default -> name.toString();
        };
    }
}
