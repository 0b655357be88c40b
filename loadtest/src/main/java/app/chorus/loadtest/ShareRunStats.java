package app.chorus.loadtest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The latency bookkeeping of one benchmark run, shared by every listener.
 *
 * <p>A chunk is <em>measured</em> when the broadcaster sent it inside the measured window, by
 * its own {@code timestamp}; its deliveries count whenever they arrive, so the last chunks of
 * the window are not cut off (the run drains after the window before it stops listening). Each
 * listener's first receipt of a measured chunk is one delivery and one latency sample, from the
 * chunk's timestamp to the receipt; a repeat is counted as a duplicate only. Which measured chunks
 * a listener never got follows from its {@link ReceiptLedger} and the broadcaster's list of
 * chunks the server accepted.
 *
 * <p>Metadata the same way: a listener's first sight of a measured metadata timestamp is a sample.
 * Latencies go into HdrHistogram Recorders (microseconds), which take concurrent writers without
 * locks. Thread-safe.
 */
final class ShareRunStats {

    /** Latencies above a minute are clamped: by then the run is meaningless anyway. */
    static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Recorder chunkLatencyMicros = new Recorder(MAX_LATENCY_MICROS, 3);
    private final Recorder metadataLatencyMicros = new Recorder(MAX_LATENCY_MICROS, 3);
    /** Every chunk receipt's latency, warm-up and repeats included, emptied by each progress line. */
    private final Recorder recentLatencyMicros = new Recorder(MAX_LATENCY_MICROS, 2);
    private volatile long windowStartMillis = Long.MAX_VALUE;
    private volatile long windowEndMillis = Long.MAX_VALUE;
    /** Between {@link #openWindow} and {@link #closeWindow}, by the wall clock. */
    private volatile boolean windowOpen;

    /** First receipts of measured chunks so far (the latency samples), for progress lines. */
    final LongAdder deliveries = new LongAdder();
    final LongAdder duplicateChunks = new LongAdder();
    /** Chunks of the warm-up (or older), received while the run went on: not measured. */
    final LongAdder unmeasuredChunks = new LongAdder();
    /** Chunks and metadata of another session than the run's. */
    final LongAdder foreign = new LongAdder();
    /** Bytes of answers and frames the listeners received (HTTP bodies, WebSocket messages). */
    final LongAdder bytesReceived = new LongAdder();
    /** Polls not sent while the window was open because the listener's previous one still waited. */
    final LongAdder skippedPolls = new LongAdder();
    final ErrorTally errors = new ErrorTally();

    /** From now on, chunks stamped at or after {@code startMillis} are measured. */
    void openWindow(long startMillis) {
        windowStartMillis = startMillis;
        windowOpen = true;
    }

    /** Chunks stamped at or after {@code endMillis} are not measured. */
    void closeWindow(long endMillis) {
        windowEndMillis = endMillis;
        windowOpen = false;
    }

    /** A listener's poll was due while its previous one still waited; counted inside the window only. */
    void pollSkipped() {
        if (windowOpen) {
            skippedPolls.increment();
        }
    }

    boolean inWindow(long timestampMillis) {
        return timestampMillis >= windowStartMillis && timestampMillis < windowEndMillis;
    }

    /** A listener received a chunk stamped {@code timestampMillis} at {@code receivedMicros} (epoch). */
    void chunk(ReceiptLedger ledger, int sequenceNumber, long timestampMillis, long receivedMicros) {
        recentLatencyMicros.recordValue(latency(timestampMillis, receivedMicros));
        if (!inWindow(timestampMillis)) {
            unmeasuredChunks.increment();
            return;
        }
        if (!ledger.firstReceipt(sequenceNumber)) {
            duplicateChunks.increment();
            return;
        }
        long latency = latency(timestampMillis, receivedMicros);
        chunkLatencyMicros.recordValue(latency);
        ledger.addLatency(latency);
        deliveries.increment();
    }

    /** A listener received metadata stamped {@code timestampMillis}; only its first sight of a measured one counts. */
    void metadata(ReceiptLedger ledger, long timestampMillis, long receivedMicros) {
        if (ledger.newerMetadata(timestampMillis) && inWindow(timestampMillis)) {
            metadataLatencyMicros.recordValue(latency(timestampMillis, receivedMicros));
        }
    }

    private static long latency(long timestampMillis, long receivedMicros) {
        return Math.clamp(receivedMicros - timestampMillis * 1000, 0, MAX_LATENCY_MICROS);
    }

    /** Every chunk latency sample so far (one per delivery); call once, after the listeners stopped. */
    Histogram takeChunkLatency() {
        return chunkLatencyMicros.getIntervalHistogram();
    }

    /** Chunk latencies since the previous call, for progress lines: shows whether a run has settled. */
    Histogram takeRecentLatency() {
        return recentLatencyMicros.getIntervalHistogram();
    }

    Histogram takeMetadataLatency() {
        return metadataLatencyMicros.getIntervalHistogram();
    }
}
