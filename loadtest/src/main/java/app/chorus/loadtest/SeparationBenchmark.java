package app.chorus.loadtest;

import app.chorus.audio.CentreSeparator;
import app.chorus.audio.MediaInfo;
import app.chorus.audio.MediaProbe;
import app.chorus.audio.StemSplitter;
import app.chorus.audio.SyntheticSong;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avcodec;

/**
 * Measures the built-in vocal separation on mixes whose parts are known ({@link SyntheticSong}),
 * in stereo and folded to mono: signal-to-distortion ratio (SDR) of the vocal and the
 * accompaniment against the do-nothing baseline (the mix as the estimate of both), the
 * separator's speed in seconds per minute of audio, and the whole import work of a 4-minute MP3
 * (decode, separate, encode both stems).
 * Run with {@code loadtest/separation.sh}; the targets are accompaniment SDR at least 3 dB over
 * the baseline, and the 4-minute import within 10 s on 2 cores.
 */
public final class SeparationBenchmark {
    private static final int RATE = 44_100;
    private static final int CHUNK = 4096;

    private SeparationBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        double seconds = arguments.length > 0 ? Double.parseDouble(arguments[0]) : 30;
        new MediaProbe(); // sets FFmpeg's log level before anything is encoded
        List<SyntheticSong> songs = List.of(
                SyntheticSong.create("low voice, A, 96 bpm", RATE, seconds, 220, 110, 96, 1),
                SyntheticSong.create("high voice, C, 120 bpm", RATE, seconds, 261.6, 330, 120, 2),
                SyntheticSong.create("middle voice, E, 84 bpm", RATE, seconds, 329.6, 196, 84, 3),
                SyntheticSong.create("high voice, G, 140 bpm", RATE, seconds, 196, 392, 140, 4));

        measure("stereo mix (" + (int) seconds + " s each)", songs.stream().map(Mix::stereo).toList(), seconds);
        System.out.println();
        measure("mono mix (" + (int) seconds + " s each)", songs.stream().map(Mix::mono).toList(), seconds);
        System.out.println();

