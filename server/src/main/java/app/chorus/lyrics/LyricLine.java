package app.chorus.lyrics;

import java.util.List;

/**
 * One line of lyrics. In synced lyrics a line is shown from {@code startMs} until {@code endMs}
 * (the next line's start); an empty {@code text} is an instrumental gap. In plain lyrics the times
 * are 0 and mean nothing. {@code words} is empty unless the line had word timing.
 */
public record LyricLine(long startMs, long endMs, String text, List<LyricWord> words) {
    public LyricLine {
        text = text == null ? "" : text;
        words = words == null ? List.of() : List.copyOf(words);
    }

    /** An untimed line of plain lyrics. */
    static LyricLine untimed(String text) {
        return new LyricLine(0, 0, text, List.of());
    }

    LyricLine shifted(long offsetMs) {
        return new LyricLine(Lrc.atLeastZero(startMs + offsetMs), Lrc.atLeastZero(endMs + offsetMs), text,
                words.stream().map(word -> word.shifted(offsetMs)).toList());
    }
}
