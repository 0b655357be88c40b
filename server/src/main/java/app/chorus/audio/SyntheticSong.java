package app.chorus.audio;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * A stereo song whose parts are known: a voice-like lead (a melody with vibrato, vowel formants
 * and note envelopes, centre-panned, with a little stereo reverb) over an accompaniment of bass,
 * drums and two chord instruments spread across the stereo field. The separation benchmark
 * measures against its parts; the demo song is one. The melody sings in phrases of four beats,
 * the last of eight half-beat notes being a rest.
 *
 * @param vocalLeft     the lead as mixed (dry and reverb), left channel; and so on
 * @param phraseSeconds the length of one sung phrase
 */
public record SyntheticSong(String name, int sampleRate, float[] vocalLeft, float[] vocalRight, float[] accompanimentLeft,
                            float[] accompanimentRight, double phraseSeconds) {

    public float[] mixLeft() {
        return sum(vocalLeft, accompanimentLeft);
    }

    public float[] mixRight() {
        return sum(vocalRight, accompanimentRight);
    }

    public int length() {
        return vocalLeft.length;
    }

    /**
     * Encodes the mix to {@code file} with FFmpeg: {@code container} as FFmpeg names it ("mp3",
     * "ipod" for M4A), {@code codec} an {@code avcodec.AV_CODEC_ID_*}, with the given tags.
     */
    public void write(Path file, String container, int codec, Map<String, String> tags) throws IOException {
        FfmpegLog.quiet();
        float[] left = mixLeft();
        float[] right = mixRight();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 2)) {
            recorder.setFormat(container);
            recorder.setAudioCodec(codec);
            recorder.setSampleRate(sampleRate);
            recorder.setAudioBitrate(192_000);
            if (codec == avcodec.AV_CODEC_ID_AAC) {
                recorder.setAudioOption("aac_coder", "fast");
            }
            tags.forEach(recorder::setMetadata);
            recorder.start();
            float[] interleaved = new float[2 * 4096];
            for (int start = 0; start < left.length; start += 4096) {
                int count = Math.min(4096, left.length - start);
                for (int index = 0; index < count; index++) {
                    interleaved[2 * index] = Math.max(-1, Math.min(1, left[start + index]));
                    interleaved[2 * index + 1] = Math.max(-1, Math.min(1, right[start + index]));
                }
                recorder.recordSamples(sampleRate, 2, FloatBuffer.wrap(interleaved, 0, 2 * count));
            }
            recorder.stop();
        }
    }

    /**
     * @param rootHz    the key (the first scale degree)
     * @param voiceHz   where the melody sits
     * @param tempo     beats per minute
     * @param seed      for the melody, drums' noise and reverb
     */
    public static SyntheticSong create(String name, int sampleRate, double seconds, double rootHz, double voiceHz, double tempo,
                               long seed) {
        int length = (int) (seconds * sampleRate);
        Random random = new Random(seed);
        float[] dry = new float[length];
        float[] accLeft = new float[length];
        float[] accRight = new float[length];
        double beat = 60.0 / tempo;
        int[] scale = {0, 2, 4, 5, 7, 9, 11, 12};
        double[][] vowels = {{800, 1200}, {400, 2000}, {300, 870}, {500, 1700}};

        // The lead: two notes per beat, a sung vowel each, with vibrato and a soft envelope.
        double phase = 0;
        double noteLength = beat / 2;
        int notes = (int) Math.ceil(seconds / noteLength);
        int[] melody = new int[notes];
        for (int note = 0; note < notes; note++) {
            melody[note] = scale[random.nextInt(scale.length)];
        }
        for (int index = 0; index < length; index++) {
            double t = index / (double) sampleRate;
            int note = Math.min(notes - 1, (int) (t / noteLength));
            double inNote = t - note * noteLength;
            boolean resting = note % 8 == 7;
            double envelope = resting ? 0 : Math.min(1, inNote / 0.04) * Math.min(1, (noteLength - inNote) / 0.06);
            double f0 = voiceHz * Math.pow(2, melody[note] / 12.0) * (1 + 0.012 * Math.sin(2 * Math.PI * 5.5 * t));
            phase += 2 * Math.PI * f0 / sampleRate;
            double[] vowel = vowels[note % vowels.length];
            double sample = 0;
            for (int harmonic = 1; f0 * harmonic < 8_000; harmonic++) {
                double frequency = f0 * harmonic;
                double formants = Math.exp(-Math.pow((frequency - vowel[0]) / 250, 2))
                        + 0.7 * Math.exp(-Math.pow((frequency - vowel[1]) / 350, 2)) + 0.05;
                sample += formants * Math.sin(harmonic * phase) / Math.sqrt(harmonic);
            }
            sample += 0.01 * random.nextGaussian();
            dry[index] = (float) (0.18 * envelope * sample);
        }

        // Bass on the root and fifth, a little left; drums spread; chords far left and far right.
        for (int index = 0; index < length; index++) {
            double t = index / (double) sampleRate;
            int beatNumber = (int) (t / beat);
            double inBeat = t - beatNumber * beat;
            double bassHz = rootHz / 2 * (beatNumber % 4 == 2 ? 1.5 : 1);
            double bass = 0.22 * (Math.sin(2 * Math.PI * bassHz * t) + 0.3 * Math.sin(4 * Math.PI * bassHz * t))
                    * Math.exp(-inBeat * 2);
            double kick = beatNumber % 2 == 0 ? 0.35 * Math.sin(2 * Math.PI * 55 * inBeat * (1 + 2 * Math.exp(-inBeat * 30)))
                    * Math.exp(-inBeat * 12) : 0;
            double snare = beatNumber % 2 == 1 ? 0.12 * random.nextGaussian() * Math.exp(-inBeat * 18) : 0;
            double eighth = t % (beat / 2);
            double hat = 0.04 * random.nextGaussian() * Math.exp(-eighth * 60);
            int chord = (beatNumber / 4) % 4;
            double[] degrees = {0, 5, 7, 3};
            double chordRoot = rootHz * Math.pow(2, degrees[chord] / 12.0);
            double left = 0;
            double right = 0;
            for (double interval : new double[] {0, 4, 7}) {
                double frequency = chordRoot * Math.pow(2, interval / 12.0);
                left += 0.05 * (Math.sin(2 * Math.PI * frequency * t) + 0.4 * Math.sin(4 * Math.PI * frequency * t));
                right += 0.05 * (Math.sin(2 * Math.PI * frequency * 2 * t + 1) + 0.3 * Math.sin(6 * Math.PI * frequency * t));
            }
            accLeft[index] = (float) (pan(-0.3, true) * bass + pan(-0.2, true) * kick + pan(0.4, true) * snare
                    + pan(-0.6, true) * hat + 0.9 * left + 0.15 * right);
            accRight[index] = (float) (pan(-0.3, false) * bass + pan(-0.2, false) * kick + pan(0.4, false) * snare
                    + pan(-0.6, false) * hat + 0.15 * left + 0.9 * right);
        }

        // The lead, centred, with a short stereo reverb whose two sides differ.
        float[] vocalLeft = dry.clone();
        float[] vocalRight = dry.clone();
        addReverb(dry, vocalLeft, new int[] {1_307, 1_693, 2_203}, sampleRate);
        addReverb(dry, vocalRight, new int[] {1_427, 1_861, 2_399}, sampleRate);
        return new SyntheticSong(name, sampleRate, vocalLeft, vocalRight, accLeft, accRight, 4 * beat);
    }

    /** Feedback combs at the given delays (in samples at 44.1 kHz), about -16 dB below the dry voice. */
    private static void addReverb(float[] dry, float[] target, int[] delays, int sampleRate) {
        for (int delay44 : delays) {
            int delay = delay44 * sampleRate / 44_100;
            float[] comb = new float[dry.length];
            for (int index = 0; index < dry.length; index++) {
                float feedback = index >= delay ? comb[index - delay] * 0.55f : 0;
                comb[index] = dry[index] * 0.06f + feedback;
                target[index] += comb[index];
            }
        }
    }

    /** Constant-power pan gain for one side; {@code position} from -1 (left) to 1 (right). */
    private static double pan(double position, boolean left) {
        double angle = (position + 1) * Math.PI / 4;
        return (left ? Math.cos(angle) : Math.sin(angle)) * Math.sqrt(2);
    }

    private static float[] sum(float[] first, float[] second) {
        float[] result = new float[first.length];
        for (int index = 0; index < first.length; index++) {
            result[index] = first[index] + second[index];
        }
        return result;
    }
}
