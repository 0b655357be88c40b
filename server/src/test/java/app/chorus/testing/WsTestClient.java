package app.chorus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real WebSocket client (the JDK's) speaking the /ws protocol as the original front end does:
 * {@code [name, payload]} text frames. Every frame received is kept in arrival order for checks.
 * Pings are not answered unless {@link #answerPings} is on.
 */
public final class WsTestClient implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicLong requestCounter = new AtomicLong();
    private volatile boolean answerPings = true;
    private WebSocket socket;

    private WsTestClient() {
    }

    public static WsTestClient connect(URI uri, String... headers) {
        WsTestClient client = new WsTestClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        for (int index = 0; index < headers.length; index += 2) {
            builder.header(headers[index], headers[index + 1]);
        }
        client.socket = builder.buildAsync(uri, client.new Listener()).join();
        return client;
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode frame = JSON.readTree(partial.toString());
                    if (answerPings && frame.get(0).asText().equals("ping")) {
                        send("pong", JSON.createObjectNode().put("timestamp", System.currentTimeMillis()));
                    } else {
                        received.add(frame);
                    }
                } catch (Exception e) {
                    received.add(JSON.createArrayNode().add("unparseable").add(partial.toString()));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private final java.io.ByteArrayOutputStream partialBinary = new java.io.ByteArrayOutputStream();

        /** A binary frame joins the same queue as {@code ["binary", <base64 of its bytes>]}, keeping the order. */
        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            partialBinary.writeBytes(bytes);
            if (last) {
                received.add(JSON.createArrayNode().add("binary").add(partialBinary.toByteArray()));
                partialBinary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }

    /** Sends {@code [name, payload]}. */
    public WsTestClient send(String name, JsonNode payload) {
        ArrayNode frame = JSON.createArrayNode().add(name).add(payload);
        return sendRaw(frame.toString());
    }

    /** Sends any text as one frame. */
    public synchronized WsTestClient sendRaw(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** The next frame, which must be binary; returns its bytes. */
    public byte[] expectBinary() {
        JsonNode frame = next();
        assertThat(frame.get(0).asText()).as("frame %s", frame).isEqualTo("binary");
        try {
            return frame.get(1).binaryValue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sends one binary frame (music share audio; the karaoke protocol itself only uses text frames). */
    public synchronized WsTestClient sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
        return this;
    }

    /** Sends the command with a fresh request_id (as the front end's sendCommandWithAck does) and returns the id. */
    public String sendWithRequestId(String name, ObjectNode payload) {
        String requestId = System.currentTimeMillis() + "-req" + requestCounter.incrementAndGet();
        send(name, payload.deepCopy().put("request_id", requestId));
        return requestId;
    }

    public WsTestClient handshake(String clientType) {
        return send("handshake", JSON.createObjectNode().put("client_type", clientType));
    }

    public void answerPings(boolean answer) {
        this.answerPings = answer;
    }

    /** The next frame, failing if none arrives within 5 s. */
    public JsonNode next() {
        try {
            JsonNode frame = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(frame).as("a frame within %s", WAIT).isNotNull();
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next frame, which must be named {@code name}; returns its payload. */
    public JsonNode expect(String name) {
        JsonNode frame = next();
        assertThat(frame.get(0).asText()).as("frame %s", frame).isEqualTo(name);
        assertThat(frame.size()).as("frame %s has exactly two elements", frame).isEqualTo(2);
        return frame.get(1);
    }

    /** The ack for this request, which must succeed; returns its result. */
    public JsonNode expectAck(String requestId) {
        JsonNode ack = expect("ack");
        assertThat(ack.get("request_id").asText()).isEqualTo(requestId);
        assertThat(ack.get("success").asBoolean()).as("ack %s", ack).isTrue();
        assertThat(ack.has("result")).isTrue();
        return ack.get("result");
    }

    /** Skips other frames until the ack for this request; returns the ack payload (success or not). */
    public JsonNode skipToAck(String requestId) {
        while (true) {
            JsonNode frame = next();
            if (frame.get(0).asText().equals("ack") && frame.get(1).get("request_id").asText().equals(requestId)) {
                return frame.get(1);
            }
        }
    }

    /** Frames received so far and not yet taken, without waiting. */
    public List<JsonNode> drain() {
        List<JsonNode> frames = new ArrayList<>();
        received.drainTo(frames);
        return frames;
    }

    /** Waits {@code millis} and fails if any frame arrived. */
    public void expectSilence(long millis) {
        try {
            JsonNode frame = received.poll(millis, TimeUnit.MILLISECONDS);
            assertThat(frame).as("no frame expected").isNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The close code the server sent, waiting up to {@code timeout}. */
    public int awaitClose(Duration timeout) {
        return closed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public boolean isOpen() {
        return !closed.isDone() && !socket.isOutputClosed();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null);
            socket.abort();
        }
    }

    /** A KaraokeEntry as the front end queues it. */
    public static ObjectNode entry(String id, String title, String artist) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("id", id).put("title", title).put("artist", artist).putNull("video_url")
                .put("source", "youtube").put("uploader", "Sing King").put("duration", 213.0);
        return entry;
    }

    public static ObjectNode object(Object... keysAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            node.set((String) keysAndValues[index], JSON.valueToTree(keysAndValues[index + 1]));
        }
        return node;
    }
}
