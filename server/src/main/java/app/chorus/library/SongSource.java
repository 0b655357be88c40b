package app.chorus.library;

/** How a song came in: an uploaded file, a video-site URL, a scanned folder, or typed in by hand. */
public enum SongSource {
    UPLOAD, URL, FOLDER, MANUAL;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static SongSource fromStored(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
