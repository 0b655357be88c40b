package app.chorus.audio;

/**
 * Median-filtering harmonic/percussive separation (Fitzgerald, 2010) for a stream of magnitude
 * spectra. A harmonic sound is steady over time and narrow in frequency, a percussive one short
 * and broad: a median over time at each bin keeps the first and drops the second, a median over
 * frequency within the frame does the opposite. The soft mask compares the two, Wiener-like.
 *
 * <p>The time median looks {@code reach} frames ahead, so the mask is always for the frame added
 * {@code reach} frames ago (the centre of the window); the caller delays its frames to match.
 * Memory is the window's {@code 2 * reach + 1} frames. Not thread-safe.
 */
final class HarmonicPercussive {
    private static final float EPSILON = 1e-12f;

    private final int bins;
    private final int from;
    private final int to;
    private final int reach;
    private final int frequencyReach;
    private final float[][] window;
    private final float[] overTime;
    private final Median overFrequency;
    private long added;

    /**
     * @param bins           the length of each magnitude spectrum
     * @param from           the first bin the mask is wanted for
     * @param to             the last bin the mask is wanted for
     * @param reach          frames before and after the centre frame in the time median
     * @param frequencyReach bins either side of a bin in the frequency median
     */
    HarmonicPercussive(int bins, int from, int to, int reach, int frequencyReach) {
        this.bins = bins;
        this.from = from;
        this.to = to;
        this.reach = reach;
        this.frequencyReach = frequencyReach;
        this.window = new float[2 * reach + 1][bins];
        this.overTime = new float[window.length];
        this.overFrequency = new Median(2 * frequencyReach + 1);
    }

    /**
     * Takes the next frame's magnitudes (copied; only bins {@code from - frequencyReach} to
     * {@code to + frequencyReach} are used); before the first, the window holds silence.
     */
    void add(float[] magnitudes) {
        System.arraycopy(magnitudes, 0, window[(int) (added % window.length)], 0, bins);
        added++;
    }

    /**
     * Fills {@code mask[from..to]} with the centre frame's harmonic share, 0 (percussive) to 1
     * (harmonic), and {@code harmonicMagnitudes[from..to]} with its magnitudes times that share.
     */
    void harmonicMask(float[] mask, float[] harmonicMagnitudes) {
        float[] centre = window[(int) Math.floorMod(added - 1 - reach, (long) window.length)];
        overFrequency.clear();
        // One bin more on the left than the first window holds: the loop's first step drops it.
        for (int bin = Math.max(0, from - frequencyReach - 1); bin < Math.min(bins, from + frequencyReach); bin++) {
            overFrequency.add(centre[bin]);
        }
        for (int bin = from; bin <= to; bin++) {
            if (bin - frequencyReach - 1 >= 0) {
                overFrequency.remove(centre[bin - frequencyReach - 1]);
            }
            if (bin + frequencyReach < bins) {
                overFrequency.add(centre[bin + frequencyReach]);
            }
            for (int frame = 0; frame < window.length; frame++) {
                overTime[frame] = window[frame][bin];
            }
            float harmonic = Median.sortAndTakeMiddle(overTime, window.length);
            float percussive = overFrequency.value();
            float harmonicPower = harmonic * harmonic;
            float share = harmonicPower / (harmonicPower + percussive * percussive + EPSILON);
            mask[bin] = share;
            harmonicMagnitudes[bin] = centre[bin] * share;
        }
    }
}
