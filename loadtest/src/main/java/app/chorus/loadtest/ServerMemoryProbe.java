package app.chorus.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Reads the server's memory use: heap after a forced full GC (via jcmd and the /health
 * endpoint) and resident set size from /proc. Forcing a GC first matters: without it the
 * heap figure is mostly garbage that happens not to have been collected yet.
 */
final class ServerMemoryProbe implements AutoCloseable {

    /** One reading; -1 marks a value that could not be obtained. */
    record Reading(long heapUsedBytes, long activeConnections, long rssBytes) {
        String describe() {
            return "heap " + mib(heapUsedBytes) + ", rss " + mib(rssBytes) + ", active connections "
                    + (activeConnections < 0 ? "n/a" : Long.toString(activeConnections));
        }

        private static String mib(long bytes) {
            return bytes < 0 ? "n/a" : String.format("%.1f MiB", bytes / 1048576.0);
        }
    }

    private final long pid;
    private final URI healthUrl;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServerMemoryProbe(long pid, URI healthUrl) {
        this.pid = pid;
        this.healthUrl = healthUrl;
    }

    Reading read() {
        if (pid > 0) {
            forceGc();
            sleepQuietly(1000); // let the collector finish and the heap figure settle
        }
        long heap = -1;
        long active = -1;
        JsonNode root = health();
        if (root != null) {
            heap = longAt(root.path("memory").path("heap_used_bytes"));
            active = longAt(root.path("active_connections"));
            if (active < 0) {
                // Tolerate the field being nested (e.g. under "websocket") rather than top level.
                JsonNode nested = root.findValue("active_connections");
                active = nested == null ? -1 : longAt(nested);
            }
        }
        return new Reading(heap, active, pid > 0 ? readRss() : -1);
    }

    /** The server's /health answer as it is now (no GC forced), or null when it cannot be read; says why on stdout. */
    JsonNode health() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(healthUrl).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return mapper.readTree(response.body());
            }
            System.out.println("warning: " + healthUrl + " answered HTTP " + response.statusCode());
        } catch (IOException e) {
            System.out.println("warning: cannot read " + healthUrl + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /**
     * CPU time the server process has used so far (all threads, user and kernel), in
     * nanoseconds, from /proc/PID/stat; -1 without a server PID or on a system without /proc.
     * The kernel reports it in USER_HZ ticks, which Linux fixes at 100 per second.
     */
    long cpuNanos() {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private static long longAt(JsonNode node) {
        return node.isNumber() ? node.asLong() : -1;
    }

    /** Runs "jcmd PID GC.run"; failure only costs accuracy, so it is reported and ignored. */
    private void forceGc() {
        String jcmd = findJcmd();
        try {
            Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                System.out.println("warning: jcmd GC.run timed out");
            } else if (p.exitValue() != 0) {
                System.out.println("warning: " + jcmd + " " + pid + " GC.run exited " + p.exitValue());
            }
        } catch (IOException e) {
            System.out.println("warning: cannot run jcmd: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** $JAVA_HOME/bin/jcmd, then the JDK running us, then whatever PATH finds. */
    private static String findJcmd() {
        String javaHome = System.getenv("JAVA_HOME");
        for (String home : new String[] {javaHome, System.getProperty("java.home")}) {
            if (home != null) {
                Path candidate = Path.of(home, "bin", "jcmd");
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return "jcmd";
    }

    private long readRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) * 1024; // the kernel reports kB
                }
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("warning: cannot read RSS of pid " + pid + ": " + e);
        }
        return -1;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
