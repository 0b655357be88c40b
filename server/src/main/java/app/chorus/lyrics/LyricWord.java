package app.chorus.lyrics;

/**
 * One word of a line with word timing (the "enhanced LRC" {@code <mm:ss.xx>} marks). {@code text}
 * keeps the spacing that follows the word, so the words of a line concatenate to its text in any
 * script, with or without spaces between words.
 */
public record LyricWord(long startMs, long endMs, String text) {
    public LyricWord {
        text = text == null ? "" : text;
    }

    LyricWord shifted(long offsetMs) {
        return new LyricWord(Lrc.atLeastZero(startMs + offsetMs), Lrc.atLeastZero(endMs + offsetMs), text);
    }
}
