package app.chorus.testing;

import app.chorus.Chorus;
import app.chorus.config.Config;
import app.chorus.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real Chorus on a free port with its own data folder; one per test class. */
public final class TestServer implements AutoCloseable {
    private final Path dataDir;
    private final List<String> extraArguments;
    private final HttpClient http = HttpClient.newHttpClient();
    private Chorus chorus;

    private TestServer(Path dataDir, List<String> extraArguments) {
        this.dataDir = dataDir;
        this.extraArguments = extraArguments;
    }

    /** Starts a server; {@code arguments} are extra command-line settings such as "--room-max-queue", "3". */
    public static TestServer start(String... arguments) {
        try {
            TestServer server = new TestServer(Files.createTempDirectory("chorus-test"), List.of(arguments));
            server.restart();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration this server runs with. */
    public Config config() {
        // No demo song unless a test asks for one: tests start from an empty library.
        List<String> arguments = new ArrayList<>(List.of("--port", "0", "--data-dir", dataDir.toString(),
                "--demo-song", "never"));
        arguments.addAll(extraArguments);
        return ConfigLoader.load(arguments, Map.of());
    }

    /** Stops (gracefully) if running, then starts again on the same data folder. */
    public void restart() {
        if (chorus != null) {
            chorus.close();
        }
        chorus = Chorus.start(config());
    }

    public Chorus chorus() {
        return chorus;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return chorus.port();
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public URI ws() {
        return URI.create("ws://127.0.0.1:" + port() + "/ws");
    }

    /** A new WebSocket client connected to /ws. */
    public WsTestClient connect(String... headers) {
        return WsTestClient.connect(ws(), headers);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(http(path)).GET().build());
    }

    public HttpResponse<String> post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int index = 0; index < headers.length; index += 2) {
            request.header(headers[index], headers[index + 1]);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (chorus != null) {
            chorus.close();
            chorus = null;
        }
    }
}
