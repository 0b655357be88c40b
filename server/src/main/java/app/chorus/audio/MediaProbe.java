package app.chorus.audio;

import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Identifies a media file by decoding it with FFmpeg, never by its name: the container, the audio
 * codec, the tags, and the real duration, counted from the samples of the whole audio track. A
 * file FFmpeg cannot open, without audio, without a single decodable sample, or whose audio ends
 * well before its header says is refused with {@link UnsupportedMedia}. Thread-safe (no state).
 */
public final class MediaProbe {
    /** Below this share of the length its header states, the audio is taken as truncated. */
    private static final double TRUNCATED_BELOW = 0.9;
    /** Larger embedded pictures are ignored. */
    private static final int MAX_COVER_BYTES = 10 * 1024 * 1024;

    static {
        FfmpegLog.quiet();
    }

    /**
     * Decodes the whole audio track of {@code file}. {@code progress} hears the share decoded so
     * far (0 to 1, when the length is known); the calling thread's interrupt stops the decoding.
     */
    public MediaInfo probe(Path file, DoubleConsumer progress) throws UnsupportedMedia, InterruptedException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setSampleMode(org.bytedeco.javacv.FrameGrabber.SampleMode.SHORT);
            try {
                grabber.start();
            } catch (FFmpegFrameGrabber.Exception e) {
                throw new UnsupportedMedia("not_media", "The file is not audio or video that can be read ("
                        + firstLine(e.getMessage()) + ")");
            }
            if (!grabber.hasAudio() || grabber.getAudioChannels() <= 0 || grabber.getSampleRate() <= 0) {
                throw new UnsupportedMedia("no_audio", "The file has no audio track");
            }
            int sampleRate = grabber.getSampleRate();
            int channels = grabber.getAudioChannels();
            MediaInfo.CoverArt cover = coverArt(grabber);
            long declaredMicros = Math.max(0, grabber.getLengthInTime());
            long samples = 0;
            long lastReport = 0;
            int bucket = Math.max(1, sampleRate / 100);
            float[] peaks = new float[1024];
            int peakCount = 0;
            float currentPeak = 0;
            int inBucket = 0;
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("Decoding stopped");
                }
                Frame frame;
                try {
                    frame = grabber.grabSamples();
                } catch (FFmpegFrameGrabber.Exception e) {
                    if (samples == 0) {
                        throw new UnsupportedMedia("corrupt", "The audio cannot be decoded (" + firstLine(e.getMessage()) + ")");
                    }
                    break;
                }
                if (frame == null) {
                    break;
                }
                if (frame.samples != null && frame.samples.length > 0 && frame.samples[0] instanceof ShortBuffer buffer) {
                    int frames = frame.samples.length == 1 ? buffer.remaining() / channels : buffer.remaining();
                    samples += frames;
                    // Peaks per 10 ms, from the first channel's samples (interleaved or planar).
                    int step = frame.samples.length == 1 ? channels : 1;
                    for (int index = 0, at = buffer.position(); index < frames; index++, at += step) {
                        currentPeak = Math.max(currentPeak, Math.abs(buffer.get(at)) / 32768f);
                        if (++inBucket == bucket) {
                            if (peakCount == peaks.length) {
                                peaks = java.util.Arrays.copyOf(peaks, peaks.length * 2);
                            }
                            peaks[peakCount++] = currentPeak;
                            currentPeak = 0;
                            inBucket = 0;
                        }
                    }
                }
                if (declaredMicros > 0 && samples - lastReport > sampleRate * 5L) {
                    lastReport = samples;
                    progress.accept(Math.min(1.0, samples * 1_000_000.0 / sampleRate / declaredMicros));
                }
            }
            if (samples == 0) {
                throw new UnsupportedMedia("corrupt", "Not a single audio sample could be decoded");
            }
            long durationMs = samples * 1000 / sampleRate;
            if (declaredMicros > 10_000_000 && durationMs * 1000 < declaredMicros * TRUNCATED_BELOW) {
                throw new UnsupportedMedia("truncated", "The file is truncated: its header says "
                        + declaredMicros / 1_000_000 + " s, only " + durationMs / 1000 + " s of audio decode");
            }
            Map<String, String> tags = new HashMap<>();
            // Ogg and some others keep their tags on the audio stream rather than the container.
            grabber.getAudioMetadata().forEach((key, value) -> tags.put(key.toLowerCase(Locale.ROOT), value));
            grabber.getMetadata().forEach((key, value) -> tags.put(key.toLowerCase(Locale.ROOT), value));
            return new MediaInfo(grabber.getFormat(), grabber.getAudioCodecName(), sampleRate, channels, durationMs,
                    grabber.hasVideo() && cover == null && !isCoverArt(grabber), tags, cover,
                    java.util.Arrays.copyOf(peaks, peakCount));
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            throw new UnsupportedMedia("not_media", "The file cannot be read as media (" + firstLine(e.getMessage()) + ")");
        }
    }

    /** The first embedded picture FFmpeg marks as attached (an ID3 APIC frame, an MP4 covr atom...). */
    private static MediaInfo.CoverArt coverArt(FFmpegFrameGrabber grabber) {
        AVFormatContext context = grabber.getFormatContext();
        for (int index = 0; index < context.nb_streams(); index++) {
            AVStream stream = context.streams(index);
            if ((stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
                continue;
            }
            AVPacket picture = stream.attached_pic();
            int size = picture.size();
            if (size <= 0 || size > MAX_COVER_BYTES) {
                continue;
            }
            byte[] bytes = new byte[size];
            picture.data().get(bytes);
            String type = imageType(bytes);
            if (type != null) {
                return new MediaInfo.CoverArt(bytes, type);
            }
        }
        return null;
    }

    /**
     * A picture file beside the media (a video's thumbnail) as cover art, under the same rules as
     * an embedded one: JPEG, PNG or WebP by its content, at most 10 MiB; empty otherwise.
     */
    public static java.util.Optional<MediaInfo.CoverArt> pictureFile(java.nio.file.Path file) throws java.io.IOException {
        if (!java.nio.file.Files.isRegularFile(file) || java.nio.file.Files.size(file) > MAX_COVER_BYTES) {
            return java.util.Optional.empty();
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        String type = imageType(bytes);
        return type == null ? java.util.Optional.empty() : java.util.Optional.of(new MediaInfo.CoverArt(bytes, type));
    }

    /** What an image is, by its first bytes; null for anything but JPEG, PNG and WebP. */
    public static String imageType(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "png";
        }
        if (bytes.length > 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return "webp";
        }
        return null;
    }

    /** An embedded cover picture shows up as a one-frame video stream; that is not a music video. */
    private static boolean isCoverArt(FFmpegFrameGrabber grabber) {
        String codec = grabber.getVideoCodecName();
        return codec != null && (codec.equals("mjpeg") || codec.equals("png") || codec.equals("bmp"))
                && grabber.getLengthInVideoFrames() <= 1;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
