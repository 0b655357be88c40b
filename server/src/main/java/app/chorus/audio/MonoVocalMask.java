package app.chorus.audio;

import java.util.Arrays;

/**
 * The vocal mask for mono input, where centre and sides cannot be told apart: each bin's harmonic
 * share ({@link HarmonicPercussive}: a voice is harmonic, drums are not), kept near the harmonics
 * of the frame's dominant pitch ({@link PitchTracker}: the voice is the leading harmonic series),
 * and limited to the vocal range. Without a clear pitch only a little of the harmonic share
 * stays.
 *
 * <p>Frames go in newest first through {@link #add}; {@link #compute} gives the mask of the frame
 * {@code lookahead} frames behind, whose time median is complete. Not thread-safe.
 */
final class MonoVocalMask {
    /** Bins either side in the percussive frequency median: about 130 Hz each way at 44.1 kHz. */
    private static final int PERCUSSIVE_REACH = 12;
    /** The share of the harmonic part kept in frames without a clear pitch. */
    private static final float NO_PITCH = 0.3f;

    private final float[] band;
    private final int firstBin;
    private final int lastBin;
    private final HarmonicPercussive harmonicPercussive;
    private final PitchTracker pitchTracker;
    private final float[] harmonicShare;
    private final float[] harmonicMagnitudes;
    private final float[] comb;

    /**
     * @param band      per bin, 0 outside the vocal range to 1 inside it
     * @param lookahead frames the time median looks ahead, and back
     */
    MonoVocalMask(int sampleRate, int frameSize, int hop, float[] band, int lookahead) {
        this.band = band;
        int first = 1;
        while (first < band.length - 1 && band[first] == 0) {
            first++;
        }
        int last = band.length - 2;
        while (last >= first && band[last] == 0) {
            last--;
        }
        this.firstBin = first;
        this.lastBin = last;
        this.harmonicPercussive = new HarmonicPercussive(band.length, first, last, lookahead, PERCUSSIVE_REACH);
        this.pitchTracker = new PitchTracker(sampleRate, frameSize, hop);
        this.harmonicShare = new float[band.length];
        this.harmonicMagnitudes = new float[band.length];
        this.comb = new float[band.length];
    }

    /** Takes the magnitudes of the newest frame (copied). */
    void add(float[] magnitudes) {
        harmonicPercussive.add(magnitudes);
    }

    /** Writes the mask of the frame {@code lookahead} frames behind the newest into {@code mask}. */
    void compute(float[] mask) {
        Arrays.fill(mask, 0);
        if (lastBin < firstBin) {
            return;
        }
        harmonicPercussive.harmonicMask(harmonicShare, harmonicMagnitudes);
        double fundamental = pitchTracker.estimate(harmonicMagnitudes);
        if (fundamental > 0) {
            pitchTracker.comb(fundamental, firstBin, lastBin, comb);
        } else {
            Arrays.fill(comb, NO_PITCH);
        }
        for (int bin = firstBin; bin <= lastBin; bin++) {
            mask[bin] = harmonicShare[bin] * comb[bin] * band[bin];
        }
    }
}
