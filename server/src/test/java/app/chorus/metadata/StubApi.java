package app.chorus.metadata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for a remote API: answers each path with a scripted sequence of replies (the last
 * one repeats) and records what it received, with the time it arrived. Thread-safe.
 */
final class StubApi implements AutoCloseable {
    /** One request as the server saw it. */
    record Received(String path, String rawQuery, String userAgent, long receivedNanos) {
        URI uri() {
            return URI.create(path + (rawQuery == null ? "" : "?" + rawQuery));
        }
    }

    /** Writes one response. */
    interface Reply {
        void send(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, List<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> served = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    StubApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code path} with {@code replies} in turn, repeating the last. */
    StubApi on(String path, Reply... replies) {
        scripts.put(path, List.of(replies));
        served.put(path, 0);
        return this;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    static Reply json(int status, String body, String... headerNamesAndValues) {
        return bytes(status, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), headerNamesAndValues);
    }

    static Reply fixture(String name) {
        try (InputStream in = StubApi.class.getResourceAsStream("/metadata/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return json(200, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static Reply status(int status, String... headerNamesAndValues) {
        return json(status, "{\"error\":\"status " + status + "\"}", headerNamesAndValues);
    }

    static Reply bytes(int status, String contentType, byte[] body, String... headerNamesAndValues) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            for (int index = 0; index + 1 < headerNamesAndValues.length; index += 2) {
                exchange.getResponseHeaders().set(headerNamesAndValues[index], headerNamesAndValues[index + 1]);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };
    }

    /** A 200 JSON answer sent in chunks, without a Content-Length, so only counting can bound it. */
    static Reply chunkedJson(byte[] body) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int offset = 0; offset < body.length; offset += 64 * 1024) {
                    out.write(body, offset, Math.min(64 * 1024, body.length - offset));
                }
            }
        };
    }

    /** Sends {@code then} only after {@code delay} (or when the stub closes): a server that is too slow. */
    Reply slow(Duration delay, Reply then) {
        return exchange -> {
            try {
                closing.await(delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            then.send(exchange);
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        URI uri = exchange.getRequestURI();
        received.add(new Received(uri.getPath(), uri.getRawQuery(), exchange.getRequestHeaders().getFirst("User-Agent"), now));
        List<Reply> script = scripts.get(uri.getPath());
        try (exchange) {
            if (script == null) {
                json(404, "{\"error\":\"Not Found\"}").send(exchange);
                return;
            }
            int index = served.merge(uri.getPath(), 1, Integer::sum) - 1;
            script.get(Math.min(index, script.size() - 1)).send(exchange);
        } catch (IOException clientGone) {
            // The client gave up (time-out test) or refused the body (size test): nothing to answer.
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
