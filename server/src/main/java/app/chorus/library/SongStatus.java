package app.chorus.library;

/** Where a song is in its life: created, being imported, usable, or failed to import. */
public enum SongStatus {
    PENDING, PROCESSING, READY, FAILED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static SongStatus fromStored(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
