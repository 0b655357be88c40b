package app.chorus.library;

/**
 * One folded query word and how well it matches a word of a song: exactly, as the start of the
 * word (the singer is still typing), or within a few typing mistakes. Immutable; thread-safe.
 *
 * <p>Scores order the kinds of match: exact (1) above any prefix (0.65 to 0.95, more the more of
 * the word is typed) above one mistake (0.6) above two (0.4); 0 is no match.
 *
 * @param word the folded query word
 * @param maxEdits how many mistakes a match may have: none for short words (where one mistake
 *     makes another word), one for 4 to 7 letters, two from 8; none for numbers (1985 is not 1986)
 * @param letters the word's {@link #letters letter set}
 */
record FuzzyMatch(String word, int maxEdits, long letters) {
    static final double EXACT = 1.0;
    /** Shorter prefixes match too much to mean anything ("b" starts a tenth of all words). */
    static final int MIN_PREFIX_CHARS = 2;
    private static final double PREFIX_BASE = 0.65;
    private static final double PREFIX_COVERAGE = 0.3;
    private static final double ONE_EDIT = 0.6;
    private static final double TWO_EDITS = 0.4;

    static FuzzyMatch of(String word) {
        return new FuzzyMatch(word, word.chars().allMatch(Character::isDigit) ? 0 : allowedEdits(word.length()), letters(word));
    }

    static int allowedEdits(int length) {
        return length <= 3 ? 0 : length <= 7 ? 1 : 2;
    }

    /** How well this query word matches {@code candidate}, whose {@link #letters letter set} is given. */
    double score(String candidate, long candidateLetters) {
        if (candidate.equals(word)) {
            return EXACT;
        }
        if (word.length() >= MIN_PREFIX_CHARS && candidate.length() > word.length() && candidate.startsWith(word)) {
            return PREFIX_BASE + PREFIX_COVERAGE * word.length() / candidate.length();
        }
        if (maxEdits == 0 || Math.abs(candidate.length() - word.length()) > maxEdits
                // Each letter one word has and the other lacks costs at least one edit: a test of two
                // machine words that turns away most of the vocabulary before the distance is computed.
                || Long.bitCount(letters & ~candidateLetters) > maxEdits
                || Long.bitCount(candidateLetters & ~letters) > maxEdits) {
            return 0;
        }
        int edits = distance(word, candidate, maxEdits);
        return edits > maxEdits ? 0 : edits == 1 ? ONE_EDIT : TWO_EDITS;
    }

    /**
     * The set of characters in {@code word} as bits: a to z and 0 to 9 each have their own, other
     * characters share the rest. Sharing only makes {@link #score}'s letter test let more through,
     * never turn away a real match.
     */
    static long letters(String word) {
        long bits = 0;
        for (int index = 0; index < word.length(); index++) {
            char character = word.charAt(index);
            int bit;
            if (character >= 'a' && character <= 'z') {
                bit = character - 'a';
            } else if (character >= '0' && character <= '9') {
                bit = 26 + character - '0';
            } else {
                bit = 36 + character % 28;
            }
            bits |= 1L << bit;
        }
        return bits;
    }

    /**
     * The optimal string alignment distance (insertions, deletions, substitutions and swaps of two
     * neighbouring letters, each counting one) between {@code first} and {@code second}, or
     * {@code max + 1} when it is more than {@code max}. Stops as soon as two rows of the table
     * exceed {@code max}: a swap reaches back two rows, so nothing below can come back under it.
     */
    static int distance(String first, String second, int max) {
        int firstLength = first.length();
        int secondLength = second.length();
        if (Math.abs(firstLength - secondLength) > max) {
            return max + 1;
        }
        int[] twoRowsUp = new int[secondLength + 1];
        int[] rowUp = new int[secondLength + 1];
        int[] row = new int[secondLength + 1];
        for (int column = 0; column <= secondLength; column++) {
            rowUp[column] = column;
        }
        int rowUpMinimum = 0;
        for (int line = 1; line <= firstLength; line++) {
            row[0] = line;
            int rowMinimum = line;
            char letter = first.charAt(line - 1);
            for (int column = 1; column <= secondLength; column++) {
                char other = second.charAt(column - 1);
                int value = Math.min(Math.min(rowUp[column] + 1, row[column - 1] + 1),
                        rowUp[column - 1] + (letter == other ? 0 : 1));
                if (line > 1 && column > 1 && letter == second.charAt(column - 2) && first.charAt(line - 2) == other) {
                    value = Math.min(value, twoRowsUp[column - 2] + 1);
                }
                row[column] = value;
                rowMinimum = Math.min(rowMinimum, value);
            }
            if (rowMinimum > max && rowUpMinimum > max) {
                return max + 1;
            }
            int[] recycled = twoRowsUp;
            twoRowsUp = rowUp;
            rowUp = row;
            row = recycled;
            rowUpMinimum = rowMinimum;
        }
        return Math.min(rowUp[secondLength], max + 1);
    }
}
