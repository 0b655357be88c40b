package app.chorus.sources;

import java.time.Duration;
import java.util.List;

/**
 * How a yt-dlp run goes wrong, the same for every use of the program (URL import downloads,
 * YouTube searches and stream lookups): the message worth showing, and the time limit that stops a
 * run which hangs. Stateless.
 */
final class YtDlpFailures {
    private static final String ERROR = "ERROR:";

    private YtDlpFailures() {
    }

    /**
     * The last {@code ERROR:} line yt-dlp printed, without its prefix, because that is the one
     * that says what went wrong (earlier ones are retries); else {@code fallback} with the last
     * lines of its output, so a crash without an ERROR line still says something.
     */
    static String message(List<String> lines, String fallback) {
        for (int index = lines.size() - 1; index >= 0; index--) {
            if (lines.get(index).startsWith(ERROR)) {
                return lines.get(index).substring(ERROR.length()).strip();
            }
        }
        int from = Math.max(0, lines.size() - 5);
        return lines.isEmpty() ? fallback : fallback + ": " + String.join(" | ", lines.subList(from, lines.size()));
    }

    /**
     * A check for {@code ChildProcess.await}'s waiting loop that throws {@link TimedOut} once
     * {@code limit} has passed from now; the throw makes {@code await} kill the process.
     */
    static Runnable deadline(Duration limit) {
        long ends = System.nanoTime() + limit.toNanos();
        return () -> {
            if (System.nanoTime() - ends > 0) {
                throw new TimedOut();
            }
        };
    }

    /** The run went past its time; the process is killed on the way out. */
    static final class TimedOut extends RuntimeException {
        TimedOut() {
            super(null, null, false, false);
        }
    }
}
