package app.chorus.metadata;

import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How well a candidate's artist credit fits the wanted song's, from 0 to 1. Credits list the
 * same people differently ("Luis Fonsi & Daddy Yankee", "Luis Fonsi" with "(feat. Daddy Yankee)"
 * in the title), so every performer named anywhere counts. Stateless.
 */
final class ArtistMatch {
    /**
     * Credits that name no performer of the original: compilations, karaoke labels, tribute and
     * cover acts. A catalogue lists a karaoke cover under such a name, so one is never the song.
     */
    private static final Pattern STAND_IN = Pattern.compile("\\b(?:various artists|various|karaoke|karafun"
            + "|tribute|backing tracks?|in the style of|made famous|originally performed|sing king|stingray|sunfly"
            + "|party tyme|ameritz|hit crew|cover band|covers|soundalike|studio musicians)\\b");
    /** A featured performer matched as the candidate's main one is good evidence, not full. */
    private static final double FEATURED_ONLY = 0.8;

    private ArtistMatch() {
    }

    /**
     * The credit's fit; empty when nothing can be said (the wanted artist is unknown, or the
     * candidate names none), but zero for a stand-in credit even then.
     */
    static OptionalDouble similarity(TrackName wanted, String candidateArtist, String candidateTitle) {
        boolean standIn = isStandIn(candidateArtist);
        if (wanted.artist() == null || isStandIn(wanted.artist())) {
            return standIn ? OptionalDouble.of(0) : OptionalDouble.empty();
        }
        if (standIn) {
            return OptionalDouble.of(0);
        }
        if (candidateArtist == null || candidateArtist.isBlank()) {
            return OptionalDouble.empty();
        }
        List<String> wantedMain = normalised(Featuring.everyone(wanted.artist()));
        List<String> wantedFeatured = normalised(wanted.featured());
        List<String> candidateMain = normalised(Featuring.everyone(Featuring.fromArtist(candidateArtist).rest()));
        List<String> candidateEveryone = normalised(concat(Featuring.everyone(candidateArtist),
                Featuring.fromTitle(candidateTitle).featured()));

        double whole = Similarity.of(MatchText.normaliseArtist(wanted.artist()), MatchText.normaliseArtist(candidateArtist));
        double bestMain = 0;
        double sumMain = 0;
        for (String name : wantedMain) {
            double found = bestFit(name, candidateEveryone);
            bestMain = Math.max(bestMain, found);
            sumMain += found;
        }
        // A duet listed under one of its singers still names the song: count the best and the average.
        double byName = wantedMain.isEmpty() ? 0 : (bestMain + sumMain / wantedMain.size()) / 2;
        double featuredAsMain = 0;
        for (String name : wantedFeatured) {
            featuredAsMain = Math.max(featuredAsMain, bestFit(name, candidateMain) * FEATURED_ONLY);
        }
        return OptionalDouble.of(Math.max(whole, Math.max(byName, featuredAsMain)));
    }

    /** Whether a credit names a compilation, karaoke label or tribute act rather than a performer. */
    static boolean isStandIn(String artist) {
        return artist != null && STAND_IN.matcher(MatchText.normalise(artist)).find();
    }

    private static double bestFit(String name, List<String> others) {
        double best = 0;
        for (String other : others) {
            best = Math.max(best, Similarity.of(name, other));
        }
        return best;
    }

    private static List<String> normalised(List<String> names) {
        return names.stream().map(MatchText::normaliseArtist).filter(name -> !name.isEmpty()).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
