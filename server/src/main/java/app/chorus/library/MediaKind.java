package app.chorus.library;

import java.util.Locale;
import java.util.Optional;

/** The media files a song can have; each kind has at most one file. */
public enum MediaKind {
    /** The imported recording, as it came in (audio or video). */
    ORIGINAL,
    /** The accompaniment: the original without the lead vocal. */
    INSTRUMENTAL,
    /** The lead vocal alone. */
    VOCALS,
    /** Cover art. */
    COVER,
    /** CD+G graphics of a karaoke track, shown by the display. */
    CDG;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The three audio tracks the download route serves, by their wire name. */
    public static Optional<MediaKind> track(String name) {
        return switch (name) {
            case "original" -> Optional.of(ORIGINAL);
            case "instrumental" -> Optional.of(INSTRUMENTAL);
            case "vocals" -> Optional.of(VOCALS);
            default -> Optional.empty();
        };
    }
}
