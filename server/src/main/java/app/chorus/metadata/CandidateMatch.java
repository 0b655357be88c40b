package app.chorus.metadata;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Picks, among the recordings a catalogue returned, the one a song is. Each candidate scores from
 * 0 to 1 on three things, weighted: the title (45 %), the artist (35 %) and the length (20 %).
 * What is unknown on either side (no artist in a video title, no length) is left out and the rest
 * weighted up, so it neither helps nor hurts. Then:
 * <ul>
 * <li>a title or artist that is clearly different (under 0.6) caps the score at itself: a
 *     perfect length does not make another song the same;</li>
 * <li>a version note on one side only costs the title 0.15 when it marks another recording
 *     ("Live", "Acoustic", "Remix", "Karaoke Version") and 0.02 when it restates the same one
 *     ("Remastered 2011", "Radio Edit"), so the plain studio recording wins a tie;</li>
 * <li>a compilation, karaoke or tribute credit ("Various Artists", "Karaoke Band") scores zero
 *     for the artist, even when the wanted artist is unknown.</li>
 * </ul>
 * Lengths within 3 s get full credit, fading to none at 15 s: karaoke videos add a few seconds of
 * intro, a different recording differs by more. Stateless; safe from any thread.
 */
public final class CandidateMatch {
    /**
     * The score a candidate needs by default. At 0.75, a right title and artist pass with any
     * length, a right title with the wrong artist does not, and with no artist known a right
     * title needs a length that agrees.
     */
    public static final double DEFAULT_THRESHOLD = 0.75;

    private static final double TITLE_WEIGHT = 0.45;
    private static final double ARTIST_WEIGHT = 0.35;
    private static final double DURATION_WEIGHT = 0.20;
    private static final double CLEARLY_DIFFERENT = 0.6;
    private static final double OTHER_RECORDING_PENALTY = 0.15;
    private static final double REISSUE_PENALTY = 0.02;
    /** Dropping every bracket ("(I Can't Get No) Satisfaction" as "Satisfaction") is a looser match. */
    private static final double CORE_TITLE_CREDIT = 0.95;
    private static final long FULL_CREDIT_MS = 3_000;
    private static final long NO_CREDIT_MS = 15_000;
    private static final String REISSUE = "reissue";

    /** A candidate and its score from 0 to 1. */
    public record Scored<T>(Candidate<T> candidate, double score) {
    }

    private CandidateMatch() {
    }

    /** {@link #best(TrackName, Long, List, double)} with the {@link #DEFAULT_THRESHOLD}. */
    public static <T> Optional<Scored<T>> best(TrackName wanted, Long durationMs, List<Candidate<T>> candidates) {
        return best(wanted, durationMs, candidates, DEFAULT_THRESHOLD);
    }

    /**
     * The best-scoring candidate at or above the threshold; among equal scores, the one listed
     * first (catalogues list their best guess first). Empty when none reaches the threshold.
     *
     * @param durationMs the wanted song's length, or null when unknown
     */
    public static <T> Optional<Scored<T>> best(TrackName wanted, Long durationMs, List<Candidate<T>> candidates,
            double threshold) {
        Scored<T> best = null;
        for (Candidate<T> candidate : candidates) {
            double score = score(wanted, durationMs, candidate);
            if (score >= threshold && (best == null || score > best.score())) {
                best = new Scored<>(candidate, score);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * How well a candidate fits the wanted song, from 0 to 1 (see the class description).
     *
     * @param durationMs the wanted song's length, or null when unknown
     */
    public static double score(TrackName wanted, Long durationMs, Candidate<?> candidate) {
        double title = titleSimilarity(wanted, candidate);
        double weighted = TITLE_WEIGHT * title;
        double weights = TITLE_WEIGHT;
        OptionalDouble artist = ArtistMatch.similarity(wanted, candidate.artist(), candidate.title());
        if (artist.isPresent()) {
            weighted += ARTIST_WEIGHT * artist.getAsDouble();
            weights += ARTIST_WEIGHT;
        }
        OptionalDouble duration = durationCredit(durationMs, candidate.durationMs());
        if (duration.isPresent()) {
            weighted += DURATION_WEIGHT * duration.getAsDouble();
            weights += DURATION_WEIGHT;
        }
        double score = weighted / weights;
        double weakest = Math.min(title, artist.orElse(1));
        return weakest < CLEARLY_DIFFERENT ? Math.min(score, weakest) : score;
    }

    /** The titles' likeness, less what their version notes say about being other recordings. */
    static double titleSimilarity(TrackName wanted, Candidate<?> candidate) {
        String wantedTitle = MatchText.normalise(wanted.title());
        String candidateTitle = MatchText.normalise(candidate.title());
        double likeness = Similarity.of(wantedTitle, candidateTitle);
        likeness = Math.max(likeness, CORE_TITLE_CREDIT
                * Similarity.of(MatchText.core(wanted.title()), MatchText.core(candidate.title())));
        if (wanted.artist() == null && candidate.artist() != null) {
            // A dashless video title ("Adele Someone Like You") may carry the artist in the title.
            String candidateArtist = MatchText.normalise(candidate.artist());
            likeness = Math.max(likeness, Math.max(Similarity.of(wantedTitle, candidateArtist + " " + candidateTitle),
                    Similarity.of(wantedTitle, candidateTitle + " " + candidateArtist)));
        }
        return Math.max(0, likeness - versionPenalty(wanted.title(), candidate.title()));
    }

    /** Credit for the lengths' agreement; empty when either is unknown. */
    static OptionalDouble durationCredit(Long wantedMs, Long candidateMs) {
        if (wantedMs == null || candidateMs == null || wantedMs <= 0 || candidateMs <= 0) {
            return OptionalDouble.empty();
        }
        long apart = Math.abs(wantedMs - candidateMs);
        if (apart <= FULL_CREDIT_MS) {
            return OptionalDouble.of(1);
        }
        return OptionalDouble.of(Math.max(0, 1 - (double) (apart - FULL_CREDIT_MS) / (NO_CREDIT_MS - FULL_CREDIT_MS)));
    }

    private static double versionPenalty(String wantedTitle, String candidateTitle) {
        Set<String> wantedNotes = MatchText.versionNotes(wantedTitle);
        Set<String> candidateNotes = MatchText.versionNotes(candidateTitle);
        Set<String> onOneSideOnly = new TreeSet<>(wantedNotes);
        onOneSideOnly.addAll(candidateNotes);
        onOneSideOnly.removeIf(note -> wantedNotes.contains(note) && candidateNotes.contains(note));
        if (onOneSideOnly.isEmpty()) {
            return 0;
        }
        return onOneSideOnly.equals(Set.of(REISSUE)) ? REISSUE_PENALTY : OTHER_RECORDING_PENALTY;
    }
}
