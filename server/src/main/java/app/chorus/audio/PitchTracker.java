package app.chorus.audio;

/**
 * Finds the dominant fundamental of a frame in the singing range by sub-harmonic summation, and
 * turns it into a comb of weights around its harmonics, wide enough for vibrato.
 *
 * <p>Each candidate fundamental scores the compressed magnitudes found at its harmonics, lower
 * harmonics weighing more, minus what lies halfway between them: a candidate an octave too high
 * finds the true odd harmonics in its gaps, one an octave too low finds its odd harmonics empty.
 * The evidence starts above the bass and leans towards the upper harmonics, where a voice is
 * rich and bass and chords are thin. A frame has no pitch when its best score falls well below
 * the song's recent level (a rest, or only accompaniment) or its harmonics hardly stand out from
 * the gaps between them (noise).
 *
 * <p>Holds per-frame scratch space and a running level. Not thread-safe.
 */
final class PitchTracker {
    private static final double LOWEST_HZ = 80;
    private static final double HIGHEST_HZ = 1_000;
    /** Candidates a third of a semitone apart; each looks a little either side of its harmonics. */
    private static final double STEP = Math.pow(2, 1 / 36.0);
    private static final double SEARCH_WIDTH = 0.012;
    /** Below this the bass, not the voice, holds most of the energy. */
    private static final double EVIDENCE_FROM_HZ = 150;
    private static final double EVIDENCE_TO_HZ = 5_000;
    /** Evidence grows with frequency up to here (the voice's formants; bass and chords sit lower). */
    private static final double TILT_UP_TO_HZ = 3_000;
    private static final int MOST_HARMONICS = 20;
    private static final double HARMONIC_DECAY = 0.9;
    /** A pitch counts when its score reaches this share of the running mean of scores... */
    private static final double CLARITY = 0.5;
    /** ...and its harmonics stand out from the gaps between them: score over (harmonics + gaps). */
    private static final double HARMONICITY = 0.3;
    private static final double CLARITY_SECONDS = 4;
    /**
     * The comb's half-width around a harmonic: about a semitone of it (vibrato), at least three
     * bins (the window's main lobe and the candidates' spacing), at most 45% of the fundamental.
     */
    private static final double VIBRATO = 0.06;
    private static final double NARROWEST_BINS = 3;
    private static final double WIDEST = 0.45;

    private final double binHz;
    private final int evidenceFrom;
    private final int evidenceTo;
    private final float[] tilt;
    private final float[] evidence;
    private final double[] candidates;
    /** Per candidate and harmonic: the first and last bin searched for the harmonic and for the gap below it. */
    private final int[][] harmonicFrom;
    private final int[][] harmonicTo;
    private final int[][] gapFrom;
    private final int[][] gapTo;
    private final double runningDecay;
    private double runningScore;

    /** For frames of {@code frameSize} samples, one every {@code hop} samples. */
    PitchTracker(int sampleRate, int frameSize, int hop) {
        this.binHz = sampleRate / (double) frameSize;
        this.evidenceFrom = (int) Math.ceil(EVIDENCE_FROM_HZ / binHz);
        this.evidenceTo = Math.min(frameSize / 2, (int) Math.floor(EVIDENCE_TO_HZ / binHz));
        this.tilt = new float[frameSize / 2 + 1];
        for (int bin = evidenceFrom; bin <= evidenceTo; bin++) {
            tilt[bin] = (float) (Math.min(bin * binHz, TILT_UP_TO_HZ) / 1_000);
        }
        this.evidence = new float[frameSize / 2 + 1];
        int count = (int) Math.floor(Math.log(HIGHEST_HZ / LOWEST_HZ) / Math.log(STEP)) + 1;
        this.candidates = new double[count];
        this.harmonicFrom = new int[count][];
        this.harmonicTo = new int[count][];
        this.gapFrom = new int[count][];
        this.gapTo = new int[count][];
        for (int index = 0; index < count; index++) {
            candidates[index] = LOWEST_HZ * Math.pow(STEP, index);
            planSearch(index);
        }
        this.runningDecay = Math.exp(-hop / (sampleRate * CLARITY_SECONDS));
    }

