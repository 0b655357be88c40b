package app.chorus.lyrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads LRC text into {@link Lyrics}; see {@link Lrc#parse(String, long)} for the rules. Stateless. */
final class LrcParser {
    /** How long the last line lasts when neither the song nor a {@code [length:]} tag says. */
    static final long LAST_LINE_MS = 5_000;
    /** A file of garbage must not turn into a huge answer; the rest are counted. */
    private static final int MAX_PROBLEMS = 50;
    private static final long NO_END = -1;

    private static final Pattern LINE_STAMP = Pattern.compile("\\[\\s*(" + LrcTime.STAMP + ")\\s*\\]");
    private static final Pattern WORD_STAMP = Pattern.compile("<(" + LrcTime.STAMP + ")>");
    private static final Pattern TAG = Pattern.compile("\\[([A-Za-z][A-Za-z0-9_# -]*):(.*)\\]");
    /** "[00:7x]", "[1.5]", "[-00:01]": meant as a time stamp, so reported rather than kept as text. */
    private static final Pattern ATTEMPTED_STAMP = Pattern.compile("\\[\\s*[-+]?\\d+\\s*[:.]");
    private static final Pattern OFFSET = Pattern.compile("[+-]?\\d{1,9}");

    private LrcParser() {
    }

    private record WordDraft(long startMs, String text, long endMs) {
    }

    /** A line's text without word marks, and its words (none when it had no marks). */
    private record TimedText(String text, List<WordDraft> words) {
    }

    private record LineDraft(long startMs, String text, List<WordDraft> words) {
    }

    static Lyrics parse(String text, long songDurationMs) {
        String[] rawLines = text.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        List<LrcLine> classified = new ArrayList<>(rawLines.length);
        for (int index = 0; index < rawLines.length; index++) {
            classified.add(classify(index + 1, rawLines[index].strip()));
        }
        boolean synced = classified.stream().anyMatch(line -> line instanceof LrcLine.Timed);
        List<String> problems = new ArrayList<>();
        Map<String, String> tags = new LinkedHashMap<>();
        List<LyricLine> plainLines = new ArrayList<>();
        List<LrcLine.Timed> timed = new ArrayList<>();
        for (LrcLine line : classified) {
            switch (line) {
                case LrcLine.Timed timedLine -> timed.add(timedLine);
                // Plain lyrics often have "[Verse 1: Artist]" headings, so only LRC's own tags count there.
                case LrcLine.Tag tag when synced || Lrc.KNOWN_TAGS.contains(tag.key()) || tag.key().equals("offset") ->
                        tags.put(tag.key(), tag.value());
                case LrcLine.Tag tag -> plainLines.add(LyricLine.untimed(tag.original()));
                case LrcLine.Text textLine when synced ->
                        problems.add(describe(line, "text without a time stamp, skipped", textLine.text()));
                case LrcLine.Text textLine -> plainLines.add(LyricLine.untimed(textLine.text()));
                case LrcLine.Blank blank -> plainLines.add(LyricLine.untimed(""));
                case LrcLine.Malformed malformed when synced ->
                        problems.add(describe(line, "bad time stamp, skipped", malformed.original()));
                case LrcLine.Malformed malformed -> {
                    // Nothing here is timed, so the line is worth more as text than dropped.
                    problems.add(describe(line, "bad time stamp, kept as text", malformed.original()));
                    plainLines.add(LyricLine.untimed(malformed.original()));
                }
            }
        }
        long offsetMs = offset(tags.remove("offset"), problems);
        long lengthMs = length(tags.get("length"), problems);
        // A duration measured from the audio is more trustworthy than a typed [length:], so it wins.
        List<LyricLine> lines = synced
                ? timedLines(timed, offsetMs, songDurationMs > 0 ? songDurationMs : lengthMs, problems)
                : withoutOuterBlanks(plainLines);
        return new Lyrics(tags, lines, synced, capped(problems));
    }

    private static LrcLine classify(int number, String line) {
        if (line.isEmpty()) {
            return new LrcLine.Blank(number);
        }
        List<Long> stamps = new ArrayList<>();
        Matcher stamp = LINE_STAMP.matcher(line);
        int cursor = 0;
        while (stamp.region(cursor, line.length()).lookingAt()) {
            OptionalLong time = LrcTime.parse(stamp.group(1));
            if (time.isEmpty()) {
                return new LrcLine.Malformed(number, line);
            }
            stamps.add(time.getAsLong());
            cursor = stamp.end();
        }
        String rest = line.substring(cursor);
        if (!stamps.isEmpty()) {
            return ATTEMPTED_STAMP.matcher(rest).lookingAt() ? new LrcLine.Malformed(number, line)
                    : new LrcLine.Timed(number, stamps, rest);
        }
        Matcher tag = TAG.matcher(line);
        if (tag.matches()) {
            return new LrcLine.Tag(number, tag.group(1).strip().toLowerCase(Locale.ROOT), tag.group(2).strip(), line);
        }
        return ATTEMPTED_STAMP.matcher(line).lookingAt() ? new LrcLine.Malformed(number, line) : new LrcLine.Text(number, line);
    }

    /** One line per time stamp, offset folded in, sorted by time, each ending where the next starts. */
    private static List<LyricLine> timedLines(List<LrcLine.Timed> timed, long offsetMs, long endOfSongMs,
                                              List<String> problems) {
        List<LineDraft> drafts = new ArrayList<>();
        for (LrcLine.Timed line : timed) {
            long firstStamp = line.stamps().getFirst();
            TimedText timedText = words(line, firstStamp, problems);
            List<WordDraft> words = timedText.words();
            String text = timedText.text();
            for (long stamp : line.stamps()) {
                // Word times belong to the first stamp; a repeated line (a chorus) sings them as far later.
                long repeat = stamp - firstStamp;
                drafts.add(new LineDraft(Lrc.atLeastZero(stamp - offsetMs), text, words.stream()
                        .map(word -> new WordDraft(Lrc.atLeastZero(word.startMs() + repeat - offsetMs), word.text(),
                                word.endMs() == NO_END ? NO_END : Lrc.atLeastZero(word.endMs() + repeat - offsetMs)))
                        .toList()));
            }
        }
        drafts.sort(Comparator.comparingLong(LineDraft::startMs)); // stable: equal times keep file order
        List<LyricLine> lines = new ArrayList<>(drafts.size());
        for (int index = 0; index < drafts.size(); index++) {
            LineDraft draft = drafts.get(index);
            long end = index + 1 < drafts.size() ? drafts.get(index + 1).startMs()
                    : endOfSongMs > draft.startMs() ? endOfSongMs : draft.startMs() + LAST_LINE_MS;
            lines.add(new LyricLine(draft.startMs(), end, draft.text(), wordsWithEnds(draft.words(), end)));
        }
        return lines;
    }

    /**
     * The timed words of a line: each {@code <mm:ss.xx>} starts a word; text before the first one
     * starts with the line; a mark followed by nothing but space ends the word before it.
     */
    private static TimedText words(LrcLine.Timed line, long lineStamp, List<String> problems) {
        String text = line.text();
        List<MatchResult> marks = new ArrayList<>();
        Matcher mark = WORD_STAMP.matcher(text);
        while (mark.find()) {
            if (LrcTime.parse(mark.group(1)).isPresent()) {
                marks.add(mark.toMatchResult());
            } else {
                problems.add(describe(line, "bad word time " + mark.group() + ", kept as text", text));
            }
        }
        if (marks.isEmpty()) {
            return new TimedText(text.strip(), List.of());
        }
        List<WordDraft> words = new ArrayList<>();
        String prefix = text.substring(0, marks.getFirst().start());
        if (!prefix.isBlank()) {
            words.add(new WordDraft(lineStamp, prefix, NO_END));
        }
        for (int index = 0; index < marks.size(); index++) {
            MatchResult current = marks.get(index);
            long time = LrcTime.parse(current.group(1)).orElseThrow();
            String segment = text.substring(current.end(), index + 1 < marks.size() ? marks.get(index + 1).start() : text.length());
            if (!segment.isBlank()) {
                words.add(new WordDraft(time, segment, NO_END));
            } else if (!words.isEmpty()) {
                WordDraft ended = words.removeLast();
                words.add(new WordDraft(ended.startMs(), ended.text() + segment, time));
            }
        }
        if (words.isEmpty()) {
            return new TimedText("", List.of()); // marks and no words: a gap, timed like one
        }
        WordDraft first = words.removeFirst();
        words.addFirst(new WordDraft(first.startMs(), first.text().stripLeading(), first.endMs()));
        WordDraft last = words.removeLast();
        words.addLast(new WordDraft(last.startMs(), last.text().stripTrailing(), last.endMs()));
        return new TimedText(String.join("", words.stream().map(WordDraft::text).toList()).strip(), words);
    }

    private static List<LyricWord> wordsWithEnds(List<WordDraft> drafts, long lineEndMs) {
        List<LyricWord> words = new ArrayList<>(drafts.size());
        for (int index = 0; index < drafts.size(); index++) {
            WordDraft draft = drafts.get(index);
            long natural = naturalWordEnd(draft.startMs(),
                    index + 1 < drafts.size() ? drafts.get(index + 1).startMs() : lineEndMs);
            long end = draft.endMs() == NO_END ? natural : Math.max(draft.startMs(), draft.endMs());
            words.add(new LyricWord(draft.startMs(), end, draft.text()));
        }
        return words;
    }

    /** Where a word ends without an end mark: where the next begins (or the line ends), never before it starts. */
    static long naturalWordEnd(long startMs, long nextStartMs) {
        return Math.max(startMs, nextStartMs);
    }

    private static long offset(String value, List<String> problems) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        if (!OFFSET.matcher(value).matches()) {
            problems.add("offset '" + shortened(value) + "' is not a whole number of milliseconds; ignored");
            return 0;
        }
        return Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
    }

    private static long length(String value, List<String> problems) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        OptionalLong length = LrcTime.parse(value);
        if (length.isEmpty()) {
            problems.add("length '" + shortened(value) + "' is not a time (mm:ss); ignored");
        }
        return length.orElse(0);
    }

    static List<LyricLine> withoutOuterBlanks(List<LyricLine> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).text().isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).text().isBlank()) {
            to--;
        }
        return lines.subList(from, to);
    }

    private static List<String> capped(List<String> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return problems;
        }
        List<String> kept = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        kept.add("... and " + (problems.size() - MAX_PROBLEMS) + " more problems");
        return kept;
    }

    private static String describe(LrcLine line, String what, String text) {
        return "line " + line.number() + ": " + what + ": " + shortened(text);
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
