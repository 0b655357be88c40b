package app.chorus.loadtest;

import java.io.PrintStream;
import java.util.List;
import org.HdrHistogram.Histogram;

/** The benchmark's output: a block of details after each run and the table of all runs at the end. */
final class ShareReport {

    private final PrintStream out;

    ShareReport(PrintStream out) {
        this.out = out;
    }

    /** Everything measured in one run, for reading the table's figures in context. */
    void printRun(ShareRunResult r) {
        out.println();
        out.printf("--- %s: %d listeners ready of %d, %.1f s measured ---%n", r.label(), r.listenersReady(),
                r.listeners(), r.windowSeconds());
        out.printf("chunks: %d expected per listener; deliveries %d of %d, missed %d, duplicates %d, unexpected %d%n",
                r.expectedChunks(), r.deliveries(), r.expectedChunks() * r.listeners(), r.missed(), r.duplicates(),
                r.unexpected());
        out.printf("chunk latency ms: %s%n", percentiles(r.chunkLatency()));
        out.printf("metadata latency ms (first sight of each new metadata): %s (%d samples)%n",
                percentiles(r.metadataLatency()), r.metadataLatency().getTotalCount());
        out.printf("broadcaster POST round trip ms: audio %s; metadata %s; send lag max %s%n",
                percentiles(r.audioPosts()), percentiles(r.metadataPosts()), ms(r.sendLag().getMaxValue()));
        out.printf("server: cpu %s of one core, heap %s at the end of the window (%s before the run), push listeners %s%n",
                r.serverCores() < 0 ? "n/a" : String.format("%.0f%%", 100 * r.serverCores()), mib(r.serverHeapEndBytes()),
                mib(r.serverHeapBaseBytes()), r.serverPushListeners() < 0 ? "n/a" : Long.toString(r.serverPushListeners()));
        out.printf("generator: cpu %.0f%% of one core, gc %d collection(s) %d ms, received %.1f MB/s%s%n",
                100 * r.generatorCores(), r.generatorGc()[0], r.generatorGc()[1],
                r.bytesReceived() / 1e6 / Math.max(1e-9, r.windowSeconds()),
                r.generatorGc()[1] > 20 ? "  WARNING: the generator's own pauses are in these latencies" : "");
        out.printf("errors: %s%n", r.errors().describe());
        if (!r.notes().isEmpty()) {
            out.println(r.notes());
        }
    }

    /** The table of all runs, as Markdown so it can go into the README as printed. */
    void printTable(List<ShareRunResult> results) {
        out.println();
        out.println("=== Chorus music share benchmark ===");
        out.println("| chunks | mode | listeners | deliveries | missed | p50 ms | p90 ms | p99 ms | max ms "
                + "| metadata p50 / p99 ms | server CPU | server heap | errors |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (ShareRunResult r : results) {
            Histogram h = r.chunkLatency();
            boolean any = h.getTotalCount() > 0;
            out.printf("| %s s | %s | %d/%d | %d | %d | %s | %s | %s | %s | %s / %s | %s | %s | %d |%n",
                    r.chunkSeconds(), r.mode().label, r.listenersReady(), r.listeners(), r.deliveries(), r.missed(),
                    any ? ms(h.getValueAtPercentile(50)) : "-", any ? ms(h.getValueAtPercentile(90)) : "-",
                    any ? ms(h.getValueAtPercentile(99)) : "-", any ? ms(h.getMaxValue()) : "-",
                    r.metadataLatency().getTotalCount() > 0 ? ms(r.metadataLatency().getValueAtPercentile(50)) : "-",
                    r.metadataLatency().getTotalCount() > 0 ? ms(r.metadataLatency().getValueAtPercentile(99)) : "-",
                    r.serverCores() < 0 ? "n/a" : String.format("%.0f%%", 100 * r.serverCores()),
                    mib(r.serverHeapEndBytes()), r.errors().total());
        }
        out.println("(latency: chunk timestamp at the broadcaster's send to the listener's receipt; server CPU: % of one"
                + " core over the window; server heap: /health heap used at the window's end)");
    }

    private static String percentiles(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format("p50 %s  p90 %s  p99 %s  max %s", ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
    }

    static String ms(long micros) {
        return micros >= 100_000 ? String.format("%.0f", micros / 1000.0) : String.format("%.1f", micros / 1000.0);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.0f MiB", bytes / 1048576.0);
    }
}
