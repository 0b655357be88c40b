package app.chorus.lyrics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes LRC, the timed lyrics format karaoke players and LRCLIB use. The lyrics
 * feature's entry point. Stateless and thread-safe.
 *
 * <p>What {@link #parse} understands:
 * <ul>
 *   <li>Lines {@code [mm:ss.xx]text}, also {@code [mm:ss]}, {@code [m:ss.x]}, {@code [mm:ss.xxx]}
 *       and {@code [mm:ss:xx]}; minutes go past 59 (LRC has no hours). Several stamps before one
 *       text ({@code [00:12.00][01:30.50]Chorus}) give one line per stamp. Lines come out sorted
 *       by time; a stamp with no text is kept as an instrumental gap (empty text).</li>
 *   <li>Word timing (enhanced LRC): {@code [00:12.00]<00:12.00>Hello <00:12.60>world}. A mark
 *       followed only by space ends the word before it. On a line with several stamps the word
 *       times belong to the first and are moved along for the others.</li>
 *   <li>Metadata tags {@code [ti:]}, {@code [ar:]}, {@code [al:]}, {@code [au:]}, {@code [by:]},
 *       {@code [length:]}, {@code [re:]}, {@code [ve:]}; unknown tags are kept too (in synced
 *       lyrics; in plain lyrics a bracketed line such as {@code [Verse 1: Artist]} stays text).</li>
 *   <li>{@code [offset:±ms]} as LRC defines it: a positive offset makes the lyrics appear
 *       <em>sooner</em>, so every time becomes {@code stamp - offset} (at least 0). The offset is
 *       folded into the times and not kept as a tag, so a written file never applies it twice.</li>
 *   <li>A line ends where the next begins; the last one at the song's duration when given, else at
 *       {@code [length:]}, else 5 s after it starts. A word ends where the next word begins, at its
 *       end mark, or at the end of its line.</li>
 *   <li>Text without any valid stamp is plain lyrics: {@code synced} is false and the lines are
 *       untimed, blank lines kept as stanza breaks.</li>
 *   <li>Lines that cannot be read (a bad stamp such as {@code [00:7x.00]} or {@code [01:75.00]},
 *       text without a stamp among timed lines) are skipped and listed in {@code problems}; the
 *       good lines are all kept. In plain lyrics a bad stamp is reported but its line is kept.</li>
 * </ul>
 */
public final class Lrc {
    /** LRC's own metadata tags, in the order {@link #write} puts them. */
    static final List<String> KNOWN_TAGS = List.of("ti", "ar", "al", "au", "by", "length", "re", "ve");

    private Lrc() {
    }

    /** Reads lyrics whose song duration is unknown; null or blank text gives {@link Lyrics#NONE}. */
    public static Lyrics parse(String text) {
        return parse(text, 0);
    }

    /**
     * Reads lyrics; {@code songDurationMs} (0 when unknown) is where the last line ends. Never
     * throws on bad input: what cannot be read is reported in {@link Lyrics#problems()}.
     */
    public static Lyrics parse(String text, long songDurationMs) {
        if (text == null || text.isBlank()) {
            return Lyrics.NONE;
        }
        return LrcParser.parse(text, songDurationMs);
    }

    /**
     * Plain lyrics taken as they are, one untimed line per line of text, with no LRC reading at
     * all (a stray {@code [00:10.00]} stays text): for a song's plain lyrics field.
     */
    public static Lyrics plain(String text) {
        if (text == null || text.isBlank()) {
            return Lyrics.NONE;
        }
        List<LyricLine> lines = Arrays.stream(text.replace("\uFEFF", "").split("\r\n|\r|\n", -1))
                .map(line -> LyricLine.untimed(line.strip())).toList();
        return new Lyrics(Map.of(), LrcParser.withoutOuterBlanks(lines), false, List.of());
    }

    /**
     * Canonical LRC: LRC's tags in the usual order, then other tags, then one line per timed line
     * as {@code [mm:ss.xx]} ({@code [mm:ss.xxx]} when the time needs milliseconds), with word marks
     * when the line has words and an end mark after a word that ends before the next begins. Times
     * are written as they are, with no {@code [offset:]}. Plain lyrics are written as their text.
     * {@code parse(write(lyrics))} gives back the same tags and lines, given the same song duration.
     */
    public static String write(Lyrics lyrics) {
        StringBuilder out = new StringBuilder();
        for (String key : KNOWN_TAGS) {
            if (lyrics.tags().containsKey(key)) {
                tag(out, key, lyrics.tags().get(key));
            }
        }
        lyrics.tags().forEach((key, value) -> {
            if (!KNOWN_TAGS.contains(key) && !key.equals("offset")) {
                tag(out, key, value);
            }
        });
        for (LyricLine line : lyrics.lines()) {
            if (lyrics.synced()) {
                out.append('[').append(LrcTime.format(line.startMs())).append(']');
                if (line.words().isEmpty()) {
                    out.append(oneLine(line.text()));
                } else {
                    words(out, line);
                }
            } else {
                out.append(oneLine(line.text()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void words(StringBuilder out, LyricLine line) {
        List<LyricWord> words = line.words();
        for (int index = 0; index < words.size(); index++) {
            LyricWord word = words.get(index);
            out.append('<').append(LrcTime.format(word.startMs())).append('>').append(oneLine(word.text()));
            long nextStart = index + 1 < words.size() ? words.get(index + 1).startMs() : line.endMs();
            if (word.endMs() != LrcParser.naturalWordEnd(word.startMs(), nextStart)) {
                out.append('<').append(LrcTime.format(word.endMs())).append('>');
            }
        }
    }

    private static void tag(StringBuilder out, String key, String value) {
        out.append('[').append(key).append(':').append(oneLine(value)).append("]\n");
    }

    /** A line break inside a value would start a new LRC line. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ");
    }

    static long atLeastZero(long millis) {
        return Math.max(0, millis);
    }
}
