package app.chorus.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Splits a song into a vocal and an accompaniment stem with the built-in {@link CentreSeparator}
 * and encodes both for browsers (AAC in M4A), loudness-matched: each stem is brought to the
 * original's integrated loudness (EBU R128), never past a peak of -1 dBFS. Decoding, separating
 * and measuring stream through the song once; the separated audio waits in two raw files in
 * {@code workDir} until its gain is known; then both stems are encoded at once, on two threads.
 * Stateless and thread-safe.
 */
public final class StemSplitter implements Separator {
    /** The bit rate of each encoded stem. */
    public static final int BITRATE = 192_000;
    private static final double PEAK_CEILING = Math.pow(10, -1 / 20.0);
    private static final int CHUNK = 4096;

    static {
        FfmpegLog.quiet();
    }

    /** The encoded stems and what was measured on the way. */
    public record Stems(Path vocals, Path accompaniment, double originalLufs, long durationMs) {
    }

    /**
     * Reads {@code original}, writes {@code vocals.m4a} and {@code accompaniment.m4a} into
     * {@code workDir}. {@code progress} hears 0 to 1; the thread's interrupt stops the work.
     */
    @Override
    public Stems split(Path original, Path workDir, DoubleConsumer progress) throws IOException, InterruptedException {
        Path rawVocals = workDir.resolve("vocals.f32");
        Path rawAccompaniment = workDir.resolve("accompaniment.f32");
        int sampleRate;
        long frames;
        Loudness originalLoudness;
        Loudness vocalLoudness;
        Loudness accompanimentLoudness;
        float[] peaks = new float[2];
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(original.toFile());
             RawWriter vocalsOut = new RawWriter(rawVocals);
             RawWriter accompanimentOut = new RawWriter(rawAccompaniment)) {
            grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            grabber.setAudioChannels(2);
            grabber.start();
            sampleRate = grabber.getSampleRate();
            long declaredMicros = Math.max(1, grabber.getLengthInTime());
            originalLoudness = new Loudness(sampleRate, 2);
            vocalLoudness = new Loudness(sampleRate, 2);
            accompanimentLoudness = new Loudness(sampleRate, 2);
            Loudness vocalMeter = vocalLoudness;
            Loudness accompanimentMeter = accompanimentLoudness;
            float[] frame = new float[2];
            CentreSeparator separator = new CentreSeparator(sampleRate, (vocalLeft, vocalRight, accLeft, accRight, count) -> {
                try {
                    for (int index = 0; index < count; index++) {
                        vocalsOut.write(vocalLeft[index], vocalRight[index]);
                        accompanimentOut.write(accLeft[index], accRight[index]);
                        frame[0] = vocalLeft[index];
                        frame[1] = vocalRight[index];
                        vocalMeter.add(frame);
                        peaks[0] = Math.max(peaks[0], Math.max(Math.abs(vocalLeft[index]), Math.abs(vocalRight[index])));
                        frame[0] = accLeft[index];
                        frame[1] = accRight[index];
                        accompanimentMeter.add(frame);
                        peaks[1] = Math.max(peaks[1], Math.max(Math.abs(accLeft[index]), Math.abs(accRight[index])));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            float[] left = new float[CHUNK];
            float[] right = new float[CHUNK];
            float[] sample = new float[2];
            long decoded = 0;
            for (Frame audio = grabber.grabSamples(); audio != null; audio = grabber.grabSamples()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("Separation stopped");
                }
                FloatBuffer interleaved = (FloatBuffer) audio.samples[0];
                int count = interleaved.remaining() / 2;
                int offset = 0;
                while (offset < count) {
                    int take = Math.min(CHUNK, count - offset);
                    for (int index = 0; index < take; index++) {
                        left[index] = interleaved.get();
                        right[index] = interleaved.get();
                        sample[0] = left[index];
                        sample[1] = right[index];
                        originalLoudness.add(sample);
                    }
                    separator.push(left, right, take);
                    offset += take;
                }
                decoded += count;
                progress.accept(Math.min(0.8, 0.8 * decoded * 1_000_000.0 / sampleRate / declaredMicros));
            }
            separator.finish();
            frames = decoded;
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        double target = originalLoudness.integrated();
        Path vocals = workDir.resolve("vocals.m4a");
        Path accompaniment = workDir.resolve("accompaniment.m4a");
        double vocalGain = gain(target, vocalLoudness.integrated(), peaks[0]);
        double accompanimentGain = gain(target, accompanimentLoudness.integrated(), peaks[1]);
        // The two encodings are independent: on two cores they take the time of one.
        try (var encoders = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var vocalsDone = encoders.submit(() -> {
                encode(rawVocals, vocals, sampleRate, vocalGain);
                return null;
            });
            encode(rawAccompaniment, accompaniment, sampleRate, accompanimentGain);
            vocalsDone.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IOException("Encoding the vocals failed", e.getCause());
        }
        Files.deleteIfExists(rawVocals);
        Files.deleteIfExists(rawAccompaniment);
        progress.accept(1.0);
        return new Stems(vocals, accompaniment, target, frames * 1000 / Math.max(1, sampleRate));
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

    private static void encode(Path raw, Path target, int sampleRate, double gain) throws IOException, InterruptedException {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), 2);
             FileChannel in = FileChannel.open(raw, StandardOpenOption.READ)) {
            recorder.setFormat("ipod");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(sampleRate);
            recorder.setAudioChannels(2);
            recorder.setAudioBitrate(BITRATE);
            // FFmpeg's default AAC coder ("twoloop") searches hard and took 9.5 s per 4-minute stem here.
            recorder.setAudioOption("aac_coder", "fast");
            recorder.start();
            ByteBuffer bytes = ByteBuffer.allocateDirect(CHUNK * 2 * Float.BYTES).order(ByteOrder.nativeOrder());
            float[] chunk = new float[CHUNK * 2];
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("Encoding stopped");
                }
                bytes.clear();
                while (bytes.hasRemaining() && in.read(bytes) > 0) {
                    // Fill the chunk; a short read only happens at the end of the file.
                }
                bytes.flip();
                int count = bytes.remaining() / Float.BYTES;
                bytes.asFloatBuffer().get(chunk, 0, count);
                for (int index = 0; index < count; index++) {
                    chunk[index] = (float) Math.max(-1, Math.min(1, chunk[index] * gain));
                }
                if (count > 1) {
                    recorder.recordSamples(sampleRate, 2, FloatBuffer.wrap(chunk, 0, count - count % 2));
                }
                if (count < chunk.length) {
                    break;
                }
            }
            recorder.stop();
        }
    }

    /** Interleaved stereo floats to a file, in the machine's byte order, written in large blocks. */
    private static final class RawWriter implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer bytes = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.nativeOrder());

        RawWriter(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        }

        void write(float left, float right) throws IOException {
            if (bytes.remaining() < 2 * Float.BYTES) {
                drain();
            }
            bytes.putFloat(left).putFloat(right);
        }

        private void drain() throws IOException {
            bytes.flip();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            bytes.clear();
        }

        @Override
        public void close() throws IOException {
            try {
                drain();
            } finally {
                channel.close();
            }
        }
    }
}
