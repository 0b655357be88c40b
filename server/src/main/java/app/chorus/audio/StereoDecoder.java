package app.chorus.audio;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A media file's audio decoded by FFmpeg to interleaved stereo floats at the file's own sample
 * rate (FFmpeg spreads mono to both sides and mixes more channels down). Not thread-safe.
 */
final class StereoDecoder implements StemEncoder.Samples {
    static {
        FfmpegLog.quiet();
    }

    private final FFmpegFrameGrabber grabber;
    /** The rest of the last decoded frame; FFmpeg reuses its memory on the next grab. */
    private FloatBuffer pending;

    StereoDecoder(Path file) throws IOException {
        grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
        grabber.setAudioChannels(2);
        try {
            grabber.start();
        } catch (IOException | RuntimeException failure) {
            grabber.close();
            throw failure;
        }
    }

    int sampleRate() {
        return grabber.getSampleRate();
    }

    /** The length the container declares, at least 1 µs: good for progress, not for counting. */
    long lengthMicros() {
        return Math.max(1, grabber.getLengthInTime());
    }

    @Override
    public int read(float[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            if (pending == null || !pending.hasRemaining()) {
                Frame audio = grabber.grabSamples();
                if (audio == null) {
                    break;
                }
                pending = (FloatBuffer) audio.samples[0];
                continue;
            }
            int take = Math.min(pending.remaining(), buffer.length - filled);
            pending.get(buffer, filled, take);
            filled += take;
        }
        return filled;
    }

    @Override
    public void close() throws IOException {
        grabber.close();
    }
}
