package app.chorus.testing;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Real media files for tests, encoded here with FFmpeg: a stereo chord of a few seconds in the
 * common formats, optionally with tags and a video track.
 */
public final class TestMedia {
    /** The formats tests import. */
    public enum Kind {
        WAV("wav", avcodec.AV_CODEC_ID_PCM_S16LE, 44_100, "wav"),
        MP3("mp3", avcodec.AV_CODEC_ID_MP3, 44_100, "mp3"),
        OPUS("ogg", avcodec.AV_CODEC_ID_OPUS, 48_000, "opus"),
        FLAC("flac", avcodec.AV_CODEC_ID_FLAC, 44_100, "flac"),
        M4A("ipod", avcodec.AV_CODEC_ID_AAC, 44_100, "m4a"),
        MP4_VIDEO("mp4", avcodec.AV_CODEC_ID_AAC, 44_100, "mp4");

        final String container;
        final int codec;
        final int sampleRate;
        public final String extension;

        Kind(String container, int codec, int sampleRate, String extension) {
            this.container = container;
            this.codec = codec;
            this.sampleRate = sampleRate;
            this.extension = extension;
        }
    }

    private TestMedia() {
    }

    /** Writes {@code seconds} of a stereo chord to {@code file} with the given tags (title, artist, album...). */
    public static Path write(Path file, Kind kind, double seconds, String... tags) throws IOException {
        boolean video = kind == Kind.MP4_VIDEO;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), video ? 64 : 0, video ? 48 : 0, 2)) {
            recorder.setFormat(kind.container);
            recorder.setAudioCodec(kind.codec);
            recorder.setSampleRate(kind.sampleRate);
            recorder.setAudioChannels(2);
            recorder.setAudioBitrate(128_000);
            if (video) {
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                recorder.setFrameRate(10);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            }
            for (int index = 0; index + 1 < tags.length; index += 2) {
                recorder.setMetadata(tags[index], tags[index + 1]);
            }
            recorder.start();
            int total = (int) (seconds * kind.sampleRate);
            int chunk = kind.sampleRate / 10;
            short[] interleaved = new short[chunk * 2];
            for (int start = 0; start < total; start += chunk) {
                int count = Math.min(chunk, total - start);
                for (int index = 0; index < count; index++) {
                    double t = (start + index) / (double) kind.sampleRate;
                    double left = 0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * Math.sin(2 * Math.PI * 277.2 * t);
                    double right = 0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * Math.sin(2 * Math.PI * 329.6 * t);
                    interleaved[2 * index] = (short) (left * Short.MAX_VALUE);
                    interleaved[2 * index + 1] = (short) (right * Short.MAX_VALUE);
                }
                recorder.recordSamples(kind.sampleRate, 2, ShortBuffer.wrap(interleaved, 0, count * 2));
                if (video) {
                    Frame image = new Frame(64, 48, Frame.DEPTH_UBYTE, 3);
                    recorder.record(image, avutil.AV_PIX_FMT_BGR24);
                }
            }
            recorder.stop();
        }
        return file;
    }

    /** A small real PNG picture. */
    public static byte[] png() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            image.setRGB(x, x, 0xFF4080);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Puts an ID3v2.3 tag with {@code picture} as the front cover (APIC) in front of an MP3 file. */
    public static Path withCover(Path mp3, byte[] picture, String mimeType) throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(0); // ISO-8859-1 text
        body.writeBytes(mimeType.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        body.write(0);
        body.write(3); // front cover
        body.write(0); // no description
        body.writeBytes(picture);
        byte[] frame = body.toByteArray();
        java.io.ByteArrayOutputStream tag = new java.io.ByteArrayOutputStream();
        int frameTotal = 10 + frame.length;
        tag.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0,
                (byte) ((frameTotal >> 21) & 0x7F), (byte) ((frameTotal >> 14) & 0x7F),
                (byte) ((frameTotal >> 7) & 0x7F), (byte) (frameTotal & 0x7F)});
        tag.writeBytes(new byte[] {'A', 'P', 'I', 'C', (byte) (frame.length >>> 24), (byte) (frame.length >>> 16),
                (byte) (frame.length >>> 8), (byte) frame.length, 0, 0});
        tag.writeBytes(frame);
        tag.writeBytes(java.nio.file.Files.readAllBytes(mp3));
        java.nio.file.Files.write(mp3, tag.toByteArray());
        return mp3;
    }

    /**
     * CD+G graphics of {@code seconds}: 300 packets of 24 bytes a second, as a karaoke disc's
     * subcode; the screen is cleared, then a tile is drawn every tenth packet, the rest are empty.
     */
    public static byte[] cdg(double seconds) {
        int packets = (int) Math.round(seconds * 300);
        byte[] graphics = new byte[packets * 24];
        for (int index = 0; index < packets; index += 10) {
            int at = index * 24;
            graphics[at] = 0x09; // TV graphics
            graphics[at + 1] = (byte) (index == 0 ? 1 : 6); // memory preset, then tile blocks
            graphics[at + 4] = (byte) (index % 16);
            graphics[at + 5] = (byte) (index / 10 % 18);
            graphics[at + 6] = (byte) (index / 10 % 50);
            for (int row = 0; row < 12; row++) {
                graphics[at + 8 + row] = (byte) (0x3F & (index + row));
            }
        }
        return graphics;
    }
}
