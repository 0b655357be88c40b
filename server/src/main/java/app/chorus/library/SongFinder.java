package app.chorus.library;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Typo-tolerant search of the playable songs, for the "find a song" box a singer types into.
 *
 * <p><b>Matching.</b> Each query word is matched against the song's title, artist and album words
 * ({@link FuzzyMatch}: exactly, as a prefix, or within a few mistakes); its score is its best match,
 * weighted title 1, artist 0.8, album 0.5. A song qualifies when every word of a one- or two-word
 * query matches, and all but one of a longer query's words (a stray or misremembered word should
 * not hide the song; in a short query that word is half of what the singer asked for).
 *
 * <p><b>Ranking.</b> First the songs whose title, "artist title" or "title artist" is the whole
 * query; then those matching every query word exactly; then by score; ties by title.
 *
 * <p><b>Freshness.</b> Queries run against a {@link SongIndex} snapshot, not the database. The
 * library calls {@link #changed()} after each of its writes, and the next search rebuilds the
 * snapshot, so this node's changes show at once. Writes by other nodes sharing a PostgreSQL
 * database show once the snapshot is older than the staleness bound. Songs are loaded whole
 * only for the results, and checked again, so a song deleted or no longer ready since the
 * snapshot is left out rather than returned stale.
 *
 * <p><b>Thread safety.</b> Safe for concurrent searches and writes. The snapshot is immutable and
 * published through a volatile field; one search at a time rebuilds it (others wanting a fresh
 * one wait for it rather than all reading the table). The change counter is read before the rows
 * are, so a write during a rebuild makes the next search rebuild again.
 */
final class SongFinder {
    /** How old a snapshot may get before other nodes' changes are looked for. */
    static final Duration DEFAULT_STALENESS = Duration.ofSeconds(10);
    /** Longer queries are cut: a song's names are at most 200 characters each. */
    static final int MAX_QUERY_CHARS = 200;
    /** More words than this are ignored; each costs a pass over the vocabulary. */
    static final int MAX_QUERY_WORDS = 10;
    private static final double TITLE_WEIGHT = 1.0;
    private static final double ARTIST_WEIGHT = 0.8;
    private static final double ALBUM_WEIGHT = 0.5;
    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingInt(Candidate::tier)
            .thenComparing(Comparator.comparingDouble(Candidate::score).reversed())
            .thenComparing(candidate -> candidate.entry().titleKey())
            .thenComparing(candidate -> candidate.entry().title())
            .thenComparing(candidate -> candidate.entry().id());

    private final SongRepository songs;
    private final InstantSource clock;
    private final Duration staleness;
    private final AtomicLong changes = new AtomicLong();
    private final ReentrantLock rebuilding = new ReentrantLock();
    private volatile SongIndex index;

    /** A qualifying song; tier 0 is a whole-phrase match, 1 all words exact, 2 the rest. */
    private record Candidate(SongIndex.Entry entry, int tier, double score) {
    }

    SongFinder(SongRepository songs, InstantSource clock, Duration staleness) {
        if (staleness.isNegative()) {
            throw new IllegalArgumentException("staleness must not be negative: " + staleness);
        }
        this.songs = songs;
        this.clock = clock;
        this.staleness = staleness;
    }

    /** Tells the finder the library has written to the songs; the next search rebuilds the snapshot. */
    void changed() {
        changes.incrementAndGet();
    }

    /** The playable songs matching {@code query}, best first, at most {@code limit}. */
    List<Song> find(String query, int limit) {
        String bounded = query == null ? "" : query.substring(0, Math.min(query.length(), MAX_QUERY_CHARS));
        List<String> words = SongIndex.queryWords(bounded);
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        words = words.subList(0, Math.min(words.size(), MAX_QUERY_WORDS));
        List<String> ids = rank(current(), words, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Song> loaded = songs.findAll(ids).stream().collect(Collectors.toMap(Song::id, Function.identity()));
        return ids.stream().map(loaded::get).filter(Objects::nonNull).filter(SongFinder::isPlayable).toList();
    }

    /** Whether a singer can pick the song; the same rule as {@link SongRepository#playableNames()}. */
    static boolean isPlayable(Song song) {
        return song.status() == SongStatus.READY && (song.media().instrumental() != null || song.media().original() != null);
    }

    private List<String> rank(SongIndex snapshot, List<String> words, int limit) {
        int wordCount = words.size();
        double[][] scores = new double[wordCount][];
        for (int word = 0; word < wordCount; word++) {
            scores[word] = snapshot.scores(FuzzyMatch.of(words.get(word)));
        }
        int allowedMisses = wordCount <= 2 ? 0 : 1;
        String phrase = String.join(" ", words);
        List<Candidate> candidates = new ArrayList<>();
        for (SongIndex.Entry entry : snapshot.entries()) {
            double total = 0;
            int misses = 0;
            int exact = 0;
            for (int word = 0; word < wordCount && misses <= allowedMisses; word++) {
                double[] wordScores = scores[word];
                double title = best(entry.titleWords(), wordScores);
                double artist = best(entry.artistWords(), wordScores);
                double album = best(entry.albumWords(), wordScores);
                double weighted = Math.max(title * TITLE_WEIGHT, Math.max(artist * ARTIST_WEIGHT, album * ALBUM_WEIGHT));
                if (weighted == 0) {
                    misses++;
                } else {
                    total += weighted;
                    if (Math.max(title, Math.max(artist, album)) == FuzzyMatch.EXACT) {
                        exact++;
                    }
                }
            }
            if (misses <= allowedMisses) {
                // A whole-phrase match has every word exact, so the phrase is compared only then.
                int tier = exact < wordCount ? 2 : isWholeName(phrase, entry) ? 0 : 1;
                candidates.add(new Candidate(entry, tier, total));
            }
        }
        candidates.sort(BEST_FIRST);
        return candidates.stream().limit(limit).map(candidate -> candidate.entry().id()).toList();
    }

    private static double best(int[] songWords, double[] wordScores) {
        double best = 0;
        for (int number : songWords) {
            best = Math.max(best, wordScores[number]);
        }
        return best;
    }

    private static boolean isWholeName(String phrase, SongIndex.Entry entry) {
        return phrase.equals(entry.titleKey()) || isJoined(phrase, entry.artistKey(), entry.titleKey())
                || isJoined(phrase, entry.titleKey(), entry.artistKey());
    }

    /** Whether {@code phrase} is {@code first + " " + second}, without building that string per song. */
    private static boolean isJoined(String phrase, String first, String second) {
        return phrase.length() == first.length() + 1 + second.length() && phrase.startsWith(first)
                && phrase.charAt(first.length()) == ' ' && phrase.endsWith(second);
    }

    /** The snapshot, rebuilt first when this library wrote since it was taken or it is too old. */
    private SongIndex current() {
        SongIndex snapshot = index;
        if (isFresh(snapshot)) {
            return snapshot;
        }
        rebuilding.lock();
        try {
            snapshot = index;
            if (isFresh(snapshot)) {
                return snapshot;
            }
            long generation = changes.get();
            Instant builtAt = clock.instant();
            snapshot = SongIndex.build(songs.playableNames(), generation, builtAt);
            index = snapshot;
            return snapshot;
        } finally {
            rebuilding.unlock();
        }
    }

    private boolean isFresh(SongIndex snapshot) {
        return snapshot != null && snapshot.generation() == changes.get()
                && clock.instant().isBefore(snapshot.builtAt().plus(staleness));
    }
}
