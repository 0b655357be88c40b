package app.chorus.metadata;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Song names reduced to what two catalogues agree on, and the version notes ("Live", "Remastered
 * 2011") that tell two recordings of one song apart. Stateless; safe from any thread.
 */
final class MatchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern BRACKETED = Pattern.compile("[(\\[{【]([^()\\[\\]{}【】]*)[)\\]}】]");
    /** iTunes writes "Song (Remastered 2011)", Spotify-sourced data "Song - Remastered 2011". */
    private static final Pattern DASH_SUFFIX = Pattern.compile("\\s+[-–—]\\s+([^-–—]+)$");
    private static final Pattern FEATURING_TAIL = Pattern.compile("(?i)\\s+(?:feat\\.?|ft\\.?|featuring)\\s+.*$");
    private static final Pattern FEATURING_NOTE = Pattern.compile("(?i)^\\s*(?:feat\\.?|ft\\.?|featuring|with)\\s");
    /** Notes that mean another performance or arrangement: a different recording, not just a reissue. */
    private static final Pattern DISTINCT_RECORDING = Pattern.compile("\\b(live|acoustic|remix|mix|demo|karaoke"
            + "|instrumental|unplugged|cover|extended|sessions?|orchestral|a ?cappella|acapella|rehearsal|reprise"
            + "|dub|sped up|slowed|nightcore|in the style of|made famous|tribute)\\b");
    /** Notes that restate one recording: reissued, trimmed for radio, or credited differently. */
    private static final Pattern SAME_RECORDING = Pattern.compile("\\b(remaster(ed)?|edit|single|album|version"
            + "|mono|stereo|explicit|clean|deluxe|bonus|anniversary|original|from|soundtrack|ost|theme|edition"
            + "|re ?recorded|digitally)\\b");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_THE = Pattern.compile("^the\\s+");

    private MatchText() {
    }

    /** Lower case, accents and compatibility forms (full-width letters) folded, spaces collapsed. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String unmarked = MARKS.matcher(decomposed).replaceAll("").replaceAll("\\s+", " ").strip();
        // Upper then lower case folds ß to ss; the letters below have no decomposition to strip.
        String folded = unmarked.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return folded.replace("æ", "ae").replace("œ", "oe").replace("ø", "o").replace("ł", "l").replace("đ", "d");
    }

    /** A title's words without its version notes or featured credits, for comparing. */
    static String normalise(String text) {
        String folded = fold(text);
        StringBuilder kept = new StringBuilder();
        Matcher bracket = BRACKETED.matcher(folded);
        int from = 0;
        while (bracket.find()) {
            kept.append(folded, from, bracket.start());
            // "(I Can't Get No) Satisfaction": a bracket that is part of the name keeps its words.
            kept.append(isVersionNote(bracket.group(1)) ? " " : " " + bracket.group(1) + " ");
            from = bracket.end();
        }
        String unbracketed = kept.append(folded.substring(from)).toString().strip();
        Matcher suffix = DASH_SUFFIX.matcher(unbracketed);
        if (suffix.find() && isVersionNote(suffix.group(1))) {
            unbracketed = unbracketed.substring(0, suffix.start());
        }
        return words(FEATURING_TAIL.matcher(unbracketed).replaceFirst(""));
    }

    /** As {@link #normalise}, and a leading "the" ignored: "The Beatles" and "Beatles" are one band. */
    static String normaliseArtist(String artist) {
        return LEADING_THE.matcher(normalise(artist)).replaceFirst("");
    }

    /** The title with every bracket dropped, version note or not: "(I Can't Get No) Satisfaction" as "satisfaction". */
    static String core(String title) {
        String folded = fold(title);
        String previous;
        do {
            previous = folded;
            folded = BRACKETED.matcher(folded).replaceAll(" ");
        } while (!folded.equals(previous));
        return normalise(folded);
    }

    /**
     * The words of a title's version notes that mark another recording ("live", "acoustic"), plus
     * "reissue" when a note only restates the same one ("Remastered 2011", "Radio Edit").
     */
    static Set<String> versionNotes(String title) {
        String folded = fold(title);
        Set<String> notes = new LinkedHashSet<>();
        Matcher bracket = BRACKETED.matcher(folded);
        while (bracket.find()) {
            addNotes(bracket.group(1), notes);
        }
        Matcher suffix = DASH_SUFFIX.matcher(folded);
        if (suffix.find()) {
            addNotes(suffix.group(1), notes);
        }
        return notes;
    }

    static boolean isVersionNote(String content) {
        String folded = fold(content);
        return FEATURING_NOTE.matcher(folded + " ").find() || DISTINCT_RECORDING.matcher(folded).find()
                || SAME_RECORDING.matcher(folded).find();
    }

    private static void addNotes(String content, Set<String> notes) {
        String folded = fold(content);
        if (FEATURING_NOTE.matcher(folded + " ").find()) {
            return;
        }
        Matcher distinct = DISTINCT_RECORDING.matcher(folded);
        boolean found = false;
        while (distinct.find()) {
            notes.add(distinct.group(1).replace(" ", ""));
            found = true;
        }
        if (!found && SAME_RECORDING.matcher(folded).find()) {
            notes.add("reissue");
        }
    }

    /** Punctuation gone, "&" and "+" read as "and", apostrophes closed up ("don't" as "dont"). */
    private static String words(String text) {
        String joined = APOSTROPHES.matcher(text.replace("&", " and ").replace("+", " and ")).replaceAll("");
        String spaced = NOT_WORD.matcher(joined).replaceAll(" ").strip();
        // "Rock 'n' Roll" and "Guns N' Roses" leave a lone n, which is "and" said quickly.
        return (" " + spaced + " ").replace(" n ", " and ").strip();
    }
}
