package app.chorus.testing;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} child process on a free loopback port, for one test class: no
 * persistence, its own empty working folder, its output kept for failure reports. The binary is
 * {@code $CHORUS_TEST_REDIS_SERVER}, else {@code redis-server} on PATH, else
 * /usr/bin/redis-server. {@link #close} ends exactly this process and waits for it.
 */
public final class RedisServer implements AutoCloseable {
    private static final String INSTALL_HINT = "Install the Debian package redis-server (apt-get install -y redis-server, "
            + "as .ci/run does) or point CHORUS_TEST_REDIS_SERVER at a redis-server binary";

    private final Process process;
    private final int port;
    private final Path folder;
    private final Path log;
    private final Thread reaper;

    private RedisServer(Process process, int port, Path folder, Path log) {
        this.process = process;
        this.port = port;
        this.folder = folder;
        this.log = log;
        // Should a test JVM end without close(), the server must not outlive it.
        this.reaper = new Thread(process::destroyForcibly, "redis-server-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts a server and waits until it answers PING. */
    public static RedisServer start() {
        Path binary = binary();
        for (int attempt = 1; ; attempt++) {
            RedisServer server = launch(binary, freePort());
            try {
                await("redis-server on port " + server.port + " to answer PING")
                        .atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(25))
                        .ignoreExceptions()
                        .failFast("redis-server exited: " + server.log, () -> !server.process.isAlive())
                        .until(() -> "+PONG".equals(server.command("PING")));
                return server;
            } catch (RuntimeException | Error e) {
                // The free port may have been taken between finding it and binding it: try another.
                String output = server.log();
                server.close();
                if (!output.contains("already in use") || attempt == 3) {
                    throw new IllegalStateException(server + " did not answer PING; it printed:\n" + output, e);
                }
            }
        }
    }

    private static RedisServer launch(Path binary, int port) {
        Path folder;
        try {
            folder = Files.createTempDirectory("chorus-redis-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = folder.resolve("redis.log");
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", folder.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            return new RedisServer(builder.start(), port, folder, log);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + binary + ". " + INSTALL_HINT, e);
        }
    }

    private static Path binary() {
        String configured = System.getenv("CHORUS_TEST_REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("CHORUS_TEST_REDIS_SERVER=" + configured + " is not an executable file. " + INSTALL_HINT);
            }
            return path;
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        Stream<Path> candidates = Stream.concat(
                Stream.of(pathVariable.split(java.io.File.pathSeparator)).filter(dir -> !dir.isEmpty())
                        .map(dir -> Path.of(dir, "redis-server")),
                Stream.of(Path.of("/usr/bin/redis-server")));
        return candidates.filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("No redis-server found (CHORUS_TEST_REDIS_SERVER, PATH, "
                        + "/usr/bin/redis-server); the Redis tests need a real one. " + INSTALL_HINT));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The URL Chorus takes, {@code redis://127.0.0.1:port}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Deletes every key (between tests). */
    public void flushAll() {
        String reply = command("FLUSHALL");
        if (!"+OK".equals(reply)) {
            throw new IllegalStateException("FLUSHALL answered " + reply);
        }
    }

    /** Sends one command in RESP and returns the first line of the reply, e.g. {@code +PONG}. */
    private String command(String... words) {
        StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the server printed, for a failure report. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Ends this server (SIGTERM, then SIGKILL after 10 s), waits for it and removes its folder. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already ending; the hook runs anyway and finds the process gone.
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }

    @Override
    public String toString() {
        return "redis-server pid " + process.pid() + " on port " + port;
    }
}
