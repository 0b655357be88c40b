package app.chorus.share;

/**
 * One piece of the broadcast: opaque bytes in a declared format. {@code sequenceNumber} starts at
 * 0 per session and grows by one per chunk; chunks may arrive out of order. {@code timestamp} is
 * the sender's clock in ms. The data array is never modified after construction.
 */
public record AudioChunk(int sequenceNumber, long timestamp, int sampleRate, int channels, AudioFormat format, byte[] data) {
}