        importFourMinutes();
    }

    /**
     * The known parts of one benchmark input, per channel. A mono mix has the same signal in both
     * channels and is measured against the parts folded the same way.
     */
    private record Mix(String name, float[] vocalLeft, float[] vocalRight, float[] accompanimentLeft,
                       float[] accompanimentRight) {

        static Mix stereo(SyntheticSong song) {
            return new Mix(song.name(), song.vocalLeft(), song.vocalRight(), song.accompanimentLeft(),
                    song.accompanimentRight());
        }

        /** The same song folded to mono, (left + right) / 2, as a mono recording of it would be. */
        static Mix mono(SyntheticSong song) {
            float[] vocal = fold(song.vocalLeft(), song.vocalRight());
            float[] accompaniment = fold(song.accompanimentLeft(), song.accompanimentRight());
            return new Mix(song.name(), vocal, vocal, accompaniment, accompaniment);
        }

        float[] mixLeft() {
            return add(vocalLeft, accompanimentLeft);
        }

        float[] mixRight() {
            return vocalRight == vocalLeft && accompanimentRight == accompanimentLeft ? mixLeft()
                    : add(vocalRight, accompanimentRight);
        }

        private static float[] fold(float[] left, float[] right) {
            float[] folded = new float[left.length];
            for (int index = 0; index < left.length; index++) {
                folded[index] = 0.5f * (left[index] + right[index]);
            }
            return folded;
        }

        private static float[] add(float[] first, float[] second) {
            float[] sum = new float[first.length];
            for (int index = 0; index < first.length; index++) {
                sum[index] = first[index] + second[index];
            }
            return sum;
        }
    }

    /** Separates each mix (timed, after one untimed warm-up run) and prints its SDRs against the baseline. */
    private static void measure(String title, List<Mix> mixes, double seconds) {
        System.out.printf(Locale.ROOT, "%-30s %10s %10s %10s %10s %9s%n", title, "vocal SDR", "baseline", "acc. SDR",
                "baseline", "gain");
        double vocalTotal = 0;
        double vocalBaseTotal = 0;
        double accTotal = 0;
        double accBaseTotal = 0;
        long nanos = 0;
        for (Mix mix : mixes) {
            float[] left = mix.mixLeft();
            float[] right = mix.mixRight();
            // Warm the JIT on the first mix before it is timed.
            if (nanos == 0) {
                CentreSeparator.separate(RATE, left, right, CHUNK);
            }
            long start = System.nanoTime();
            float[][] out = CentreSeparator.separate(RATE, left, right, CHUNK);
            nanos += System.nanoTime() - start;
            double vocal = sdr(mix.vocalLeft(), mix.vocalRight(), out[0], out[1]);
            double vocalBase = sdr(mix.vocalLeft(), mix.vocalRight(), left, right);
            double acc = sdr(mix.accompanimentLeft(), mix.accompanimentRight(), out[2], out[3]);
            double accBase = sdr(mix.accompanimentLeft(), mix.accompanimentRight(), left, right);
            vocalTotal += vocal;
            vocalBaseTotal += vocalBase;
            accTotal += acc;
            accBaseTotal += accBase;
            System.out.printf(Locale.ROOT, "%-30s %8.2f dB %7.2f dB %7.2f dB %7.2f dB %+6.2f dB%n", mix.name(), vocal,
                    vocalBase, acc, accBase, acc - accBase);
        }
        int count = mixes.size();
        System.out.printf(Locale.ROOT, "%-30s %8.2f dB %7.2f dB %7.2f dB %7.2f dB %+6.2f dB%n", "mean",
                vocalTotal / count, vocalBaseTotal / count, accTotal / count, accBaseTotal / count,
                (accTotal - accBaseTotal) / count);
        double audioMinutes = count * seconds / 60;
        System.out.printf(Locale.ROOT, "separator speed: %.2f s of processing per minute of audio (one thread)%n",
                nanos / 1e9 / audioMinutes);
    }

    /** Decode + separate + encode for a 4-minute MP3, as an import does it. */
    private static void importFourMinutes() throws Exception {
        Path folder = Files.createTempDirectory("chorus-separation");
        try {
            SyntheticSong song = SyntheticSong.create("4 minutes", RATE, 240, 220, 196, 110, 9);
            Path mp3 = folder.resolve("song.mp3");
            song.write(mp3, "mp3", avcodec.AV_CODEC_ID_MP3, java.util.Map.of());
            // A first, untimed run loads FFmpeg's natives and warms the JIT, as a running server has.
            Path warm = Files.createDirectories(folder.resolve("warm"));
            new StemSplitter().split(mp3, warm, share -> { });
            Path work = Files.createDirectories(folder.resolve("work"));
            long start = System.nanoTime();
            MediaInfo info = new MediaProbe().probe(mp3, share -> { });
            long probed = System.nanoTime();
            StemSplitter.Stems stems = new StemSplitter().split(mp3, work, share -> { });
            long done = System.nanoTime();
            System.out.printf(Locale.ROOT, "4-minute MP3 import: %.2f s in all (decode and check %.2f s, separate and "
                            + "encode both stems %.2f s); song %.1f s, %.1f LUFS; stems %d + %d KiB%n",
                    (done - start) / 1e9, (probed - start) / 1e9, (done - probed) / 1e9, info.durationMs() / 1000.0,
                    stems.originalLufs(), Files.size(stems.vocals()) / 1024, Files.size(stems.accompaniment()) / 1024);
        } finally {
            try (var files = Files.walk(folder)) {
                List<Path> all = new ArrayList<>(files.toList());
                java.util.Collections.reverse(all);
                for (Path path : all) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** SDR over both channels: reference energy over error energy, in dB. */
    static double sdr(float[] referenceLeft, float[] referenceRight, float[] estimateLeft, float[] estimateRight) {
        double signal = 0;
        double error = 0;
        for (int index = 0; index < referenceLeft.length; index++) {
            signal += referenceLeft[index] * referenceLeft[index] + referenceRight[index] * referenceRight[index];
            double left = referenceLeft[index] - estimateLeft[index];
            double right = referenceRight[index] - estimateRight[index];
            error += left * left + right * right;
        }
        return 10 * Math.log10(signal / Math.max(error, 1e-20));
    }
}
