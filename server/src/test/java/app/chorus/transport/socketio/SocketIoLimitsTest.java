package app.chorus.transport.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Socket.IO's configured heartbeat and limits, seen on the wire by a raw Engine.IO 4 peer: the
 * ping timings in the handshake, a silent session ended after them, over-long polling bodies and
 * WebSocket messages refused, and the outbox that drops rather than blocks a room command.
 */
class SocketIoLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE_BYTES = 2048;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("--socketio-ping-interval", "1s", "--socketio-ping-timeout", "1s",
                "--socketio-max-message-bytes", String.valueOf(MAX_MESSAGE_BYTES));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A polling handshake; returns the handshake's JSON (sid, upgrades, ping timings). */
    private static JsonNode handshake() throws Exception {
        HttpResponse<String> response = server.get("/socket.io/?EIO=4&transport=polling");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("0");
        return JSON.readTree(response.body().substring(1));
    }

    private static HttpResponse<String> poll(String sid) {
        return server.get("/socket.io/?EIO=4&transport=polling&sid=" + sid);
    }

    private static HttpResponse<String> post(String sid, String body) {
        return server.send(HttpRequest.newBuilder(server.http("/socket.io/?EIO=4&transport=polling&sid=" + sid))
                .header("Content-Type", "text/plain;charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void theHandshakeAnnouncesTheConfiguredPingTimings() throws Exception {
        JsonNode open = handshake();

        assertThat(open.get("pingInterval").asInt()).isEqualTo(1000);
        assertThat(open.get("pingTimeout").asInt()).isEqualTo(1000);
        assertThat(open.get("upgrades")).containsExactly(JSON.readTree("\"websocket\""));
    }

    @Test
    void aSessionThatNeverAnswersAPingIsEndedAfterTheIntervalAndTimeOut() throws Exception {
        String sid = handshake().get("sid").asText();
        assertThat(poll(sid).body()).as("the first ping, after the interval").isEqualTo("2");

        // No pong: one interval plus the time-out later the session is gone.
        await().atMost(Duration.ofSeconds(10)).until(() -> poll(sid).statusCode() == 400);
        assertThat(JSON.readTree(poll(sid).body()).get("message").asText()).isEqualTo("Session ID unknown");
    }

    @Test
    void anOverLongPollingBodyIsRefusedAndTheSessionGoesOn() throws Exception {
        String sid = handshake().get("sid").asText();

        HttpResponse<String> refused = post(sid, "42[\"request_jobs_list\",\"" + "x".repeat(MAX_MESSAGE_BYTES) + "\"]");

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.readTree("{\"code\":3,\"message\":\"Bad request\"}"));
        HttpResponse<String> connect = post(sid, "40/jobs,");
        assertThat(connect.statusCode()).isEqualTo(200);
        assertThat(connect.body()).isEqualTo("ok");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(poll(sid).body()).contains("40/jobs,{\"sid\""));
    }

    @Test
    void anOverLongWebSocketMessageClosesThatSocketWithMessageTooBig() throws Exception {
        List<String> received = new ArrayList<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        CountDownLatch opened = new CountDownLatch(1);
        URI address = URI.create("ws://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=websocket");
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(address, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                synchronized (received) {
                    received.add(data.toString());
                }
                opened.countDown();
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
        assertThat(opened.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(received.getFirst()).startsWith("0{\"sid\":");

        socket.sendText("42[\"request_jobs_list\",\"" + "x".repeat(MAX_MESSAGE_BYTES) + "\"]", true);

        assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo(1009);
    }

    @Test
    void aFullOutboxDropsAndCountsInsteadOfBlockingThePublisher() throws Exception {
        EngineLock lock = new EngineLock();
        List<Integer> sent = new ArrayList<>();
        try (Outbox outbox = new Outbox(lock, 16)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // The engine is busy: the outbox thread takes the first send and waits for the lock.
            Thread busy = Thread.ofPlatform().start(() -> lock.run(() -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            holding.await();
            int accepted = 0;
            for (int index = 0; index < 40; index++) {
                int value = index;
                if (outbox.post(() -> sent.add(value))) {
                    accepted++;
                }
            }
            release.countDown();
            busy.join();

            assertThat(accepted).isBetween(16, 17);
            assertThat(outbox.dropped()).isEqualTo(40 - accepted);
            int expected = accepted;
            await().atMost(Duration.ofSeconds(5)).until(() -> lock.call(sent::size) == expected);
            assertThat(sent).isSorted();
        }
    }

    @Test
    void healthCountsTheOpenSessions() throws Exception {
        handshake();

        JsonNode health = JSON.readTree(server.get("/health").body());

        assertThat(health.get("socketio").get("sessions").asInt()).isPositive();
        assertThat(health.get("socketio").get("dropped_sends").asLong()).isZero();
    }
}
