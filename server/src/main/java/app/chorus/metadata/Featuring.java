package app.chorus.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Featured performers taken out of a title or an artist credit, so "Despacito ft. Daddy Yankee"
 * and "Luis Fonsi feat. Daddy Yankee" both name the song "Despacito" by "Luis Fonsi". Stateless.
 */
final class Featuring {
    /** "(feat. X)", "[ft. X]", "(with X)": in a bracket, "with" is a credit ("One Kiss (with Dua Lipa)"). */
    private static final Pattern BRACKETED = Pattern.compile(
            "(?i)\\s*[(\\[]\\s*(?:feat\\.?|ft\\.?|featuring|with)\\s+([^()\\[\\]]+?)\\s*[)\\]]");
    /** Bare "feat. X" runs to the next bracket or dash; a bare "with" is left alone ("Dancing with Myself"). */
    private static final Pattern INLINE = Pattern.compile(
            "(?i)\\s+(?:feat\\.?|ft\\.?|featuring)\\s+([^()\\[\\]]+?)(?=\\s*[(\\[]|\\s+[-–—]\\s+|$)");
    /** In an artist credit a bare "with" does credit someone ("Lady Gaga with Bradley Cooper"). */
    private static final Pattern ARTIST_WITH = Pattern.compile("(?i)\\s+with\\s+(.+)$");
    private static final Pattern NAME_SEPARATOR = Pattern.compile("(?i)\\s*(?:,|&|\\+|\\s(?:and|x|vs\\.?)\\s)\\s*");
    private static final Pattern CREDIT_SEPARATOR = Pattern.compile(
            "(?i)\\s*(?:,|&|\\+|\\s(?:and|x|vs\\.?|with|feat\\.?|ft\\.?|featuring)\\s)\\s*");

    /** What is left of the text, and the performers taken out of it in order. */
    record Split(String rest, List<String> featured) {
        Split {
            featured = List.copyOf(featured);
        }
    }

    private Featuring() {
    }

    /** Takes bracketed and bare featured credits out of a song's title. */
    static Split fromTitle(String title) {
        List<String> featured = new ArrayList<>();
        String rest = take(BRACKETED, title, featured);
        rest = take(INLINE, rest, featured);
        return finished(title, rest, featured);
    }

    /** Takes featured credits out of an artist credit, "with" included. */
    static Split fromArtist(String artist) {
        List<String> featured = new ArrayList<>();
        String rest = take(BRACKETED, artist, featured);
        rest = take(INLINE, rest, featured);
        rest = take(ARTIST_WITH, rest, featured);
        return finished(artist, rest, featured);
    }

    /** The performers a featured credit names: "Daddy Yankee & Justin Bieber" is two. */
    static List<String> names(String featuredCredit) {
        return splitOn(NAME_SEPARATOR, featuredCredit);
    }

    /**
     * Every performer a full credit names, main and featured alike, for comparing credits that
     * list the same people differently ("Luis Fonsi & Daddy Yankee", "Luis Fonsi feat. Daddy Yankee").
     */
    static List<String> everyone(String credit) {
        return splitOn(CREDIT_SEPARATOR, credit);
    }

    private static String take(Pattern credit, String text, List<String> featured) {
        Matcher matcher = credit.matcher(text);
        StringBuilder rest = new StringBuilder();
        int from = 0;
        while (matcher.find()) {
            rest.append(text, from, matcher.start());
            featured.addAll(names(matcher.group(1)));
            from = matcher.end();
        }
        return rest.append(text.substring(from)).toString();
    }

    private static Split finished(String original, String rest, List<String> featured) {
        String stripped = rest.replaceAll("\\s+", " ").strip();
        // A text that is nothing but a credit ("Feat. Someone") stays as it was.
        return stripped.isEmpty() ? new Split(original.strip(), List.of()) : new Split(stripped, featured.stream()
                .distinct().toList());
    }

    private static List<String> splitOn(Pattern separator, String credit) {
        if (credit == null || credit.isBlank()) {
            return List.of();
        }
        return List.of(separator.split(credit.strip())).stream().map(String::strip).filter(name -> !name.isEmpty())
                .toList();
    }
}
