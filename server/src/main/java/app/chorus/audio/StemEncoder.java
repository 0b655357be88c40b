package app.chorus.audio;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * What every separator does once it has its two stems: measure them, bring each to the
 * original's integrated loudness (EBU R128) without its peak passing -1 dBFS, and encode it for
 * browsers (AAC in M4A at {@link StemSplitter#BITRATE}). Stateless.
 */
final class StemEncoder {
    static final int CHUNK = 4096;
    private static final double PEAK_CEILING = Math.pow(10, -1 / 20.0);

    static {
        FfmpegLog.quiet();
    }

    private StemEncoder() {
    }

    /** Interleaved stereo samples, read in order. */
    interface Samples extends AutoCloseable {
        /** Fills {@code buffer} from its start with whole frames; fewer than it holds only at the end, 0 once done. */
        int read(float[] buffer) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** A piece of work that may fail or be interrupted. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException, InterruptedException;
    }

    /** Loudness (EBU R128) and sample peak of a stereo signal, fed one frame at a time. Not thread-safe. */
    static final class Meter {
        private final Loudness loudness;
        private final float[] frame = new float[2];
        private float peak;

        Meter(int sampleRate) {
            loudness = new Loudness(sampleRate, 2);
        }

        void add(float left, float right) {
            frame[0] = left;
            frame[1] = right;
            loudness.add(frame);
            peak = Math.max(peak, Math.max(Math.abs(left), Math.abs(right)));
        }

        double lufs() {
            return loudness.integrated();
        }

        /** The gain that brings this signal to {@code targetLufs} without its peak passing -1 dBFS. */
        double gainTo(double targetLufs) {
            return gain(targetLufs, lufs(), peak);
        }
    }

    /** What one pass over a file found: its own sample rate, its length and its meter. */
    record Measurement(int sampleRate, long frames, Meter meter) {
        long durationMs() {
            return frames * 1000 / Math.max(1, sampleRate);
        }
    }

    /** The gain that brings a stem to the target loudness without its peak passing -1 dBFS. */
    static double gain(double targetLufs, double stemLufs, float peak) {
        if (Double.isInfinite(targetLufs) || Double.isInfinite(stemLufs)) {
            return 1.0;
        }
        double gain = Math.pow(10, (targetLufs - stemLufs) / 20);
        if (peak > 0) {
            gain = Math.min(gain, PEAK_CEILING / peak);
        }
        return gain;
    }

    /** Decodes {@code file} once (as stereo, at its own rate) to learn its loudness, peak and length. */
    static Measurement measure(Path file) throws IOException, InterruptedException {
        try (StereoDecoder decoder = new StereoDecoder(file)) {
            Meter meter = new Meter(decoder.sampleRate());
            float[] chunk = new float[CHUNK * 2];
            long frames = 0;
            for (int count = decoder.read(chunk); count > 0; count = decoder.read(chunk)) {
                stopIfInterrupted("Measuring stopped");
                for (int index = 0; index < count; index += 2) {
                    meter.add(chunk[index], chunk[index + 1]);
                }
                frames += count / 2;
            }
            return new Measurement(decoder.sampleRate(), frames, meter);
        }
    }

    /** Encodes a stem that is a media file of its own, brought to {@code targetLufs}: two passes over it. */
    static void encodeMatched(Path stem, Path target, double targetLufs) throws IOException, InterruptedException {
        Measurement measured = measure(stem);
        encode(new StereoDecoder(stem), target, measured.sampleRate(), measured.meter().gainTo(targetLufs));
    }

    /** Encodes {@code source} (which this closes) to {@code target} with {@code gain}, clipped to -1..1. */
    static void encode(Samples source, Path target, int sampleRate, double gain) throws IOException, InterruptedException {
        try (source; FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), 2)) {
            recorder.setFormat("ipod");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(sampleRate);
            recorder.setAudioChannels(2);
            recorder.setAudioBitrate(StemSplitter.BITRATE);
            // FFmpeg's default AAC coder ("twoloop") searches hard and took 9.5 s per 4-minute stem here.
            recorder.setAudioOption("aac_coder", "fast");
            recorder.start();
            float[] chunk = new float[CHUNK * 2];
            for (int count = source.read(chunk); count > 0; count = source.read(chunk)) {
                stopIfInterrupted("Encoding stopped");
                for (int index = 0; index < count; index++) {
                    chunk[index] = (float) Math.max(-1, Math.min(1, chunk[index] * gain));
                }
                recorder.recordSamples(sampleRate, 2, FloatBuffer.wrap(chunk, 0, count));
            }
            recorder.stop();
        }
    }

    /**
     * Runs both at once, {@code first} on a virtual thread: the two stems are independent, so on
     * two cores they take the time of one.
     */
    static void both(Work first, Work second) throws IOException, InterruptedException {
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Void> firstDone = workers.submit(() -> {
                first.run();
                return null;
            });
            second.run();
            firstDone.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IOException("Encoding a stem failed", e.getCause());
        }
    }

    static void stopIfInterrupted(String what) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException(what);
        }
    }
}
