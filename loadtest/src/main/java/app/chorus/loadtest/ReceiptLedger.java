package app.chorus.loadtest;

import java.util.BitSet;

/**
 * What one music share listener received of the measured chunks, by sequence number, and the
 * newest metadata it saw. A listener's receipts come one at a time (its socket's I/O thread, or
 * its poll's completion), and the totals are read once it stopped; the monitor makes those
 * readings see every receipt without relying on how the threads were joined. Thread-safe.
 */
final class ReceiptLedger {

    private final BitSet received = new BitSet();
    private long newestMetadataTimestamp = Long.MIN_VALUE;
    private long latencySumMicros;
    private long latencySamples;

    /** Notes a chunk; true the first time this listener gets this sequence number. */
    synchronized boolean firstReceipt(int sequenceNumber) {
        if (received.get(sequenceNumber)) {
            return false;
        }
        received.set(sequenceNumber);
        return true;
    }

    /** Adds a chunk latency of this listener to its mean. */
    synchronized void addLatency(long micros) {
        latencySumMicros += micros;
        latencySamples++;
    }

    /** This listener's mean chunk latency in microseconds, or -1 without samples. */
    synchronized double meanLatencyMicros() {
        return latencySamples == 0 ? -1 : (double) latencySumMicros / latencySamples;
    }

    /** Notes metadata; true when it is newer than any this listener had (a poll repeats unchanged metadata). */
    synchronized boolean newerMetadata(long timestamp) {
        if (timestamp <= newestMetadataTimestamp) {
            return false;
        }
        newestMetadataTimestamp = timestamp;
        return true;
    }

    /** How many of the {@code expected} sequence numbers this listener never got. */
    synchronized int missing(BitSet expected) {
        BitSet missed = (BitSet) expected.clone();
        missed.andNot(received);
        return missed.cardinality();
    }

    /** How many sequence numbers it got that were not expected (none, if the server relays only what was sent). */
    synchronized int unexpected(BitSet expected) {
        BitSet extra = (BitSet) received.clone();
        extra.andNot(expected);
        return extra.cardinality();
    }
}
