package app.chorus.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A script of {@code src/test/node} run by the system {@code node}, which reports one JSON object
 * per stdout line. Closing it kills the process, so no node outlives its test.
 */
public final class NodeScript implements AutoCloseable {
    /** The scripts and the node_modules the build installed (surefire runs in the module folder). */
    private static final Path FOLDER = Path.of("src/test/node").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final List<JsonNode> lines = new ArrayList<>();
    /** Every line as printed, JSON or not (stderr too), for failure messages. */
    private final List<String> output = new ArrayList<>();

    private NodeScript(Process process) {
        this.process = process;
        Thread.ofVirtual().start(this::read);
    }

    public static NodeScript start(String script, String... arguments) {
        List<String> command = new ArrayList<>(List.of("node", FOLDER.resolve(script).toString()));
        command.addAll(List.of(arguments));
        try {
            return new NodeScript(new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run node (the Socket.IO tests need Node.js 20+ on PATH)", e);
        }
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                synchronized (output) {
                    output.add(line);
                }
                if (line.startsWith("{")) {
                    JsonNode json = JSON.readTree(line);
                    synchronized (lines) {
                        lines.add(json);
                        lines.notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            // The process was killed: nothing more to read.
        }
    }

    /**
     * The first line the script printed so far that matches, waiting for one up to {@code timeout}.
     * Lines are not consumed, so callers may ask in any order.
     */
    public JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            try {
                while (true) {
                    for (JsonNode line : lines) {
                        if (match.test(line)) {
                            return line;
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("no matching line within " + timeout + "; output: " + output());
                    }
                    TimeUnit.NANOSECONDS.timedWait(lines, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits for the script to end; returns its exit code, or fails (killing it) after {@code timeout}. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new AssertionError("still running after " + timeout + "; output: " + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes one line to the script's stdin (scripts that take commands read them line by line). */
    public void send(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the script's stdin is closed; output: " + output(), e);
        }
    }

    /** Every JSON line the script printed so far that matches. */
    public List<JsonNode> all(Predicate<JsonNode> match) {
        synchronized (lines) {
            return lines.stream().filter(match).toList();
        }
    }

    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