    /** Works out once which bins each harmonic of a candidate, and the gap below it, covers. */
    private void planSearch(int index) {
        double fundamental = candidates[index] / binHz;
        int harmonics = 0;
        while (harmonics < MOST_HARMONICS && upper(harmonics + 1, fundamental) <= evidenceTo) {
            harmonics++;
        }
        harmonicFrom[index] = new int[harmonics];
        harmonicTo[index] = new int[harmonics];
        gapFrom[index] = new int[harmonics];
        gapTo[index] = new int[harmonics];
        for (int harmonic = 1; harmonic <= harmonics; harmonic++) {
            double reach = Math.max(0.5, SEARCH_WIDTH * harmonic * fundamental);
            harmonicFrom[index][harmonic - 1] = Math.max(1, (int) Math.ceil(harmonic * fundamental - reach));
            harmonicTo[index][harmonic - 1] = upper(harmonic, fundamental);
            double gap = (harmonic - 0.5) * fundamental;
            gapFrom[index][harmonic - 1] = Math.max(1, (int) Math.ceil(gap - reach));
            gapTo[index][harmonic - 1] = Math.max(1, (int) Math.floor(gap + reach));
        }
    }

    private static int upper(int harmonic, double fundamentalBins) {
        return (int) Math.floor(harmonic * fundamentalBins + Math.max(0.5, SEARCH_WIDTH * harmonic * fundamentalBins));
    }

    /**
     * The dominant fundamental of {@code magnitudes} (one frame, bins 0 to frameSize / 2) in hertz,
     * or 0 when the frame has no clear pitch.
     */
    double estimate(float[] magnitudes) {
        for (int bin = evidenceFrom; bin <= evidenceTo; bin++) {
            // A square root keeps loud partials from outvoting the rest of the series.
            evidence[bin] = (float) Math.sqrt(magnitudes[bin]) * tilt[bin];
        }
        int best = -1;
        double bestScore = 0;
        for (int index = 0; index < candidates.length; index++) {
            double score = score(index, -1);
            if (score > bestScore) {
                best = index;
                bestScore = score;
            }
        }
        boolean clear = best >= 0 && bestScore >= CLARITY * runningScore
                && bestScore >= HARMONICITY * score(best, 1);
        runningScore = runningScore * runningDecay + bestScore * (1 - runningDecay);
        return clear ? candidates[best] : 0;
    }

    /** The weighted sum over harmonics of the strongest evidence at each plus {@code gapSign} times that in the gap below. */
    private double score(int index, int gapSign) {
        int[] from = harmonicFrom[index];
        int[] to = harmonicTo[index];
        double sum = 0;
        double weight = 1;
        for (int harmonic = 0; harmonic < from.length; harmonic++) {
            float peak = strongest(from[harmonic], to[harmonic]);
            float gap = strongest(gapFrom[index][harmonic], gapTo[index][harmonic]);
            sum += weight * (peak + gapSign * gap);
            weight *= HARMONIC_DECAY;
        }
        return sum;
    }

    private float strongest(int from, int to) {
        float strongest = 0;
        for (int bin = from; bin <= to; bin++) {
            strongest = Math.max(strongest, evidence[bin]);
        }
        return strongest;
    }

    /**
     * Fills {@code weights[from..to]} with 1 at the harmonics of {@code fundamental} (hertz),
     * falling to 0 over a half-width that grows with the harmonic's frequency (vibrato moves upper
     * harmonics further), and 0 between harmonics.
     */
    void comb(double fundamental, int from, int to, float[] weights) {
        double narrowest = NARROWEST_BINS * binHz;
        double widest = WIDEST * fundamental;
        for (int bin = from; bin <= to; bin++) {
            double hertz = bin * binHz;
            long harmonic = Math.max(1, Math.round(hertz / fundamental));
            double distance = Math.abs(hertz - harmonic * fundamental);
            double width = Math.min(widest, Math.max(narrowest, VIBRATO * harmonic * fundamental));
            weights[bin] = distance >= width ? 0 : (float) (0.5 + 0.5 * Math.cos(Math.PI * distance / width));
        }
    }
}
