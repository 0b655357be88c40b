package app.chorus.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.FloatFFT_1D;
import org.junit.jupiter.api.Test;

/**
 * The built-in separator on mono input, where only harmonic/percussive and pitch cues are left,
 * and those two cues on their own, on signals whose answer is known.
 */
class MonoSeparationTest {
    private static final int RATE = 44_100;
    private static final int FRAME = CentreSeparator.FRAME;

    @Test
    void aMonoMixComesOutFarBetterThanDoingNothingWithTheVocalWhereTheVoiceSings() {
        int length = RATE * 8;
        float[] voice = voice(length, 0.4);
        float[] accompaniment = band(length, 0.05);
        float[] mix = add(voice, accompaniment);

        float[][] out = separate(mix, 777);

        assertThat(out[1]).as("mono in, the same vocal on both sides").isEqualTo(out[0]);
        assertThat(out[3]).isEqualTo(out[2]);
        double baseline = SeparationTest.sdr(accompaniment, mix);
        double separated = SeparationTest.sdr(accompaniment, out[2]);
        assertThat(separated).as("accompaniment SDR %.1f dB against %.1f dB doing nothing", separated, baseline)
                .isGreaterThan(baseline + 6);
        assertThat(SeparationTest.sdr(voice, out[0])).isGreaterThan(SeparationTest.sdr(voice, mix) + 6);
        // Sung from 0 to 0.6 s of each second, silent from 0.6 to 1: compare the middles of both.
        double sung = 0;
        double silent = 0;
        for (int second = 1; second < 8; second++) {
            sung += power(out[0], (int) ((second + 0.1) * RATE), (int) ((second + 0.5) * RATE));
            silent += power(out[0], (int) ((second + 0.7) * RATE), (int) ((second + 0.9) * RATE));
        }
        assertThat(10 * Math.log10(silent / sung)).as("vocal stem between phrases against within them, dB").isLessThan(-11);
    }

    @Test
    void inMonoTheDrumsStayInTheAccompaniment() {
        int length = RATE * 6;
        float[] voice = voice(length, 0);
        float[] withDrums = band(length, 0.25);
        float[] drums = new float[length];
        float[] withoutDrums = band(length, 0);
        for (int index = 0; index < length; index++) {
            drums[index] = withDrums[index] - withoutDrums[index];
        }

        float[][] out = separate(add(voice, withDrums), 777);

        // The voice stops below 6 kHz: above it, whatever the vocal stem holds during a hit is drums.
        double leaked = highBandEnergyDuringHits(out[0]);
        double hits = highBandEnergyDuringHits(drums);
        assertThat(10 * Math.log10(leaked / hits)).as("drums above the voice, vocal stem against the drums, dB").isLessThan(-15);
    }

    @Test
    void monoOutputLinesUpWithTheInputWhateverTheChunksAndAddsUpToTheMix() {
        Random random = new Random(5);
        int length = RATE * 3 + 321;
        float[] mix = add(voice(length, 0.3), band(length, 0.1));
        for (int index = 0; index < length; index++) {
            mix[index] += (float) (0.01 * random.nextGaussian());
        }

        float[][] inSmallChunks = separate(mix, 777);
        float[][] inOneGo = separate(mix, length);

        assertThat(inSmallChunks[0]).hasSize(length);
        for (int index = 0; index < length; index++) {
            assertThat(inSmallChunks[0][index] + inSmallChunks[2][index]).as("at %d", index).isCloseTo(mix[index], within(1e-4f));
        }
        for (int stem = 0; stem < 4; stem++) {
            assertThat(inOneGo[stem]).as("stem %d", stem).isEqualTo(inSmallChunks[stem]);
        }
    }

    @Test
    void aSteadyToneIsHarmonicAndAClickIsPercussiveInTheFrameItFalls() {
        int bins = FRAME / 2 + 1;
        HarmonicPercussive filter = new HarmonicPercussive(bins, 10, 1_000, 3, 12);
        float[] mask = new float[bins];
        float[] harmonic = new float[bins];
        for (int frame = 0; frame <= 13; frame++) {
            float[] magnitudes = new float[bins];
            magnitudes[200] = 10;
            if (frame == 10) {
                java.util.Arrays.fill(magnitudes, 10, 1_001, 4);
                magnitudes[200] = 10;
            }
            filter.add(magnitudes);
        }

        // Three frames after the click the window is centred on it.
        filter.harmonicMask(mask, harmonic);

        assertThat(mask[200]).as("the tone").isGreaterThan(0.8f);
        assertThat(harmonic[200]).isGreaterThan(8f);
        assertThat(mask[500]).as("the click, away from the tone").isLessThan(0.05f);
        assertThat(harmonic[500]).isLessThan(0.2f);
    }

    @Test
    void thePitchIsTheSungFundamentalEvenWhenItIsMissingAndNotAnOctaveOff() {
        PitchTracker tracker = new PitchTracker(RATE, FRAME, CentreSeparator.HOP);

        for (double fundamental : new double[] {110, 196, 311, 523}) {
            // The voice's fundamental left out, a bass an octave below it.
            double estimate = tracker.estimate(magnitudes(fundamental, 2, 0.5));

            assertThat(estimate).as("for %.0f Hz", fundamental).isCloseTo(fundamental, within(fundamental * 0.02));
        }
    }

