package app.chorus.transport.ws;

import static app.chorus.testing.WsTestClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The performance controls over /ws with real clients: a TV and two phones in one room share the
 * guide-vocal and instrumental levels, lyrics size and offset, and play/pause; each change
 * reaches the others (not its sender), progress answers only the reporter, another room hears
 * nothing, bad values get a validation_error, and the state survives a restart.
 */
class PerformanceControlsTest {
    private static TestServer server;
    private final List<WsTestClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void disconnect() {
        clients.forEach(WsTestClient::close);
        clients.clear();
    }

    private WsTestClient joined(String room, String type) {
        WsTestClient client = server.connect();
        clients.add(client);
        client.handshake(type);
        assertThat(client.skipToAck(client.sendWithRequestId("join_room", object("room_id", room))).get("success")
                .asBoolean()).isTrue();
        return client;
    }

    /** Skips other frames until one named {@code name}; returns its payload. */
    private static JsonNode next(WsTestClient client, String name) {
        while (true) {
            JsonNode frame = client.next();
            if (frame.get(0).asText().equals(name)) {
                return frame.get(1);
            }
        }
    }

    @Test
    void aControlChangedOnOnePhoneReachesTheTvAndTheOtherPhoneButNotItselfOrAnotherRoom() {
        WsTestClient tv = joined("stage", "display");
        WsTestClient phone = joined("stage", "controller");
        WsTestClient friend = joined("stage", "controller");
        WsTestClient elsewhere = joined("other-stage", "display");

        phone.sendWithRequestId("join_performance", object());
        JsonNode initial = next(phone, "performance_state");
        assertThat(initial).isEqualTo(object("vocal_volume", 0.0, "instrumental_volume", 1.0, "lyrics_size", "medium",
                "lyrics_offset", 0, "current_time", 0.0, "duration", 0.0, "is_playing", false));

        String request = phone.sendWithRequestId("update_performance_control", object("control", "vocal_volume", "value", 0.35));
        assertThat(phone.skipToAck(request).get("success").asBoolean()).isTrue();
        assertThat(next(tv, "control_updated")).isEqualTo(object("control", "vocal_volume", "value", 0.35));
        assertThat(next(friend, "control_updated")).isEqualTo(object("control", "vocal_volume", "value", 0.35));
        friend.sendWithRequestId("update_performance_control", object("control", "lyrics_size", "value", "large"));
        assertThat(next(tv, "control_updated")).isEqualTo(object("control", "lyrics_size", "value", "large"));
        assertThat(next(phone, "control_updated")).as("the phone hears the friend's change, not its own")
                .isEqualTo(object("control", "lyrics_size", "value", "large"));
        elsewhere.expectSilence(200);
    }

    @Test
    void progressIsAnsweredToTheReporterAndPlayPauseGoesToTheWholeRoom() {
        WsTestClient tv = joined("party", "display");
        WsTestClient phone = joined("party", "controller");

        tv.sendWithRequestId("report_performance", object("is_playing", true, "current_time", 42.5, "duration", 210.0));
        JsonNode reported = next(tv, "performance_state");
        assertThat(reported.get("current_time").asDouble()).isEqualTo(42.5);
        assertThat(reported.get("is_playing").asBoolean()).isTrue();

        phone.sendWithRequestId("playback_pause", object());
        for (WsTestClient client : List.of(tv, phone)) {
            assertThat(next(client, "playback_pause")).isEqualTo(object());
            JsonNode state = next(client, "performance_state");
            assertThat(state.get("is_playing").asBoolean()).isFalse();
            assertThat(state.get("current_time").asDouble()).isEqualTo(42.5);
        }
        phone.sendWithRequestId("reset_performance", object());
        assertThat(next(tv, "reset_player_state")).isEqualTo(object());
    }

    @Test
    void badControlsGetAValidationErrorAndChangeNothing() {
        WsTestClient phone = joined("strict", "controller");
        for (JsonNode bad : List.of(object("control", "vocal_volume", "value", 1.5),
                object("control", "bass_boost", "value", 1), object("control", "lyrics_size", "value", "huge"),
                object("control", "lyrics_offset", "value", 100.5), object("control", "lyrics_offset", "value", 600_000),
                object("control", "vocal_volume"))) {
            JsonNode ack = phone.skipToAck(phone.sendWithRequestId("update_performance_control", (com.fasterxml.jackson.databind.node.ObjectNode) bad));
            assertThat(ack.get("success").asBoolean()).as(bad.toString()).isFalse();
            assertThat(ack.get("error").get("error_type").asText()).isEqualTo("validation_error");
        }
        phone.sendWithRequestId("join_performance", object());
        assertThat(next(phone, "performance_state").get("vocal_volume").asDouble()).isZero();
    }

    @Test
    void thePerformanceStateOutlivesARestart() {
        WsTestClient phone = joined("durable", "controller");
        phone.skipToAck(phone.sendWithRequestId("update_performance_control", object("control", "lyrics_offset", "value", -600)));
        phone.close();
        clients.clear();

        server.restart();

        WsTestClient again = joined("durable", "controller");
        again.sendWithRequestId("join_performance", object());
        assertThat(next(again, "performance_state").get("lyrics_offset").asInt()).isEqualTo(-600);
    }
}
