package app.chorus.library;

/** No song has this id. */
public final class SongNotFound extends RuntimeException {
    private final String songId;

    public SongNotFound(String songId) {
        super("Song with ID '" + songId + "' not found", null, false, false);
        this.songId = songId;
    }

    public String songId() {
        return songId;
    }
}
