package app.chorus.metadata;

import java.util.List;

/**
 * How alike two normalised names are, from 0 to 1: the better of word overlap (word order and
 * an extra word cost little) and edit distance over the letters (typos, "believin" for
 * "believing", "ACDC" for "AC/DC"). Stateless.
 */
final class Similarity {
    /** Two words this alike count as the same word ("colour" and "color"); less alike, not at all. */
    private static final double SAME_WORD = 0.8;

    private Similarity() {
    }

    static double of(String left, String right) {
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        if (left.equals(right)) {
            return 1;
        }
        return Math.max(wordOverlap(left, right), letters(left.replace(" ", ""), right.replace(" ", "")));
    }

    /** The share of words on both sides that have a match on the other (a Dice coefficient, typo-tolerant). */
    static double wordOverlap(String left, String right) {
        List<String> leftWords = List.of(left.split(" "));
        List<String> rightWords = List.of(right.split(" "));
        double matched = matchedWords(leftWords, rightWords) + matchedWords(rightWords, leftWords);
        return matched / (leftWords.size() + rightWords.size());
    }

    /** One minus the edit distance over the longer length. */
    static double letters(String left, String right) {
        int longer = Math.max(left.length(), right.length());
        return longer == 0 ? 1 : 1 - (double) editDistance(left, right) / longer;
    }

    private static double matchedWords(List<String> words, List<String> others) {
        double matched = 0;
        for (String word : words) {
            double best = 0;
            for (String other : others) {
                best = Math.max(best, word.equals(other) ? 1 : letters(word, other));
            }
            matched += best >= SAME_WORD ? best : 0;
        }
        return matched;
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    static int editDistance(String left, String right) {
        int[] previous = new int[right.length() + 1];
        int[] current = new int[right.length() + 1];
        for (int column = 0; column <= right.length(); column++) {
            previous[column] = column;
        }
        for (int row = 1; row <= left.length(); row++) {
            current[0] = row;
            for (int column = 1; column <= right.length(); column++) {
                int substitution = previous[column - 1] + (left.charAt(row - 1) == right.charAt(column - 1) ? 0 : 1);
                current[column] = Math.min(substitution, Math.min(previous[column], current[column - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[right.length()];
    }
}
