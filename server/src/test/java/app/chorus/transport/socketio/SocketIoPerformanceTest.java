package app.chorus.transport.socketio;

import static app.chorus.testing.WsTestClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.SocketIoTestClient;
import app.chorus.testing.SocketIoTestClient.Mode;
import app.chorus.testing.SocketIoTestClient.Received;
import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default Socket.IO namespace against the Java socket.io-client (one socket over WebSocket,
 * one over long-polling) and a real /ws controller, all in the room {@code main} that
 * {@code oks-room} maps the sockets onto: the shared performance state, who hears a change,
 * progress, play/pause, the queue room, ignored bad values, and tokens. No sleeps: where nothing
 * may arrive, a later reply on the same connection proves it did not.
 */
class SocketIoPerformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PERFORMANCE_EVENTS = Set.of("performance_state", "control_updated", "playback_play",
            "playback_pause", "reset_player_state");

    private static final JsonNode INITIAL_STATE = object("vocal_volume", 0.0, "instrumental_volume", 1.0,
            "lyrics_size", "medium", "lyrics_offset", 0, "current_time", 0.0, "duration", 0.0, "is_playing", false);
    private static TestServer server;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private SocketIoTestClient stage;
    private SocketIoTestClient controls;
    private WsTestClient phone;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /**
     * The room's performance state is stored, so each test first puts it back to the initial
     * state (as a client could), then connects its own sockets and /ws controller.
     */
    @BeforeEach
    void start() throws Exception {
        try (SocketIoTestClient reset = SocketIoTestClient.connect(
                URI.create("http://127.0.0.1:" + server.port() + "/"), Mode.WEBSOCKET_ONLY, Map.of())) {
            for (String control : List.of("vocal_volume", "instrumental_volume", "lyrics_size", "lyrics_offset")) {
                reset.emit("update_performance_control", change(control, INITIAL_STATE.get(control).isTextual()
                        ? INITIAL_STATE.get(control).asText() : INITIAL_STATE.get(control).numberValue()));
            }
            reset.emit("update_player_state", new JSONObject().put("isPlaying", false).put("currentTime", 0).put("duration", 0));
            assertSameJson(sync(reset), INITIAL_STATE);
        }
        stage = performer(Mode.WEBSOCKET_ONLY);
        controls = performer(Mode.POLLING_ONLY);
        phone = wsJoined("main");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
    }

    private SocketIoTestClient socket(String query, Mode mode, Map<String, String> auth) {
        SocketIoTestClient client = SocketIoTestClient.connect(
                URI.create("http://127.0.0.1:" + server.port() + "/" + query), mode, auth);
        clients.add(client);
        return client;
    }

    /** A socket that joined the performance, as the OKS pages do on connect. */
    private SocketIoTestClient performer(Mode mode) {
        SocketIoTestClient client = socket("", mode, Map.of());
        client.emit("join_performance");
        client.awaitEvent("performance_state", 1);
        return client;
    }

    private WsTestClient wsJoined(String room) {
        WsTestClient client = server.connect();
        clients.add(client);
        client.handshake("controller");
        assertThat(client.skipToAck(client.sendWithRequestId("join_room", object("room_id", room))).get("success")
                .asBoolean()).isTrue();
        return client;
    }

    /** The next performance frame on /ws (room chatter such as client_count skipped), as [name, payload]. */
    private static JsonNode nextPerformanceFrame(WsTestClient client) {
        while (true) {
            JsonNode frame = client.next();
            if (PERFORMANCE_EVENTS.contains(frame.get(0).asText())) {
                return frame;
            }
        }
    }

    private static JsonNode json(Received event) throws Exception {
        return JSON.readTree(event.payload().toString());
    }

    /** Asks for the state and waits for the answer: everything sent to this socket before it has arrived. */
    private static JsonNode sync(SocketIoTestClient client) throws Exception {
        int seen = client.named("performance_state").size();
        client.emit("join_performance");
        return json(client.awaitEvent("performance_state", seen + 1));
    }

    /**
     * Equal as JSON values: the client's org.json re-parses the server's 0.0 as the integer 0, so
     * numbers compare by value.
     */
    private static void assertSameJson(JsonNode actual, JsonNode expected) {
        Comparator<JsonNode> numbersByValue = (a, b) -> a.isNumber() && b.isNumber()
                ? Double.compare(a.asDouble(), b.asDouble()) : (a.equals(b) ? 0 : 1);
        assertThat(actual.equals(numbersByValue, expected)).as("%s equals %s", actual, expected).isTrue();
    }

    private static JSONObject change(String control, Object value) {
        return new JSONObject().put("control", control).put("value", value);
    }

    @Test
    void joiningThePerformanceAnswersTheJoiningSocketAloneWithTheInitialState() throws Exception {
        assertSameJson(json(stage.named("performance_state").getFirst()), INITIAL_STATE);

        stage.emit("join_queue_room");
        stage.awaitEvent("queue_joined", 1);
        assertThat(stage.named("performance_state")).as("the polling socket's join was not sent here").hasSize(1);
    }

    @Test
    void aControlChangedByOneSocketReachesTheOtherSocketAndTheWsControllerButNotItself() throws Exception {
        stage.emit("update_performance_control", change("vocal_volume", 0.35));

        assertThat(json(controls.awaitEvent("control_updated", 1))).isEqualTo(object("control", "vocal_volume", "value", 0.35));
        assertThat(nextPerformanceFrame(phone)).isEqualTo(JSON.readTree(
                "[\"control_updated\",{\"control\":\"vocal_volume\",\"value\":0.35}]"));
        assertThat(sync(stage).get("vocal_volume").asDouble()).isEqualTo(0.35);
        assertThat(stage.named("control_updated")).as("the sender already shows its change").isEmpty();
    }

    @Test
    void aControlChangedOverWsReachesBothSockets() throws Exception {
        phone.sendWithRequestId("update_performance_control", object("control", "lyrics_size", "value", "large"));

        for (SocketIoTestClient socket : List.of(stage, controls)) {
            assertThat(json(socket.awaitEvent("control_updated", 1))).isEqualTo(object("control", "lyrics_size", "value", "large"));
        }
    }

    @Test
    void thePlayerStateIsAnsweredToItsSenderOnly() throws Exception {
        stage.emit("update_player_state", new JSONObject().put("isPlaying", true).put("currentTime", 42.5)
                .put("duration", 210).put("songId", "song-1").put("isReady", true));

        JsonNode answer = json(stage.awaitEvent("performance_state", 2));
        assertThat(answer.get("current_time").asDouble()).isEqualTo(42.5);
        assertThat(answer.get("duration").asDouble()).isEqualTo(210.0);
        assertThat(answer.get("is_playing").asBoolean()).isTrue();
        controls.emit("join_queue_room");
        controls.awaitEvent("queue_joined", 1);
        assertThat(controls.named("performance_state")).as("only its own join's state").hasSize(1);
        phone.sendWithRequestId("join_performance", object());
        assertThat(nextPerformanceFrame(phone).get(0).asText()).isEqualTo("performance_state");
        assertThat(phone.drain()).as("nothing but its own answer").noneMatch(
                frame -> PERFORMANCE_EVENTS.contains(frame.get(0).asText()));
    }

    @Test
    void pausingReachesEveryoneWithTheSenderFollowedByTheState() throws Exception {
        stage.emit("playback_play");
        controls.awaitEvent("performance_state", 2);

        stage.emit("playback_pause");

        for (SocketIoTestClient socket : List.of(stage, controls)) {
            Received state = socket.awaitEvent("performance_state", 3);
            List<String> names = socket.received().stream().map(Received::name).toList();
            assertThat(names).containsSubsequence("playback_play", "performance_state", "playback_pause", "performance_state");
            assertThat(json(socket.named("playback_pause").getFirst())).isEqualTo(object());
            assertThat(json(state).get("is_playing").asBoolean()).isFalse();
        }
        List<String> wsNames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            wsNames.add(nextPerformanceFrame(phone).get(0).asText());
        }
        assertThat(wsNames).containsExactly("playback_play", "performance_state", "playback_pause", "performance_state");
    }

    @Test
    void aSocketThatLeftThePerformanceHearsNoMoreChanges() throws Exception {
        controls.emit("leave_performance");
        sync(stage);

        stage.emit("update_performance_control", change("instrumental_volume", 0.25));

        assertThat(nextPerformanceFrame(phone).get(1)).isEqualTo(object("control", "instrumental_volume", "value", 0.25));
        assertThat(sync(controls).get("instrumental_volume").asDouble()).as("stored all the same").isEqualTo(0.25);
        assertThat(controls.named("control_updated")).isEmpty();
    }

    @Test
    void aResetReachesTheOthers() throws Exception {
        controls.emit("reset_player_state");

        assertThat(json(stage.awaitEvent("reset_player_state", 1))).isEqualTo(object());
        assertThat(nextPerformanceFrame(phone).get(0).asText()).isEqualTo("reset_player_state");
        sync(controls);
        assertThat(controls.named("reset_player_state")).isEmpty();
    }

    @Test
    void joiningAndLeavingTheQueueRoomAreConfirmed() throws Exception {
        stage.emit("join_queue_room");
        assertThat(json(stage.awaitEvent("queue_joined", 1))).isEqualTo(object("room", "karaoke_queue"));
        stage.emit("leave_queue_room");
        assertThat(json(stage.awaitEvent("queue_left", 1))).isEqualTo(object("room", "karaoke_queue"));
    }

    @Test
    void invalidControlsAreIgnoredWithoutAnEventAndChangeNothing() throws Exception {
        for (JSONObject bad : List.of(change("", 0.5), new JSONObject().put("control", "vocal_volume"),
                change("bass_boost", 1), change("vocal_volume", 1.5), change("vocal_volume", "loud"),
                change("lyrics_size", "huge"), change("lyrics_offset", 100.5), change("lyrics_offset", 600_000))) {
            stage.emit("update_performance_control", bad);
        }
        stage.emit("update_player_state", new JSONObject().put("currentTime", "soon"));
        stage.emit("update_performance_control", change("lyrics_offset", -200));

        assertThat(json(controls.awaitEvent("control_updated", 1))).as("only the valid change")
                .isEqualTo(object("control", "lyrics_offset", "value", -200));
        assertThat(nextPerformanceFrame(phone).get(1)).isEqualTo(object("control", "lyrics_offset", "value", -200));
        JsonNode state = sync(stage);
        assertSameJson(state, object("vocal_volume", 0.0, "instrumental_volume", 1.0, "lyrics_size", "medium",
                "lyrics_offset", -200, "current_time", 0.0, "duration", 0.0, "is_playing", false));
        assertThat(stage.named("performance_state")).as("the bad player state had no answer").hasSize(2);
    }

    @Test
    void aWsClientInAnotherRoomHearsNothing() throws Exception {
        WsTestClient elsewhere = wsJoined("other-room");

        stage.emit("update_performance_control", change("instrumental_volume", 0.5));
        stage.emit("playback_play");
        controls.awaitEvent("playback_play", 1);

        elsewhere.sendWithRequestId("join_performance", object());
        JsonNode first = nextPerformanceFrame(elsewhere);
        assertThat(first.get(0).asText()).as("its own answer comes first").isEqualTo("performance_state");
        assertThat(first.get(1).get("instrumental_volume").asDouble()).as("its room's own state").isEqualTo(1.0);
    }

    @Test
    void aTokenIsReadFromTheAuthPayloadAndFromTheQuery() {
        assertThat(SocketToken.read(new JSONObject().put("token", "from-auth"), Map.of("token", "from-query")))
                .isEqualTo("from-auth");
        assertThat(SocketToken.read(new JSONObject(), Map.of("token", "from-query"))).isEqualTo("from-query");
        assertThat(SocketToken.read(null, Map.of())).isNull();
        assertThat(SocketToken.read(new JSONObject().put("token", ""), Map.of("token", ""))).isNull();
    }

    @Test
    void socketsWithATokenInEitherPlaceAreAcceptedWhileAccountsAreOff() {
        SocketIoTestClient byAuth = socket("", Mode.WEBSOCKET_ONLY, Map.of("token", "secret"));
        SocketIoTestClient byQuery = socket("?token=secret", Mode.POLLING_ONLY, Map.of());

        for (SocketIoTestClient client : List.of(byAuth, byQuery)) {
            client.emit("join_performance");
            assertThat(client.awaitEvent("performance_state", 1).payload().getString("lyrics_size")).isEqualTo("medium");
        }
    }
}
