package app.chorus.loadtest;

import java.io.PrintStream;
import org.HdrHistogram.Histogram;

/** Progress lines during the run and the final human-readable report. */
final class RunReport {

    private final RunContext ctx;
    private final LoadTestOptions options;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private long lastProgressNanos = startNanos;
    private long lastDeliveries;
    private volatile String phase = "starting";

    RunReport(RunContext ctx, LoadTestOptions options, PrintStream out) {
        this.ctx = ctx;
        this.options = options;
        this.out = out;
    }

    /** Announces a phase; its first word labels the progress lines that follow. */
    void phase(String description) {
        phase = description.split(" ", 2)[0];
        out.printf("[%6.1fs] phase: %s%n", (System.nanoTime() - startNanos) / 1e9, description);
    }

    /** Called every few seconds from the scheduler, and by the main thread between phases. */
    synchronized void printProgress() {
        LoadStats s = ctx.stats;
        long now = System.nanoTime();
        long deliveries = s.allDeliveries.sum();
        double seconds = (now - lastProgressNanos) / 1e9;
        double perSecond = seconds > 0 ? (deliveries - lastDeliveries) / seconds : 0;
        lastProgressNanos = now;
        lastDeliveries = deliveries;
        Histogram recent = s.takeRecentLatencyHistogram();
        out.printf("[%6.1fs] %-8s open %d joined %d failed %d | deliveries/s %.0f | latency ms p50 %s p99 %s max %s"
                        + " | sent %d acks %d/%d | errors %d, send failures %d, lost %d%n",
                (now - startNanos) / 1e9, phase, s.open.get(), s.joined.sum(),
                s.connectFailed.sum() + s.joinFailed.sum(), perSecond,
                ms(recent.getValueAtPercentile(50)), ms(recent.getValueAtPercentile(99)), ms(recent.getMaxValue()),
                s.commandsSent.sum(), s.acksOk.sum() + s.acksFailed.sum(), s.acksExpected.sum(),
                s.errorFrames.sum() + s.acksFailed.sum(), s.sendFailures.sum(), s.closedByServer.sum());
    }

