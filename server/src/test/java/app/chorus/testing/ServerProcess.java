package app.chorus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Chorus servers in JVMs of their own, on one data folder and port, for tests that kill a server
 * with SIGKILL and start it again. Keeps every server's output for failure reports.
 */
public final class ServerProcess implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    public ServerProcess(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            this.port = socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public URI ws() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    /** Starts {@code app.chorus.Main} with extra arguments and waits until /heartbeat answers. */
    public Process start(String... arguments) {
        Path log = dataDir.resolve("server-" + (processes.size() + 1) + ".log");
        logs.add(log);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1",
                // The test classpath holds logback-test.xml (warnings only); the server's own
                // logback.xml logs start-up and shutdown, which is what a failure report needs.
                "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"),
                "app.chorus.Main", "serve", "--port", Integer.toString(port), "--data-dir", dataDir.toString(),
                "--demo-song", "never"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CHORUS_"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        processes.add(process);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest heartbeat = HttpRequest.newBuilder(http("/heartbeat")).timeout(Duration.ofSeconds(2)).GET().build();
        await("the server on port " + port + " to answer /heartbeat")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .ignoreExceptions()
                .failFast("the server process exited; " + log, () -> !process.isAlive())
                .until(() -> http.send(heartbeat, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return process;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    public void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the killed server exits").isTrue();
        assertThat(process.exitValue()).as("exit status of a SIGKILLed JVM").isEqualTo(128 + 9);
    }

    /** Every server's output, for a failure report. */
    public String logs() {
        StringBuilder all = new StringBuilder();
        for (Path log : logs) {
            try {
                all.append("----- ").append(log).append(" -----\n")
                        .append(Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)");
            } catch (IOException e) {
                all.append("----- ").append(log).append(" unreadable: ").append(e).append('\n');
            }
        }
        return all.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
