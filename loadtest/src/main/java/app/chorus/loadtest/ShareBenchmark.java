package app.chorus.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/**
 * Music share benchmark: one broadcaster on the HTTP API sends 44.1 kHz stereo float32 PCM in
 * real time (chunks of a given length) and metadata every 100 ms with a cover picture, while 500
 * listeners receive it, either polling the HTTP API as the desktop receiver does or pushed over
 * /ws. For every chunk length and mode it reports the latency from each chunk's send to each
 * listener's receipt, the chunks a listener never got, and the server's CPU and heap.
 *
 * <p>Each run: a fresh session; the broadcaster starts; the listeners start at the ramp's rate
 * and the run waits until all receive; a warm-up; the measured window (chunks stamped inside it
 * are the measured ones); a drain, the broadcast going on, lets the window's last chunks arrive;
 * the listeners stop, then the broadcaster, and the session ends. Problems are counted and
 * reported, not thrown.
 * See loadtest/README.md, "Music share benchmark".
 */
public final class ShareBenchmark {

    static final int EXIT_SETUP_FAILURE = 2;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    /** The broadcaster runs this long before the listeners come, so metadata and chunks are there. */
    private static final long LEAD_MILLIS = 1000;
    private static final long PROGRESS_MILLIS = 5000;
    private static final long SETTLE_MILLIS = 2000;
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ShareBenchmarkOptions options;
    private final BenchClock clock = new BenchClock();
    private final ShareJson json = new ShareJson();
    private final ShareReport report = new ShareReport(System.out);
    /** When the last progress line was printed (or the run's listeners became ready). */
    private long lastProgressNanos;

    private ShareBenchmark(ShareBenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        ShareBenchmarkOptions options;
        try {
            options = ShareBenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(ShareBenchmarkOptions.usage());
            System.exit(EXIT_SETUP_FAILURE);
            return;
        }
        if (options.help) {
            System.out.print(ShareBenchmarkOptions.usage());
            return;
        }
        int code;
        try {
            code = new ShareBenchmark(options).run();
        } catch (Exception e) {
            System.err.println("share benchmark failed: " + e);
            e.printStackTrace();
            code = EXIT_SETUP_FAILURE;
        }
        System.out.flush();
        // Exit explicitly so that a stray non-daemon thread of a library cannot keep a finished run alive.
        System.exit(code);
    }

    private int run() throws InterruptedException {
        List<ShareRunResult> results = new ArrayList<>();
        boolean anyReady = false;
        System.out.printf("music share benchmark: %s, %d listeners, chunks %s s, modes %s, warm-up %.0f s,"
                        + " measured %.0f s%s%n", options.url, options.listeners, options.chunkSeconds,
                options.modes.stream().map(m -> m.label).toList(), options.warmupSeconds, options.durationSeconds,
                options.serverPid > 0 ? ", server pid " + options.serverPid : ", no --server-pid: server CPU not measured");
        try (ServerMemoryProbe probe = new ServerMemoryProbe(options.serverPid, options.healthUrl)) {
            int runIndex = 0;
            for (double chunkSeconds : options.chunkSeconds) {
                for (ShareBenchmarkOptions.Mode mode : options.modes) {
                    ShareRunResult result = runOnce(probe, chunkSeconds, mode, runIndex++);
                    if (result != null) {
                        report.printRun(result);
                        results.add(result);
                        anyReady |= result.listenersReady() > 0;
                    }
                    Thread.sleep(SETTLE_MILLIS);
                }
            }
        }
        report.printTable(results);
        return anyReady ? 0 : EXIT_SETUP_FAILURE;
    }

