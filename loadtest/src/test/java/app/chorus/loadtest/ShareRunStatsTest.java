package app.chorus.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ShareRunStatsTest {

    private static BitSet sequenceNumbers(int from, int to) {
        BitSet set = new BitSet();
        set.set(from, to);
        return set;
    }

    @Test
    void onlyChunksStampedInsideTheWindowAreMeasuredWhenEverTheyArrive() {
        ShareRunStats stats = new ShareRunStats();
        ReceiptLedger ledger = new ReceiptLedger();
        stats.chunk(ledger, 0, 900, 950_000); // warm-up, before the window opened
        stats.openWindow(1000);
        stats.chunk(ledger, 1, 999, 1_010_000); // sent before the window, received in it
        stats.chunk(ledger, 2, 1000, 1_012_500);
        stats.closeWindow(2000);
        stats.chunk(ledger, 3, 1999, 2_100_000); // sent in the window, received in the drain
        stats.chunk(ledger, 4, 2000, 2_001_000); // sent after the window

        Histogram latency = stats.takeChunkLatency();
        assertThat(latency.getTotalCount()).isEqualTo(2);
        assertThat(latency.getMinValue()).isBetween(12_480L, 12_510L); // 3 significant digits
        assertThat(latency.getMaxValue()).isBetween(101_000L, 101_100L);
        assertThat(stats.deliveries.sum()).isEqualTo(2);
        assertThat(stats.unmeasuredChunks.sum()).isEqualTo(3);
        assertThat(ledger.meanLatencyMicros()).isBetween(56_750.0, 56_800.0);
    }

    @Test
    void aRepeatedChunkIsADuplicateNotASecondDelivery() {
        ShareRunStats stats = new ShareRunStats();
        ReceiptLedger ledger = new ReceiptLedger();
        stats.openWindow(0);
        stats.chunk(ledger, 7, 10, 20_000);
        stats.chunk(ledger, 7, 10, 500_000);

        assertThat(stats.takeChunkLatency().getTotalCount()).isEqualTo(1);
        assertThat(stats.duplicateChunks.sum()).isEqualTo(1);
    }

    @Test
    void missedChunksAreTheExpectedOnesAListenerNeverGot() {
        ShareRunStats stats = new ShareRunStats();
        stats.openWindow(0);
        ReceiptLedger all = new ReceiptLedger();
        ReceiptLedger gap = new ReceiptLedger();
        ReceiptLedger none = new ReceiptLedger();
        for (int sequenceNumber = 10; sequenceNumber < 20; sequenceNumber++) {
            stats.chunk(all, sequenceNumber, 1, 2_000);
            if (sequenceNumber != 13 && sequenceNumber != 17) {
                stats.chunk(gap, sequenceNumber, 1, 2_000);
            }
        }
        stats.chunk(gap, 25, 1, 2_000); // one the server was never seen to accept
        BitSet expected = sequenceNumbers(10, 20);

        assertThat(all.missing(expected)).isZero();
        assertThat(gap.missing(expected)).isEqualTo(2);
        assertThat(none.missing(expected)).isEqualTo(10);
        assertThat(gap.unexpected(expected)).isEqualTo(1);
        assertThat(none.meanLatencyMicros()).isEqualTo(-1);
    }

    @Test
    void metadataCountsOnTheFirstSightOfEachNewerTimestampInTheWindow() {
        ShareRunStats stats = new ShareRunStats();
        ReceiptLedger ledger = new ReceiptLedger();
        stats.metadata(ledger, 900, 950_000); // before the window: not a sample
        stats.openWindow(1000);
        stats.metadata(ledger, 1000, 1_040_000);
        stats.metadata(ledger, 1000, 1_400_000); // a poll repeating the same metadata
        stats.metadata(ledger, 990, 1_500_000); // older than what it had
        stats.metadata(ledger, 1100, 1_150_000);

        Histogram latency = stats.takeMetadataLatency();
        assertThat(latency.getTotalCount()).isEqualTo(2);
        assertThat(latency.getMaxValue()).isBetween(50_000L, 50_100L);
    }

    @Test
    void latenciesAreNeverNegativeNorBeyondAMinute() {
        ShareRunStats stats = new ShareRunStats();
        stats.openWindow(0);
        stats.chunk(new ReceiptLedger(), 1, 5_000, 4_999_000);
        stats.chunk(new ReceiptLedger(), 1, 5_000, 5_000_000 + ShareRunStats.MAX_LATENCY_MICROS * 2);

        Histogram latency = stats.takeChunkLatency();
        assertThat(latency.getMinValue()).isZero();
        assertThat(latency.getMaxValue()).isBetween(ShareRunStats.MAX_LATENCY_MICROS - 100_000,
                ShareRunStats.MAX_LATENCY_MICROS + 100_000);
    }
}