    @Test
    void noiseAfterSingingHasNoPitchAndTheCombFollowsTheHarmonics() {
        PitchTracker tracker = new PitchTracker(RATE, FRAME, CentreSeparator.HOP);
        for (int frame = 0; frame < 40; frame++) {
            tracker.estimate(magnitudes(220, 1, 0));
        }
        Random random = new Random(1);
        float[] noise = new float[FRAME / 2 + 1];
        for (int bin = 0; bin < noise.length; bin++) {
            noise[bin] = (float) Math.abs(random.nextGaussian() * 300);
        }

        assertThat(tracker.estimate(noise)).isZero();

        float[] comb = new float[FRAME / 2 + 1];
        tracker.comb(220, 1, FRAME / 2, comb);
        double binHz = RATE / (double) FRAME;
        assertThat(comb[(int) Math.round(440 / binHz)]).isGreaterThan(0.9f);
        assertThat(comb[(int) Math.round(550 / binHz)]).as("between the 2nd and 3rd harmonics").isZero();
        assertThat(comb[(int) Math.round(50 / binHz)]).as("below the fundamental").isZero();
    }

    /**
     * The magnitude spectrum of one Hann-windowed frame of a voice-like harmonic sound from
     * harmonic {@code firstHarmonic} up, plus a bass an octave below at {@code bass} of its level.
     */
    private static float[] magnitudes(double fundamental, int firstHarmonic, double bass) {
        float[] frame = new float[FRAME];
        for (int index = 0; index < FRAME; index++) {
            double t = index / (double) RATE;
            double sample = bass * Math.sin(2 * Math.PI * fundamental / 2 * t);
            for (int harmonic = firstHarmonic; harmonic * fundamental < 6_000; harmonic++) {
                sample += Math.sin(2 * Math.PI * harmonic * fundamental * t) / Math.sqrt(harmonic);
            }
            frame[index] = (float) (sample * (0.5 - 0.5 * Math.cos(2 * Math.PI * index / FRAME)));
        }
        new FloatFFT_1D(FRAME).realForward(frame);
        float[] magnitudes = new float[FRAME / 2 + 1];
        for (int bin = 1; bin < FRAME / 2; bin++) {
            magnitudes[bin] = (float) Math.hypot(frame[2 * bin], frame[2 * bin + 1]);
        }
        return magnitudes;
    }

    /**
     * A sung line: a harmonic voice below 6 kHz with vowel formants and 5.5 Hz vibrato, moving by
     * scale steps every half second, silent for the last {@code gapSeconds} of every second.
     */
    private static float[] voice(int length, double gapSeconds) {
        int[] steps = {0, 4, 7, 5, 2, 9, 7, 0};
        float[] voice = new float[length];
        double phase = 0;
        for (int index = 0; index < length; index++) {
            double t = index / (double) RATE;
            double f0 = 220 * Math.pow(2, steps[(int) (t * 2) % steps.length] / 12.0) * (1 + 0.012 * Math.sin(2 * Math.PI * 5.5 * t));
            phase += 2 * Math.PI * f0 / RATE;
            double inSecond = t % 1;
            double sung = 1 - gapSeconds;
            double envelope = inSecond >= sung ? 0 : Math.min(1, inSecond / 0.02) * Math.min(1, (sung - inSecond) / 0.02);
            double sample = 0;
            for (int harmonic = 1; f0 * harmonic < 6_000; harmonic++) {
                double frequency = f0 * harmonic;
                double formants = Math.exp(-Math.pow((frequency - 700) / 300, 2)) + 0.6 * Math.exp(-Math.pow((frequency - 1200) / 400, 2)) + 0.1;
                sample += formants * Math.sin(harmonic * phase) / harmonic;
            }
            voice[index] = (float) (0.3 * envelope * sample);
        }
        return voice;
    }

    /** Steady chords in C over a bass on A (harmonic, off the voice's notes), and noise-burst drums every quarter second. */
    private static float[] band(int length, double drums) {
        Random random = new Random(7);
        float[] band = new float[length];
        for (int index = 0; index < length; index++) {
            double t = index / (double) RATE;
            double sample = 0.15 * Math.sin(2 * Math.PI * 110 * t) + 0.05 * Math.sin(2 * Math.PI * 220 * t);
            for (double frequency : new double[] {261.6, 329.6, 392}) {
                sample += 0.05 * Math.sin(2 * Math.PI * frequency * t) + 0.02 * Math.sin(4 * Math.PI * frequency * t);
            }
            sample += drums * random.nextGaussian() * Math.exp(-(t % 0.25) * 40);
            band[index] = (float) sample;
        }
        return band;
    }

    /** Energy between 6.5 and 10 kHz in the first 23 ms of each drum hit after the first second. */
    private static double highBandEnergyDuringHits(float[] signal) {
        int size = 1_024;
        DoubleFFT_1D fft = new DoubleFFT_1D(size);
        double energy = 0;
        for (int start = RATE; start + size < signal.length; start += RATE / 4) {
            double[] frame = new double[size];
            for (int index = 0; index < size; index++) {
                frame[index] = signal[start + index] * (0.5 - 0.5 * Math.cos(2 * Math.PI * index / size));
            }
            fft.realForward(frame);
            for (int bin = (int) (6_500.0 * size / RATE); bin <= (int) (10_000.0 * size / RATE); bin++) {
                energy += frame[2 * bin] * frame[2 * bin] + frame[2 * bin + 1] * frame[2 * bin + 1];
            }
        }
        return energy;
    }

    /** Runs the separator on a mono signal fed in pieces of {@code chunk}; returns {vocalL, vocalR, accL, accR}. */
    private static float[][] separate(float[] mono, int chunk) {
        return CentreSeparator.separate(RATE, mono, mono, chunk);
    }

    private static double power(float[] signal, int from, int to) {
        double sum = 0;
        for (int index = from; index < to; index++) {
            sum += signal[index] * signal[index];
        }
        return sum / (to - from);
    }

    private static float[] add(float[] first, float[] second) {
        float[] sum = new float[first.length];
        for (int index = 0; index < first.length; index++) {
            sum[index] = first[index] + second[index];
        }
        return sum;
    }
}