    /** One run; null when its session could not even start. */
    private ShareRunResult runOnce(ServerMemoryProbe probe, double chunkSeconds, ShareBenchmarkOptions.Mode mode,
                                   int runIndex) throws InterruptedException {
        String sessionId = sessionId(runIndex);
        ShareRunStats stats = new ShareRunStats();
        phase(chunkSeconds + " s chunks, " + mode.label + ": session " + sessionId);
        ServerMemoryProbe.Reading baseline = probe.read(); // after a GC on the server when its pid is known
        ShareContent content = new ShareContent(chunkSeconds, options.thumbnailBytes);
        try (HttpClient broadcasterHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()) {
            ShareBroadcaster broadcaster = new ShareBroadcaster(broadcasterHttp, options.url, options.token, sessionId,
                    content, clock, stats, Duration.ofNanos((long) (chunkSeconds * 1e9)), options.metadataInterval);
            try {
                broadcaster.start();
            } catch (IOException e) {
                System.out.println("setup failure: " + e.getMessage());
                return null;
            }
            Thread.sleep(LEAD_MILLIS);

            ShareAudience audience;
            try {
                audience = mode == ShareBenchmarkOptions.Mode.POLL
                        ? new SharePollers(options, sessionId, stats, clock)
                        : new SharePushers(options, sessionId, json, stats, clock);
            } catch (IOException e) {
                System.out.println("setup failure: " + e);
                broadcaster.stopSending();
                broadcaster.stopSession();
                return null;
            }
            phase("starting " + options.listeners + " listeners at " + options.connectRate + "/s");
            audience.start();
            int ready = audience.awaitReady(READY_TIMEOUT);
            phase(ready + " of " + options.listeners + " listeners receiving; warm-up " + options.warmupSeconds + " s");
            // Empty the generator's own heap now, so that no collection of the instrument lands in the window.
            System.gc();
            stats.takeRecentLatency();
            lastProgressNanos = System.nanoTime();
            sleepWithProgress(options.warmupSeconds, stats);

            phase("measuring " + options.durationSeconds + " s");
            broadcaster.takeAudioRoundTrips();
            broadcaster.takeMetadataRoundTrips();
            broadcaster.takeSendLag();
            long[] gcBefore = LoadStats.generatorGc();
            long cpuBefore = LoadStats.processCpuNanos();
            long serverCpuBefore = probe.cpuNanos();
            long bytesBefore = stats.bytesReceived.sum();
            long startNanos = System.nanoTime();
            stats.openWindow(clock.nowMillis());
            sleepWithProgress(options.durationSeconds, stats);
            stats.closeWindow(clock.nowMillis());
            long endNanos = System.nanoTime();
            long bytesInWindow = stats.bytesReceived.sum() - bytesBefore;
            long serverCpuAfter = probe.cpuNanos();
            long cpuAfter = LoadStats.processCpuNanos();
            long[] gcAfter = LoadStats.generatorGc();
            Histogram audioPosts = broadcaster.takeAudioRoundTrips();
            Histogram metadataPosts = broadcaster.takeMetadataRoundTrips();
            Histogram sendLag = broadcaster.takeSendLag();
            JsonNode health = probe.health();

            // The broadcast goes on through the drain, as a real one would: a poller's first sight
            // of the window's last metadata is then no later than it would be mid-stream.
            phase("draining " + options.drainSeconds + " s");
            Thread.sleep((long) (options.drainSeconds * 1000));
            audience.stop();
            broadcaster.stopSending();
            broadcaster.stopSession();

            double seconds = (endNanos - startNanos) / 1e9;
            BitSet expected = broadcaster.expectedChunks();
            long missed = 0;
            long unexpected = 0;
            for (ReceiptLedger ledger : audience.ledgers()) {
                missed += ledger.missing(expected);
                unexpected += ledger.unexpected(expected);
            }
            return new ShareRunResult(chunkSeconds, mode, options.listeners, ready, seconds, expected.cardinality(),
                    stats.deliveries.sum(), missed, stats.duplicateChunks.sum(), unexpected, stats.takeChunkLatency(),
                    stats.takeMetadataLatency(), cores(serverCpuBefore, serverCpuAfter, endNanos - startNanos),
                    health == null ? -1 : health.path("memory").path("heap_used_bytes").asLong(-1),
                    baseline.heapUsedBytes(),
                    health == null ? -1 : health.path("share").path("push_listeners").asLong(-1),
                    cores(cpuBefore, cpuAfter, endNanos - startNanos),
                    new long[] {gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]}, bytesInWindow,
                    audioPosts, metadataPosts, sendLag, stats.errors, notes(audience));
        }
    }

    /**
     * The audience's own notes and the mean chunk latency of each tenth of the listeners in the
     * order they started (and, for push, subscribed): a server that sends to its subscribers one
     * after the other shows it as latency growing with the position.
     */
    private static String notes(ShareAudience audience) {
        List<ReceiptLedger> ledgers = audience.ledgers();
        StringBuilder text = new StringBuilder(audience.notes());
        int groups = Math.min(10, ledgers.size());
        if (groups > 0) {
            text.append(text.isEmpty() ? "" : "\n").append("mean chunk latency ms by listener start order, in tenths:");
            for (int group = 0; group < groups; group++) {
                double sum = 0;
                int count = 0;
                for (ReceiptLedger ledger : ledgers.subList(group * ledgers.size() / groups,
                        (group + 1) * ledgers.size() / groups)) {
                    double mean = ledger.meanLatencyMicros();
                    if (mean >= 0) {
                        sum += mean;
                        count++;
                    }
                }
                text.append(count == 0 ? " -" : String.format(" %.1f", sum / count / 1000));
            }
        }
        return text.toString();
    }

    /** A six-digit session id of its own for each run, so a run never sees another's chunks. */
    private static String sessionId(int runIndex) {
        return Integer.toString(100_000 + ThreadLocalRandom.current().nextInt(800_000) + runIndex);
    }

    private static double cores(long cpuBefore, long cpuAfter, long wallNanos) {
        return cpuBefore < 0 || cpuAfter < 0 || wallNanos <= 0 ? -1 : (double) (cpuAfter - cpuBefore) / wallNanos;
    }

    /** Sleeps, printing the chunk latencies and measured deliveries so far every few seconds. */
    private void sleepWithProgress(double seconds, ShareRunStats stats) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long left;
        while ((left = end - System.nanoTime()) > PROGRESS_MILLIS * 1_000_000) {
            Thread.sleep(PROGRESS_MILLIS);
            long now = System.nanoTime();
            Histogram recent = stats.takeRecentLatency();
            phase(String.format("last %.0f s: %d chunk receipts, latency ms p50 %s p99 %s max %s | measured deliveries %d,"
                            + " errors %d", (now - lastProgressNanos) / 1e9, recent.getTotalCount(),
                    ShareReport.ms(recent.getValueAtPercentile(50)), ShareReport.ms(recent.getValueAtPercentile(99)),
                    ShareReport.ms(recent.getMaxValue()), stats.deliveries.sum(), stats.errors.total()));
            lastProgressNanos = now;
        }
        Thread.sleep(Math.max(0, left / 1_000_000));
    }

    private static void phase(String description) {
        System.out.printf("[%s] %s%n", java.time.LocalTime.now().format(TIME), description);
    }
}