    void printFinal(Histogram latencyMicros, Histogram sendLagMicros, ServerMemoryProbe.Reading baseline,
                    ServerMemoryProbe.Reading idle, long idleConnections) {
        LoadStats s = ctx.stats;
        long joined = s.joined.sum();
        long failed = options.totalClients() - joined;
        double seconds = s.measuredSeconds();
        long deliveries = s.measuredDeliveries.sum();
        long samples = s.latencySamples.sum();

        out.println();
        out.println("=== Chorus WebSocket load test ===");
        out.printf("target: %s  rooms %d x %d clients (1 controller), %.1f commands/s per room%n",
                options.url, options.rooms, options.clientsPerRoom, options.rate);
        out.printf("phases: warm-up %.0f s, measured %.1f s, idle before memory reading %.0f s%n",
                options.warmupSeconds, seconds, options.idleSeconds);
        if (s.connectFailed.sum() + s.joinFailed.sum() > 0) {
            out.printf("failures: connect %d, join rejected/timed out %d%n", s.connectFailed.sum(), s.joinFailed.sum());
        }
        out.printf("commands sent: %d (warm-up included); send failures %d; pings answered %d;"
                + " unparseable frames %d%n", s.commandsSent.sum(), s.sendFailures.sum(),
                s.pingsAnswered.sum(), s.unparseableFrames.sum());
        out.printf("measured deliveries by type: queue_update %d, player_state %d%n",
                s.measuredQueueUpdates.sum(), s.measuredPlayerStates.sum());
        double cores = s.measuredGeneratorCores();
        if (cores >= 0) {
            int available = Runtime.getRuntime().availableProcessors();
            out.printf("generator cpu while measuring: %.2f of %d core(s), %.1f us per delivery%s%n",
                    cores, available, microsPerDelivery(cores, seconds, deliveries),
                    cores > 0.8 * available ? "  WARNING: generator near saturation, latencies include its own queueing" : "");
        }
        long[] gc = s.generatorGcWhileMeasuring();
        out.printf("generator gc while measuring: %d collection(s), %d ms%s%n", gc[0], gc[1],
                gc[1] > 20 ? "  WARNING: the generator's own pauses are in these latencies" : "");
        double serverCores = s.measuredServerCores();
        if (serverCores >= 0) {
            out.printf("server cpu while measuring: %.2f core(s), %.1f us per delivery%n",
                    serverCores, microsPerDelivery(serverCores, seconds, deliveries));
        }
        if (sendLagMicros.getTotalCount() > 0) {
            boolean late = sendLagMicros.getValueAtPercentile(99) > 10_000;
            out.printf("generator send lag ms: p50 %s  p99 %s  max %s%s%n",
                    ms(sendLagMicros.getValueAtPercentile(50)), ms(sendLagMicros.getValueAtPercentile(99)),
                    ms(sendLagMicros.getMaxValue()),
                    late ? "  WARNING: the generator could not keep its send schedule (CPU starved?)" : "");
        }
        out.printf("connections: %d (joined %d, failed %d, closed by server %d)%n",
                s.opened.sum(), joined, failed, s.closedByServer.sum());
        out.printf("deliveries: %d in %.1f s = %.0f/s (latency measured on %.1f%%)%n",
                deliveries, seconds, seconds > 0 ? deliveries / seconds : 0,
                deliveries > 0 ? 100.0 * samples / deliveries : 0);
        if (latencyMicros.getTotalCount() > 0) {
            out.printf("latency ms: p50 %s  p99 %s  p99.9 %s  max %s%n",
                    ms(latencyMicros.getValueAtPercentile(50)), ms(latencyMicros.getValueAtPercentile(99)),
                    ms(latencyMicros.getValueAtPercentile(99.9)), ms(latencyMicros.getMaxValue()));
        } else {
            out.println("latency ms: no samples");
        }
        long pendingAcks = s.acksExpected.sum() - s.acksOk.sum() - s.acksFailed.sum();
        out.printf("acks: ok %d failed %d%s; error frames %d%n", s.acksOk.sum(), s.acksFailed.sum(),
                pendingAcks > 0 ? " (unanswered " + pendingAcks + ")" : "", s.errorFrames.sum());
        out.println(memoryLine(baseline, idle, idleConnections));
    }

    private String memoryLine(ServerMemoryProbe.Reading baseline, ServerMemoryProbe.Reading idle, long connections) {
        if (baseline == null || idle == null || connections <= 0) {
            return "memory per idle connection: not measured";
        }
        String heap = baseline.heapUsedBytes() >= 0 && idle.heapUsedBytes() >= 0
                ? kib(idle.heapUsedBytes() - baseline.heapUsedBytes(), connections) : "n/a";
        String rss = baseline.rssBytes() >= 0 && idle.rssBytes() >= 0
                ? kib(idle.rssBytes() - baseline.rssBytes(), connections) : "n/a";
        String source = options.serverPid > 0
                ? "server pid " + options.serverPid
                : "no --server-pid: heap not GC'd first, rss unknown";
        String active = idle.activeConnections() >= 0
                ? ", server reports " + idle.activeConnections() + " active connections" : "";
        return String.format("memory per idle connection: heap %s, rss %s (%s; %d connections%s)",
                heap, rss, source, connections, active);
    }

    private static String kib(long bytes, long connections) {
        return String.format("%.1f KiB", bytes / 1024.0 / connections);
    }

    private static String ms(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }

    /** CPU microseconds spent per delivery by a process that used {@code cores} for {@code seconds}. */
    private static double microsPerDelivery(double cores, double seconds, long deliveries) {
        return deliveries > 0 ? cores * seconds * 1e6 / deliveries : 0;
    }
}
