package app.chorus.transport.ws;

import static app.chorus.testing.WsTestClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ping every interval, disconnect after the pong timeout, then normal leave handling (short, configured times). */
class HeartbeatTest {
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start("--ws-ping-interval", "200ms", "--ws-pong-timeout", "1200ms");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static WsTestClient joined(String room, String type) {
        WsTestClient client = server.connect();
        client.handshake(type);
        String request = client.sendWithRequestId("join_room", object("room_id", room));
        assertThat(client.skipToAck(request).get("success").asBoolean()).isTrue();
        return client;
    }

    @Test
    void theServerPingsEveryIntervalWithAnEpochSecondsTimestamp() {
        try (WsTestClient client = server.connect()) {
            client.answerPings(false);
            client.handshake("display");
            JsonNode first = client.expect("ping");
            JsonNode second = client.expect("ping");
            assertThat(first.size()).isEqualTo(1);
            ProtocolAssertions.assertEpochSeconds(first.get("timestamp"));
            double gap = second.get("timestamp").asDouble() - first.get("timestamp").asDouble();
            assertThat(gap).isBetween(0.1, 0.6);
        }
    }

    @Test
    void aSilentLeaderIsDroppedAndTheRoomMovesOnWhileAnAnsweringClientStays() throws Exception {
        WsTestClient display = joined("heartbeat", "display");
        WsTestClient silentLeader = joined("heartbeat", "controller");
        silentLeader.answerPings(false);
        WsTestClient follower = joined("heartbeat", "controller");
        long start = System.nanoTime();

        int code = silentLeader.awaitClose(Duration.ofSeconds(5));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(code).isEqualTo(4000);
        assertThat(seconds).as("dropped close to the 1.2 s timeout").isBetween(0.7, 2.5);
        JsonNode frame;
        do {
            frame = follower.next();
        } while (!frame.get(0).asText().equals("leader_status"));
        assertThat(frame.get(1)).isEqualTo(object("is_leader", true));
        assertThat(follower.expect("client_count").asInt()).isEqualTo(2);
        do {
            frame = display.next();
        } while (!(frame.get(0).asText().equals("client_count") && frame.get(1).asInt() == 2));

        // Those who answer stay connected well past the timeout.
        follower.expectSilence(1500);
        assertThat(follower.isOpen()).isTrue();
        assertThat(display.isOpen()).isTrue();
        JsonNode health = WsTestClient.JSON.readTree(server.get("/health").body());
        assertThat(health.get("connections").get("heartbeat_timeouts").asInt()).isPositive();
        display.close();
        follower.close();
    }

    @Test
    void aConnectionThatNeverHandshakesIsReapedWhenSilentButKeptWhenItAnswers() {
        try (WsTestClient answering = server.connect(); WsTestClient silent = server.connect()) {
            silent.answerPings(false);
            assertThat(silent.awaitClose(Duration.ofSeconds(5))).isEqualTo(4000);
            assertThat(answering.isOpen()).isTrue();
        }
    }
}
