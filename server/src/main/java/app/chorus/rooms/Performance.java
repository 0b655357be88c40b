package app.chorus.rooms;

import java.util.Locale;
import java.util.Optional;

/**
 * How a room's song is being performed, shared by every device in the room: the mix of the
 * guide vocal and the instrumental, the lyrics' size and timing offset, and the player's
 * progress as the display last reported it. The Open Karaoke Studio's "performance state", per
 * room instead of one for the whole server. Immutable.
 *
 * @param vocalVolume        guide vocal level, 0-1
 * @param instrumentalVolume instrumental level, 0-1
 * @param lyricsSize         small, medium or large
 * @param lyricsOffsetMs     lyrics shown this much later (negative: sooner), within {@link #MAX_OFFSET_MS}
 * @param playing            whether the song plays
 * @param currentTime        seconds into the song, as last reported
 * @param duration           the song's length in seconds, 0 when unknown
 */
public record Performance(double vocalVolume, double instrumentalVolume, LyricsSize lyricsSize, int lyricsOffsetMs,
                          boolean playing, double currentTime, double duration) {
    /** The largest lyrics offset either way: a minute. */
    public static final int MAX_OFFSET_MS = 60_000;
    /** The original's initial state: no guide vocal, full instrumental, medium lyrics, no offset. */
    public static final Performance INITIAL = new Performance(0, 1, LyricsSize.MEDIUM, 0, false, 0, 0);

    /** Lyric text sizes. */
    public enum LyricsSize {
        SMALL, MEDIUM, LARGE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<LyricsSize> fromWireName(String name) {
            for (LyricsSize size : values()) {
                if (size.wireName().equals(name)) {
                    return Optional.of(size);
                }
            }
            return Optional.empty();
        }
    }

    /** The controls a device may change, by their wire names. */
    public enum Control {
        VOCAL_VOLUME, INSTRUMENTAL_VOLUME, LYRICS_SIZE, LYRICS_OFFSET;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Control> fromWireName(String name) {
            for (Control control : values()) {
                if (control.wireName().equals(name)) {
                    return Optional.of(control);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One control's new value, already checked by the transport: a volume (Double), a
     * {@link LyricsSize}, or an offset in ms (Integer).
     */
    public record Change(Control control, Object value) {
        public Change {
            boolean fits = switch (control) {
                case VOCAL_VOLUME, INSTRUMENTAL_VOLUME -> value instanceof Double volume && volume >= 0 && volume <= 1;
                case LYRICS_SIZE -> value instanceof LyricsSize;
                case LYRICS_OFFSET -> value instanceof Integer offset && Math.abs(offset) <= MAX_OFFSET_MS;
            };
            if (!fits) {
                throw new IllegalArgumentException(control.wireName() + " cannot be " + value);
            }
        }

        /** The value as it goes on the wire (the size's name). */
        public Object wireValue() {
            return value instanceof LyricsSize size ? size.wireName() : value;
        }
    }

    /** This state with one control changed. */
    public Performance with(Change change) {
        return switch (change.control()) {
            case VOCAL_VOLUME -> new Performance((Double) change.value(), instrumentalVolume, lyricsSize, lyricsOffsetMs,
                    playing, currentTime, duration);
            case INSTRUMENTAL_VOLUME -> new Performance(vocalVolume, (Double) change.value(), lyricsSize, lyricsOffsetMs,
                    playing, currentTime, duration);
            case LYRICS_SIZE -> new Performance(vocalVolume, instrumentalVolume, (LyricsSize) change.value(), lyricsOffsetMs,
                    playing, currentTime, duration);
            case LYRICS_OFFSET -> new Performance(vocalVolume, instrumentalVolume, lyricsSize, (Integer) change.value(),
                    playing, currentTime, duration);
        };
    }

    /** This state with the player's report applied; a null leaves that part as it was. */
    public Performance withPlayback(Boolean nowPlaying, Double time, Double length) {
        return new Performance(vocalVolume, instrumentalVolume, lyricsSize, lyricsOffsetMs,
                nowPlaying == null ? playing : nowPlaying, time == null ? currentTime : Math.max(0, time),
                length == null ? duration : Math.max(0, length));
    }
}
