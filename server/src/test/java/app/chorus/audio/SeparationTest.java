package app.chorus.audio;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.TestMedia;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in separator and the loudness meter, on signals whose answer is known. */
class SeparationTest {
    private static final int RATE = 44_100;

    @TempDir
    Path folder;

    /** Runs the separator over a whole signal (which fails unless every sample comes out); returns {vocalL, vocalR, accL, accR}. */
    private static float[][] separate(float[] left, float[] right) {
        // Odd chunk sizes on purpose: the result must not depend on how the input is cut.
        return CentreSeparator.separate(RATE, left, right, 777);
    }

    /** Signal-to-distortion ratio of an estimate, in dB. */
    static double sdr(float[] reference, float[] estimate) {
        double signal = 0;
        double error = 0;
        for (int index = 0; index < reference.length; index++) {
            signal += reference[index] * reference[index];
            double difference = reference[index] - estimate[index];
            error += difference * difference;
        }
        return 10 * Math.log10(signal / Math.max(error, 1e-20));
    }

    @Test
    void vocalAndAccompanimentAddUpToTheMixSampleForSample() {
        Random random = new Random(3);
        float[] left = new float[RATE * 2 + 123];
        float[] right = new float[left.length];
        for (int index = 0; index < left.length; index++) {
            left[index] = (float) (random.nextGaussian() * 0.1);
            right[index] = (float) (random.nextGaussian() * 0.1 + left[index] * 0.5);
        }

        float[][] out = separate(left, right);

        for (int index = 0; index < left.length; index++) {
            assertThat(out[0][index] + out[2][index]).as("left at %d", index).isCloseTo(left[index], org.assertj.core.data.Offset.offset(1e-4f));
            assertThat(out[1][index] + out[3][index]).as("right at %d", index).isCloseTo(right[index], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void aCentredVoiceOverSidePannedInstrumentsComesOutFarBetterThanDoingNothing() {
        int length = RATE * 8;
        float[] voice = new float[length];
        float[] accLeft = new float[length];
        float[] accRight = new float[length];
        double phase = 0;
        for (int index = 0; index < length; index++) {
            double t = index / (double) RATE;
            double f0 = 220 * Math.pow(2, Math.floor(t) % 5 / 12.0) * (1 + 0.01 * Math.sin(2 * Math.PI * 5.5 * t));
            phase += 2 * Math.PI * f0 / RATE;
            double sample = 0;
            for (int harmonic = 1; harmonic <= 12; harmonic++) {
                double frequency = f0 * harmonic;
                double formants = Math.exp(-Math.pow((frequency - 700) / 300, 2)) + 0.6 * Math.exp(-Math.pow((frequency - 1200) / 400, 2)) + 0.1;
                sample += formants * Math.sin(harmonic * phase) / harmonic;
            }
            voice[index] = (float) (0.25 * sample);
            accLeft[index] = (float) (0.2 * Math.sin(2 * Math.PI * 261.6 * t) + 0.15 * Math.sin(2 * Math.PI * 392 * t));
            accRight[index] = (float) (0.2 * Math.sin(2 * Math.PI * 329.6 * t) + 0.15 * Math.sin(2 * Math.PI * 493.9 * t));
        }
        float[] left = new float[length];
        float[] right = new float[length];
        for (int index = 0; index < length; index++) {
            left[index] = voice[index] + accLeft[index];
            right[index] = voice[index] + accRight[index];
        }

        float[][] out = separate(left, right);

        double baseline = (sdr(accLeft, left) + sdr(accRight, right)) / 2;
        double separated = (sdr(accLeft, out[2]) + sdr(accRight, out[3])) / 2;
        assertThat(separated).as("accompaniment SDR %.1f dB against %.1f dB doing nothing", separated, baseline)
                .isGreaterThan(baseline + 3);
        assertThat(sdr(voice, out[0])).isGreaterThan(sdr(voice, left) + 3);
    }

    @Test
    void loudnessFollowsBs1770ForASine() {
        Loudness meter = new Loudness(48_000, 2);
        Loudness quieter = new Loudness(48_000, 2);
        Loudness silence = new Loudness(48_000, 2);
        float[] frame = new float[2];
        for (int index = 0; index < 48_000 * 5; index++) {
            float value = (float) (0.1 * Math.sin(2 * Math.PI * 997 * index / 48_000.0));
            frame[0] = value;
            frame[1] = value;
            meter.add(frame);
            frame[0] = value / 2;
            frame[1] = value / 2;
            quieter.add(frame);
            frame[0] = 0;
            frame[1] = 0;
            silence.add(frame);
        }

        assertThat(meter.integrated()).isCloseTo(-20.0, org.assertj.core.data.Offset.offset(0.2));
        assertThat(meter.integrated() - quieter.integrated()).isCloseTo(6.02, org.assertj.core.data.Offset.offset(0.05));
        assertThat(silence.integrated()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void stemsAreEncodedAsPlayableAudioOfTheSongsLength() throws Exception {
        Path song = TestMedia.write(folder.resolve("song.flac"), TestMedia.Kind.FLAC, 6.0);

        StemSplitter.Stems stems = new StemSplitter().split(song, folder, share -> { });

        MediaProbe probe = new MediaProbe();
        for (Path stem : new Path[] {stems.vocals(), stems.accompaniment()}) {
            MediaInfo info = probe.probe(stem, share -> { });
            assertThat(info.audioCodec()).isEqualTo("aac");
            assertThat(info.channels()).isEqualTo(2);
            assertThat(info.durationMs()).as(stem.toString()).isBetween(5_900L, 6_150L);
        }
        assertThat(stems.durationMs()).isBetween(5_950L, 6_050L);
        assertThat(stems.originalLufs()).isBetween(-30.0, -5.0);
        assertThat(folder.resolve("vocals.f32")).doesNotExist();
    }
}
