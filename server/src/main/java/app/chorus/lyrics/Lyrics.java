package app.chorus.lyrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lyrics as read by {@link Lrc#parse}: the metadata tags (lower-case keys, in file order), the
 * lines in time order, whether they are timed, and what could not be read. Immutable.
 *
 * @param tags     metadata such as {@code ti}, {@code ar}, {@code length}; never {@code offset},
 *                 which the parser folds into the times
 * @param lines    synced: sorted by start time; plain: in text order, blank lines kept
 * @param synced   true when at least one line had a valid timestamp
 * @param problems one message per line that was skipped (a bad timestamp, text without a time in
 *                 synced lyrics, a bad offset), for showing to whoever wrote the file
 */
public record Lyrics(Map<String, String> tags, List<LyricLine> lines, boolean synced, List<String> problems) {
    public Lyrics {
        // Map.copyOf would lose the tags' order, and a rewritten file should keep it.
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags == null ? Map.of() : tags));
        lines = lines == null ? List.of() : List.copyOf(lines);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** No lyrics at all. */
    public static final Lyrics NONE = new Lyrics(Map.of(), List.of(), false, List.of());

    /**
     * The same lyrics with every line and word time moved by {@code offsetMs}: positive shows the
     * lyrics later, negative earlier. Times that would fall before the song's start become 0.
     * Plain lyrics have no times and come back unchanged.
     */
    public Lyrics shift(long offsetMs) {
        if (!synced || offsetMs == 0) {
            return this;
        }
        return new Lyrics(tags, lines.stream().map(line -> line.shifted(offsetMs)).toList(), true, problems);
    }

    /**
     * The words without times, one line per line: what a song's plain lyrics are when only synced
     * ones were given. Instrumental gaps of synced lyrics are left out; plain lyrics keep their
     * blank lines (stanza breaks).
     */
    public String plainText() {
        return lines.stream().map(LyricLine::text).filter(text -> !synced || !text.isBlank())
                .collect(Collectors.joining("\n"));
    }
}
