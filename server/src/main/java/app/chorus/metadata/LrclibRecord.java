package app.chorus.metadata;

/**
 * A lyrics record from LRCLIB.
 *
 * @param name         LRCLIB's own name for the record (usually the track name)
 * @param duration     the track's length in seconds, or null
 * @param instrumental true when the track has no lyrics at all; both lyrics are then null
 * @param plainLyrics  the lyrics without timing, or null
 * @param syncedLyrics LRC text ({@code [mm:ss.xx] line}), or null
 */
public record LrclibRecord(long id, String name, String trackName, String artistName, String albumName, Double duration,
                           boolean instrumental, String plainLyrics, String syncedLyrics) {
    /** Whether there are timed lines to show with the music. */
    public boolean hasSyncedLyrics() {
        return syncedLyrics != null && !syncedLyrics.isBlank();
    }
}
