package app.chorus.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;

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
        StemEncoder.Meter originalMeter;
        StemEncoder.Meter vocalMeter;
        StemEncoder.Meter accompanimentMeter;
        try (StereoDecoder decoder = new StereoDecoder(original);
             RawStereo.Writer vocalsOut = new RawStereo.Writer(rawVocals);
             RawStereo.Writer accompanimentOut = new RawStereo.Writer(rawAccompaniment)) {
            sampleRate = decoder.sampleRate();
            originalMeter = new StemEncoder.Meter(sampleRate);
            vocalMeter = new StemEncoder.Meter(sampleRate);
            accompanimentMeter = new StemEncoder.Meter(sampleRate);
            StemEncoder.Meter vocals = vocalMeter;
            StemEncoder.Meter accompaniment = accompanimentMeter;
            CentreSeparator separator = new CentreSeparator(sampleRate, (vocalLeft, vocalRight, accLeft, accRight, count) -> {
                try {
                    for (int index = 0; index < count; index++) {
                        vocalsOut.write(vocalLeft[index], vocalRight[index]);
                        accompanimentOut.write(accLeft[index], accRight[index]);
                        vocals.add(vocalLeft[index], vocalRight[index]);
                        accompaniment.add(accLeft[index], accRight[index]);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            frames = separate(decoder, originalMeter, separator, progress);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        double target = originalMeter.lufs();
        Path vocals = workDir.resolve("vocals.m4a");
        Path accompaniment = workDir.resolve("accompaniment.m4a");
        double vocalGain = vocalMeter.gainTo(target);
        double accompanimentGain = accompanimentMeter.gainTo(target);
        StemEncoder.both(
                () -> StemEncoder.encode(new RawStereo.Reader(rawVocals), vocals, sampleRate, vocalGain),
                () -> StemEncoder.encode(new RawStereo.Reader(rawAccompaniment), accompaniment, sampleRate, accompanimentGain));
        Files.deleteIfExists(rawVocals);
        Files.deleteIfExists(rawAccompaniment);
        progress.accept(1.0);
        return new Stems(vocals, accompaniment, target, frames * 1000 / Math.max(1, sampleRate));
    }

    /** Feeds the whole song to the meter and the separator (which gets 0 to 0.8 of the progress); returns its frames. */
    private static long separate(StereoDecoder decoder, StemEncoder.Meter originalMeter, CentreSeparator separator,
                                 DoubleConsumer progress) throws IOException, InterruptedException {
        float[] interleaved = new float[StemEncoder.CHUNK * 2];
        float[] left = new float[StemEncoder.CHUNK];
        float[] right = new float[StemEncoder.CHUNK];
        long declaredMicros = decoder.lengthMicros();
        long decoded = 0;
        for (int count = decoder.read(interleaved); count > 0; count = decoder.read(interleaved)) {
            StemEncoder.stopIfInterrupted("Separation stopped");
            int frames = count / 2;
            for (int index = 0; index < frames; index++) {
                left[index] = interleaved[2 * index];
                right[index] = interleaved[2 * index + 1];
                originalMeter.add(left[index], right[index]);
            }
            separator.push(left, right, frames);
            decoded += frames;
            progress.accept(Math.min(0.8, 0.8 * decoded * 1_000_000.0 / decoder.sampleRate() / declaredMicros));
        }
        separator.finish();
        return decoded;
    }
}
