package app.chorus.library;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of the playable songs' names, folded into words, that {@link SongFinder} matches
 * queries against without touching the database. Each distinct word is stored once in a
 * vocabulary and songs refer to it by number, so a query word is compared with each distinct
 * word once, however many songs share it (an artist's name, "love", "the").
 *
 * <p>Immutable once built; thread-safe.
 */
final class SongIndex {
    /**
     * One song in the index. The word arrays hold vocabulary numbers; {@code titleKey} and
     * {@code artistKey} are the name's words joined by single spaces, for whole-phrase matches.
     */
    record Entry(String id, String title, String titleKey, String artistKey,
                 int[] titleWords, int[] artistWords, int[] albumWords) {
    }

    private final long generation;
    private final Instant builtAt;
    private final String[] vocabulary;
    private final long[] vocabularyLetters;
    private final List<Entry> entries;

    private SongIndex(long generation, Instant builtAt, String[] vocabulary, List<Entry> entries) {
        this.generation = generation;
        this.builtAt = builtAt;
        this.vocabulary = vocabulary;
        this.entries = List.copyOf(entries);
        this.vocabularyLetters = new long[vocabulary.length];
        for (int index = 0; index < vocabulary.length; index++) {
            vocabularyLetters[index] = FuzzyMatch.letters(vocabulary[index]);
        }
    }

    /**
     * Indexes {@code songs} as they were when the library's change counter stood at
     * {@code generation}, at {@code builtAt}.
     */
    static SongIndex build(List<SearchableSong> songs, long generation, Instant builtAt) {
        Map<String, Integer> numbers = new HashMap<>();
        List<Entry> entries = new ArrayList<>(songs.size());
        for (SearchableSong song : songs) {
            NameWords title = split(song.title());
            NameWords artist = split(song.artist());
            entries.add(new Entry(song.id(), song.title(), String.join(" ", title.words()), String.join(" ", artist.words()),
                    number(title.searchable(), numbers), number(artist.searchable(), numbers),
                    number(split(song.album()).searchable(), numbers)));
        }
        String[] vocabulary = new String[numbers.size()];
        numbers.forEach((word, number) -> vocabulary[number] = word);
        return new SongIndex(generation, builtAt, vocabulary, entries);
    }

    /** The words of a query: folded, apostrophes dropped, split at anything but letters and digits. */
    static List<String> queryWords(String text) {
        return split(text).words();
    }

    /**
     * A name's words, once folded and split as {@link #queryWords}: {@code words} in order, and
     * {@code searchable}, which adds each run of them written together ("AC/DC", "Jay-Z",
     * "R.E.M.") as one word, so "acdc" finds it as well as "ac dc".
     */
    record NameWords(List<String> words, Set<String> searchable) {
    }

    /**
     * One pass over the folded text rather than regular expressions: the whole library is split
     * again after every write, and this is most of that work.
     */
    static NameWords split(String text) {
        List<String> words = new ArrayList<>();
        Set<String> searchable = new LinkedHashSet<>();
        // Plain ASCII, most names, folds to itself in lower case (as far as words go); the full
        // fold (Unicode normalisation and patterns) would be half the cost of a rebuild.
        String folded = text == null ? "" : isAscii(text) ? text.toLowerCase(Locale.ROOT) : SearchText.fold(text);
        StringBuilder word = new StringBuilder();
        StringBuilder run = new StringBuilder();
        int wordsInRun = 0;
        int index = 0;
        while (index <= folded.length()) {
            int character = index < folded.length() ? folded.codePointAt(index) : ' ';
            index += Character.charCount(character);
            if (Character.isLetterOrDigit(character)) {
                word.appendCodePoint(character);
                run.appendCodePoint(character);
            } else if (!isApostrophe(character)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    searchable.add(word.toString());
                    word.setLength(0);
                    wordsInRun++;
                }
                if (Character.isWhitespace(character)) {
                    if (wordsInRun > 1) {
                        searchable.add(run.toString());
                    }
                    run.setLength(0);
                    wordsInRun = 0;
                }
            }
        }
        return new NameWords(words, searchable);
    }

    private static boolean isAscii(String text) {
        for (int index = 0; index < text.length(); index++) {
            if (text.charAt(index) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Apostrophes join what they separate: "Don't" is the word "dont", as a singer types it. */
    private static boolean isApostrophe(int character) {
        return character == '\'' || character == '’' || character == '‘' || character == 'ʼ' || character == '`'
                || character == '´';
    }

    private static int[] number(Set<String> words, Map<String, Integer> numbers) {
        int[] result = new int[words.size()];
        int index = 0;
        for (String word : words) {
            result[index++] = numbers.computeIfAbsent(word, unused -> numbers.size());
        }
        return result;
    }

    /** How well {@code query} matches each vocabulary word, by vocabulary number. */
    double[] scores(FuzzyMatch query) {
        double[] scores = new double[vocabulary.length];
        for (int number = 0; number < vocabulary.length; number++) {
            scores[number] = query.score(vocabulary[number], vocabularyLetters[number]);
        }
        return scores;
    }

    List<Entry> entries() {
        return entries;
    }

    long generation() {
        return generation;
    }

    Instant builtAt() {
        return builtAt;
    }
}
