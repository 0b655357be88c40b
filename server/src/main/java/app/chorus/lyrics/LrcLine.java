package app.chorus.lyrics;

import java.util.List;

/** What one line of an LRC file is, before the parser knows whether the whole file is synced. */
sealed interface LrcLine {
    /** 1-based, for problem messages. */
    int number();

    /** One or more time stamps, then the text (which may hold word timing marks). */
    record Timed(int number, List<Long> stamps, String text) implements LrcLine {
    }

    /** {@code [key:value]}; the key is lower-case. */
    record Tag(int number, String key, String value, String original) implements LrcLine {
    }

    /** Text with no time stamp. */
    record Text(int number, String text) implements LrcLine {
    }

    /** Nothing but white space. */
    record Blank(int number) implements LrcLine {
    }

    /** Something that tried to be a time stamp and is not one. */
    record Malformed(int number, String original) implements LrcLine {
    }
}
