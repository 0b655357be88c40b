package app.chorus.share;

/**
 * A chunk as a store keeps it: its sequence number, its payload size, and its JSON in the
 * contract's form (the data as base64), which is both the Redis sorted-set member of the seed's
 * schema and the bytes every poller receives.
 */
public record BufferedChunk(int sequenceNumber, int dataBytes, byte[] json) {
}
