package app.chorus.library;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds text for search: lower case, accents removed (Grüße finds grusse), runs of spaces collapsed. */
final class SearchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String unmarked = SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").trim();
        // Upper then lower case folds ß to ss; the letters below have no decomposition to strip.
        String folded = unmarked.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return folded.replace("æ", "ae").replace("œ", "oe").replace("ø", "o").replace("ł", "l").replace("đ", "d");
    }

    /** The folded words of a query; every one must occur in a song's title, artist or album. */
    static List<String> words(String query) {
        String folded = fold(query);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /**
     * A LIKE pattern that matches {@code word} anywhere, its own % and _ taken literally. The
     * escape character is {@code !} (use {@code ESCAPE '!'}), not a backslash, which SQL dialects
     * and Jdbi's statement parser each treat their own way.
     */
    static String containsPattern(String word) {
        return "%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
