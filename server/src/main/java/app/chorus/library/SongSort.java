package app.chorus.library;

import java.util.Optional;

/** The orders a song list can have. Text sorts ignore case; songs without the value come last. */
public enum SongSort {
    DATE_ADDED("created_at_ms", false),
    TITLE("title", true),
    ARTIST("artist_key", false),
    ALBUM("album", true),
    YEAR("year", false);

    private final String column;
    private final boolean foldCase;

    SongSort(String column, boolean foldCase) {
        this.column = column;
        this.foldCase = foldCase;
    }

    /** The ORDER BY clause; only ever built from these constants, never from input. */
    String orderBy(boolean ascending) {
        String direction = ascending ? "ASC" : "DESC";
        String value = foldCase ? "LOWER(" + column + ")" : column;
        return "CASE WHEN " + column + " IS NULL THEN 1 ELSE 0 END, " + value + " " + direction
                + ", created_at_ms DESC, id ASC";
    }

    /** By the names the Open Karaoke Studio API uses ({@code date_added}, {@code dateAdded}, {@code title}, ...). */
    public static Optional<SongSort> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name) {
            case "date_added", "dateAdded" -> Optional.of(DATE_ADDED);
            case "title" -> Optional.of(TITLE);
            case "artist" -> Optional.of(ARTIST);
            case "album" -> Optional.of(ALBUM);
            case "year" -> Optional.of(YEAR);
            default -> Optional.empty();
        };
    }
}
