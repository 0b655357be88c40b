package app.chorus.library;

/** What a new song starts with; everything but title and artist may be null. */
public record NewSong(String title, String artist, String album, Long durationMs, SongSource source, Provenance provenance) {
}
