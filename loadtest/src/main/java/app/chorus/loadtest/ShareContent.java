package app.chorus.loadtest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * The broadcaster's request bodies, shaped like the desktop client's: audio chunks of 44.1 kHz
 * stereo float32 PCM as base64 and metadata with synced lyrics and a cover picture. The large
 * parts (the chunk's base64, the cover) are encoded once; each request only adds its numbers
 * behind them, so the broadcaster's sending costs no encoding work. Immutable and thread-safe.
 */
final class ShareContent {

    static final int SAMPLE_RATE = 44_100;
    static final int CHANNELS = 2;
    private static final double TOTAL_SECONDS = 215.0;

    /** {@code {"data":"<base64>","sampleRate":44100,"channels":2,"timestamp":}; the rest follows per chunk. */
    private final byte[] audioHead;
    private final int pcmBytes;
    /** Everything of a metadata body up to its changing numbers. */
    private final byte[] metadataHead;

    /**
     * @param chunkSeconds   audio per chunk (0.5 s is 44,100 floats, 176,400 bytes)
     * @param thumbnailBytes the cover picture's size before base64 (22,500 bytes are 30,000 characters)
     */
    ShareContent(double chunkSeconds, int thumbnailBytes) {
        byte[] pcm = pcm((int) Math.round(chunkSeconds * SAMPLE_RATE));
        pcmBytes = pcm.length;
        audioHead = ("{\"data\":\"" + Base64.getEncoder().encodeToString(pcm) + "\",\"sampleRate\":" + SAMPLE_RATE
                + ",\"channels\":" + CHANNELS + ",\"timestamp\":").getBytes(StandardCharsets.US_ASCII);
        byte[] cover = new byte[thumbnailBytes];
        new Random(42).nextBytes(cover); // a JPEG is about as incompressible
        metadataHead = ("{\"title\":\"Share benchmark\",\"artist\":\"Chorus loadtest\",\"lyrics\":\"" + lyrics()
                + "\",\"hasSyncedLyrics\":true,\"totalSeconds\":" + TOTAL_SECONDS + ",\"thumbnailData\":\""
                + Base64.getEncoder().encodeToString(cover) + "\",").getBytes(StandardCharsets.UTF_8);
    }

    /** A 440 Hz tone (A4) on both channels, interleaved float32 little-endian. */
    private static byte[] pcm(int frames) {
        ByteBuffer samples = ByteBuffer.allocate(frames * CHANNELS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int frame = 0; frame < frames; frame++) {
            float value = (float) (0.25 * Math.sin(2 * Math.PI * 440 * frame / SAMPLE_RATE));
            for (int channel = 0; channel < CHANNELS; channel++) {
                samples.putFloat(value);
            }
        }
        return samples.array();
    }

    /** About 1.5 KB of LRC, JSON-escaped (newlines as \n); no quotes, see {@link ShareJson#trailingTimestamp}. */
    private static String lyrics() {
        StringBuilder lrc = new StringBuilder();
        for (int line = 0; line < 40; line++) {
            int seconds = 5 * line;
            lrc.append(String.format("[%02d:%02d.00] line %d of the benchmark song\\n", seconds / 60, seconds % 60, line));
        }
        return lrc.toString();
    }

    /** Decoded audio bytes per chunk. */
    int pcmBytes() {
        return pcmBytes;
    }

    /** The large, unchanging start of every audio body; {@link #audioTail} completes it. */
    byte[] audioHead() {
        return audioHead;
    }

    static byte[] audioTail(int sequenceNumber, long timestamp) {
        return (timestamp + ",\"sequenceNumber\":" + sequenceNumber + "}").getBytes(StandardCharsets.US_ASCII);
    }

    byte[] metadataHead() {
        return metadataHead;
    }

    static byte[] metadataTail(double elapsedSeconds, long timestamp) {
        return String.format(java.util.Locale.ROOT, "\"elapsedSeconds\":%.3f,\"timestamp\":%d}", elapsedSeconds, timestamp)
                .getBytes(StandardCharsets.US_ASCII);
    }
}
