package app.chorus.metadata;

import app.chorus.library.Library;
import java.util.Set;

/**
 * The names recorded as where a song's field came from ({@link Library#fieldSources}), and how
 * far each is trusted: enrichment fills every gap, but replaces a value only when it came from a
 * weak source (a guess from a file name or a video title), never one from tags, a service or a
 * person.
 */
public final class FieldSources {
    /** The file's own tags (ID3, Vorbis comments, MP4 atoms) or its embedded picture. */
    public static final String TAGS = "tags";
    /** What the video page said (yt-dlp's info: track, artist, or the video title and channel). */
    public static final String VIDEO_PAGE = "video page";
    /** Given with the import request (a form field, the Open Karaoke Studio song). */
    public static final String REQUEST = "request";
    /** Guessed from the uploaded file's name. */
    public static final String FILE_NAME = "file name";
    /** Nothing was known: "Untitled", "Unknown Artist". */
    public static final String DEFAULT = "default";
    /** An LRC file that came with the song. */
    public static final String LYRICS_FILE = "lyrics file";
    /** A picture file that came with the song. */
    public static final String PICTURE_FILE = "picture file";
    /** Artist and title read out of a video title or a file name. */
    public static final String TITLE_PARSER = "title parser";
    public static final String ITUNES = "itunes";
    public static final String MUSICBRAINZ = "musicbrainz";
    public static final String COVER_ART_ARCHIVE = "coverartarchive";
    public static final String LRCLIB = "lrclib";
    /** A person's edit; never overwritten. */
    public static final String USER = Library.USER;

    private static final Set<String> WEAK = Set.of(VIDEO_PAGE, FILE_NAME, DEFAULT, TITLE_PARSER);

    private FieldSources() {
    }

    /** Whether a value from {@code source} (null: unknown) may be replaced by a looked-up one. */
    public static boolean isWeak(String source) {
        return source == null || WEAK.contains(source);
    }
}
