package app.chorus.audio;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * The built-in vocal separator: a streaming short-time Fourier transform (4096-point Hann frames,
 * hop 1024) that estimates the lead vocal as the centre-panned, phase-coherent part of a stereo
 * mix within the vocal range, with a soft time-frequency mask smoothed over time and frequency.
 * The accompaniment is the mix minus that estimate, per channel, so the two always add up to the
 * mix. For mono input (nothing to tell centre from sides) the mask instead takes the harmonic
 * part (harmonic/percussive median filtering) near the harmonics of the frame's dominant pitch
 * ({@link MonoVocalMask}), a weaker cue.
 *
 * <p>Memory is a few frames whatever the length of the song: samples go in with {@link #push} and
 * come out through the {@link Sink}, sample-aligned with the input and exactly as many. Each
 * frame is separated three frames late, once the mono mask's time median has seen the frames
 * after it; the output drops that latency along with the first frame's head. One instance per
 * stream; not thread-safe.
 */
public final class CentreSeparator {
    /** Receives separated audio in order; arrays are reused after the call returns. */
    public interface Sink {
        void accept(float[] vocalLeft, float[] vocalRight, float[] accompanimentLeft, float[] accompanimentRight, int count);
    }

    static final int FRAME = 4096;
    static final int HOP = 1024;
    /** Frames the mono mask's time median looks ahead, and back: about 70 ms each way at 44.1 kHz. */
    static final int LOOKAHEAD = 3;
    private static final float EPSILON = 1e-12f;

    private final Sink sink;
    private final float[] window = new float[FRAME];
    private final FloatFFT_1D fft = new FloatFFT_1D(FRAME);
    private final float[] band;
    private final float[] inLeft = new float[FRAME];
    private final float[] inRight = new float[FRAME];
    private int filled;
    /** The spectra of the last LOOKAHEAD + 1 frames, so the mask can wait for the look-ahead. */
    private final float[][] spectraLeft = new float[LOOKAHEAD + 1][FRAME];
    private final float[][] spectraRight = new float[LOOKAHEAD + 1][FRAME];
    private long frames;
    /** The spectra of the frame being separated, LOOKAHEAD frames behind the newest. */
    private float[] left;
    private float[] right;
    private final float[] magnitudes = new float[FRAME / 2 + 1];
    private final MonoVocalMask monoMask;
    private final float[] vocal = new float[FRAME];
    private final float[] accLeft = new float[FRAME];
    private final float[] accRight = new float[FRAME];
    private final float[] mask = new float[FRAME / 2 + 1];
    private final float[] smoothed = new float[FRAME / 2 + 1];
    private final float[] previousMask = new float[FRAME / 2 + 1];
    private final float[] outVocal = new float[FRAME];
    private final float[] outLeft = new float[FRAME];
    private final float[] outRight = new float[FRAME];
    private final float[] emitVocalLeft = new float[HOP];
    private final float[] emitVocalRight = new float[HOP];
    private final float[] emitAccLeft = new float[HOP];
    private final float[] emitAccRight = new float[HOP];
    private long pushed;
    private long emitted;
    /** The output that precedes the input: the first frame's head and the look-ahead. */
    private long toSkip = FRAME - HOP + (long) LOOKAHEAD * HOP;
    /** The number of real input samples, once {@link #finish} pads with silence. */
    private long limit = Long.MAX_VALUE;
    private final float normalisation;

    public CentreSeparator(int sampleRate, Sink sink) {
        this.sink = sink;
        float squares = 0;
        for (int index = 0; index < FRAME; index++) {
            window[index] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * index / FRAME));
            squares += window[index] * window[index];
        }
        // Hann analysis and synthesis at 75% overlap add up to a constant: divide it out.
        this.normalisation = HOP / squares;
        this.band = new float[FRAME / 2 + 1];
        for (int bin = 0; bin <= FRAME / 2; bin++) {
            double hertz = bin * (double) sampleRate / FRAME;
            band[bin] = (float) (ramp(hertz, 90, 180) * (1 - ramp(hertz, 7_000, 11_000)));
        }
        this.monoMask = new MonoVocalMask(sampleRate, FRAME, HOP, band, LOOKAHEAD);
        // The first frame ends where the input starts: the output lines up with the input.
        filled = FRAME - HOP;
    }

    /**
     * Separates a whole signal held in memory, fed in pieces of {@code chunk} samples; returns
     * {vocal left, vocal right, accompaniment left, accompaniment right}, each as long as the input.
     */
    public static float[][] separate(int sampleRate, float[] left, float[] right, int chunk) {
        float[][] out = new float[4][left.length];
        int[] written = {0};
        CentreSeparator separator = new CentreSeparator(sampleRate, (vocalLeft, vocalRight, accLeft, accRight, count) -> {
            System.arraycopy(vocalLeft, 0, out[0], written[0], count);
            System.arraycopy(vocalRight, 0, out[1], written[0], count);
            System.arraycopy(accLeft, 0, out[2], written[0], count);
            System.arraycopy(accRight, 0, out[3], written[0], count);
            written[0] += count;
        });
        for (int start = 0; start < left.length; start += chunk) {
            int count = Math.min(chunk, left.length - start);
            separator.push(java.util.Arrays.copyOfRange(left, start, start + count),
                    java.util.Arrays.copyOfRange(right, start, start + count), count);
        }
        separator.finish();
        if (written[0] != left.length) {
            throw new IllegalStateException("The separator gave " + written[0] + " samples for " + left.length);
        }
        return out;
    }

    /** Adds {@code count} samples per channel (use the same array twice for mono). */
    public void push(float[] leftIn, float[] rightIn, int count) {
        int offset = 0;
        while (offset < count) {
            int take = Math.min(FRAME - filled, count - offset);
            System.arraycopy(leftIn, offset, inLeft, filled, take);
            System.arraycopy(rightIn, offset, inRight, filled, take);
            filled += take;
            offset += take;
            pushed += take;
            if (filled == FRAME) {
                processFrame();
                System.arraycopy(inLeft, HOP, inLeft, 0, FRAME - HOP);
                System.arraycopy(inRight, HOP, inRight, 0, FRAME - HOP);
                filled = FRAME - HOP;
            }
        }
    }

    /** Pushes silence until every input sample has come out. */
    public void finish() {
        limit = pushed;
        float[] zeros = new float[HOP];
        while (emitted < limit) {
            push(zeros, zeros, HOP);
        }
    }

    private void processFrame() {
        analyse(spectraLeft[(int) (frames % (LOOKAHEAD + 1))], spectraRight[(int) (frames % (LOOKAHEAD + 1))]);
        frames++;
        // The oldest frame held is the one whose look-ahead is now complete.
        left = spectraLeft[(int) (frames % (LOOKAHEAD + 1))];
        right = spectraRight[(int) (frames % (LOOKAHEAD + 1))];
        computeMask();
        for (int bin = 0; bin <= FRAME / 2; bin++) {
            float gain = smoothed[bin];
            if (bin == 0 || bin == FRAME / 2) {
                int at = bin == 0 ? 0 : 1;
                float mid = 0.5f * (left[at] + right[at]) * gain;
                vocal[at] = mid;
                accLeft[at] = left[at] - mid;
                accRight[at] = right[at] - mid;
                continue;
            }
            int re = 2 * bin;
            int im = re + 1;
            float midRe = 0.5f * (left[re] + right[re]) * gain;
            float midIm = 0.5f * (left[im] + right[im]) * gain;
            vocal[re] = midRe;
            vocal[im] = midIm;
            accLeft[re] = left[re] - midRe;
            accLeft[im] = left[im] - midIm;
            accRight[re] = right[re] - midRe;
            accRight[im] = right[im] - midIm;
        }
        fft.realInverse(vocal, true);
        fft.realInverse(accLeft, true);
        fft.realInverse(accRight, true);
        for (int index = 0; index < FRAME; index++) {
            float synthesis = window[index] * normalisation;
            outVocal[index] += vocal[index] * synthesis;
            outLeft[index] += accLeft[index] * synthesis;
            outRight[index] += accRight[index] * synthesis;
        }
        emit();
    }

    /** Transforms the newest frame into the given arrays and gives its mid magnitudes to the mono mask. */
    private void analyse(float[] newestLeft, float[] newestRight) {
        for (int index = 0; index < FRAME; index++) {
            newestLeft[index] = inLeft[index] * window[index];
            newestRight[index] = inRight[index] * window[index];
        }
        fft.realForward(newestLeft);
        fft.realForward(newestRight);
        for (int bin = 1; bin < FRAME / 2; bin++) {
            float midRe = 0.5f * (newestLeft[2 * bin] + newestRight[2 * bin]);
            float midIm = 0.5f * (newestLeft[2 * bin + 1] + newestRight[2 * bin + 1]);
            magnitudes[bin] = (float) Math.sqrt(midRe * midRe + midIm * midIm);
        }
        monoMask.add(magnitudes);
    }

    /** The soft vocal mask of this frame, smoothed across neighbouring bins and with the previous frame. */
    private void computeMask() {
        double sideEnergy = 0;
        double midEnergy = 0;
        for (int bin = 1; bin < FRAME / 2; bin++) {
            float lr = left[2 * bin];
            float li = left[2 * bin + 1];
            float rr = right[2 * bin];
            float ri = right[2 * bin + 1];
            sideEnergy += sq(lr - rr) + sq(li - ri);
            midEnergy += sq(lr + rr) + sq(li + ri);
        }
        if (sideEnergy < 1e-6 * midEnergy) {
            monoMask.compute(mask);
        } else {
            computeCentreMask();
        }
        mask[0] = 0;
        mask[FRAME / 2] = 0;
        for (int bin = 0; bin <= FRAME / 2; bin++) {
            float across = mask[bin];
            int count = 1;
            if (bin > 0) {
                across += mask[bin - 1];
                count++;
            }
            if (bin < FRAME / 2) {
                across += mask[bin + 1];
                count++;
            }
            float current = across / count;
            smoothed[bin] = 0.7f * current + 0.3f * previousMask[bin];
            previousMask[bin] = current;
        }
    }

    /** For stereo: how coherent and how centred each bin is between the channels. */
    private void computeCentreMask() {
        for (int bin = 1; bin < FRAME / 2; bin++) {
            float lr = left[2 * bin];
            float li = left[2 * bin + 1];
            float rr = right[2 * bin];
            float ri = right[2 * bin + 1];
            float leftPower = lr * lr + li * li;
            float rightPower = rr * rr + ri * ri;
            // |L R*|: equal for identical channels, small for unrelated ones.
            float crossRe = lr * rr + li * ri;
            float crossIm = li * rr - lr * ri;
            float coherence = (float) (2 * Math.sqrt(crossRe * crossRe + crossIm * crossIm) / (leftPower + rightPower + EPSILON));
            float leftMagnitude = (float) Math.sqrt(leftPower);
            float rightMagnitude = (float) Math.sqrt(rightPower);
            float pan = Math.abs(leftMagnitude - rightMagnitude) / (leftMagnitude + rightMagnitude + EPSILON);
            float centred = (float) Math.pow(Math.max(0, 1 - pan), 4);
            float value = smoothstep((coherence - 0.75f) / 0.25f) * centred;
            mask[bin] = value * band[bin];
        }
    }

    /** Sends the samples no later frame will add to, dropping the head that precedes the input. */
    private void emit() {
        int count = HOP;
        int start = 0;
        if (toSkip > 0) {
            int skip = (int) Math.min(toSkip, count);
            toSkip -= skip;
            start = skip;
        }
        long remaining = Math.min(pushed, limit) - emitted;
        int out = (int) Math.max(0, Math.min(count - start, remaining));
        for (int index = 0; index < out; index++) {
            float value = outVocal[start + index];
            emitVocalLeft[index] = value;
            emitVocalRight[index] = value;
            emitAccLeft[index] = outLeft[start + index];
            emitAccRight[index] = outRight[start + index];
        }
        if (out > 0) {
            sink.accept(emitVocalLeft, emitVocalRight, emitAccLeft, emitAccRight, out);
            emitted += out;
        }
        System.arraycopy(outVocal, HOP, outVocal, 0, FRAME - HOP);
        System.arraycopy(outLeft, HOP, outLeft, 0, FRAME - HOP);
        System.arraycopy(outRight, HOP, outRight, 0, FRAME - HOP);
        java.util.Arrays.fill(outVocal, FRAME - HOP, FRAME, 0);
        java.util.Arrays.fill(outLeft, FRAME - HOP, FRAME, 0);
        java.util.Arrays.fill(outRight, FRAME - HOP, FRAME, 0);
    }

    private static float sq(float value) {
        return value * value;
    }

    private static float smoothstep(float x) {
        float t = Math.max(0, Math.min(1, x));
        return t * t * (3 - 2 * t);
    }

    private static double ramp(double value, double from, double to) {
        return Math.max(0, Math.min(1, (value - from) / (to - from)));
    }
}
