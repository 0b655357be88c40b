package app.chorus.loadtest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Problems of one benchmark run, counted by kind instead of thrown: a failed poll or a lost
 * socket is a result to report, not a reason to stop measuring. The first few are echoed to
 * stderr verbatim, since a count alone does not say what went wrong. Thread-safe.
 */
final class ErrorTally {

    private static final int SAMPLES = 5;

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final AtomicInteger samplesPrinted = new AtomicInteger();

    void count(String kind, String detail) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (samplesPrinted.getAndIncrement() < SAMPLES) {
            String shown = detail == null ? "" : detail.length() > 300 ? detail.substring(0, 300) + "..." : detail;
            System.err.println("[" + kind + "] " + shown);
        }
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Counts by kind, sorted by name. */
    Map<String, Long> byKind() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((kind, count) -> sorted.put(kind, count.sum()));
        return sorted;
    }

    /** "poll audio: HTTP 503 x3, socket lost x1", or "none". */
    String describe() {
        Map<String, Long> kinds = byKind();
        if (kinds.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        kinds.forEach((kind, count) -> text.append(text.isEmpty() ? "" : ", ").append(kind).append(" x").append(count));
        return text.toString();
    }
}
