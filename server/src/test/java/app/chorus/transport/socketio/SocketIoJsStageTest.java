package app.chorus.transport.socketio;

import static app.chorus.testing.WsTestClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.NodeScript;
import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default namespace as the OKS pages use it, with the official JS {@code socket.io-client@4}
 * ({@code src/test/node/peer.mjs}): the Stage on the default transports (polling, then the
 * upgrade), the /controls page on WebSocket, a /player page on polling only, and a /ws
 * controller in the same room. Each event's recipients are checked, and where nothing may
 * arrive, a later answer on the same socket proves it did not.
 */
class SocketIoJsStageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final Set<String> PERFORMANCE_EVENTS = Set.of("performance_state", "control_updated", "playback_play",
            "playback_pause", "reset_player_state");
    private static TestServer server;
    private static NodeScript stage;
    private static NodeScript controls;
    private static NodeScript player;
    private WsTestClient phone;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        stage = peer("default");
        controls = peer("websocket");
        player = peer("polling");
        stage.await(line -> line.path("upgrade").asText().equals("websocket"), STEP);
    }

    @AfterAll
    static void stop() {
        for (NodeScript peer : List.of(stage, controls, player)) {
            peer.close();
        }
        server.close();
    }

    /** A /ws controller in the same room, fresh per test so it hears only that test's events. */
    @BeforeEach
    void joinPhone() {
        phone = server.connect();
        phone.handshake("controller");
        assertThat(phone.skipToAck(phone.sendWithRequestId("join_room", object("room_id", "main"))).get("success")
                .asBoolean()).isTrue();
    }

    @AfterEach
    void leavePhone() {
        phone.close();
    }

    /** A page's socket that joined the performance (and, for the Stage, the queue room) as the OKS pages do. */
    private static NodeScript peer(String mode) {
        NodeScript peer = NodeScript.start("peer.mjs", "http://127.0.0.1:" + server.port(), "/", mode);
        peer.await(line -> line.has("connect"), STEP);
        emit(peer, "join_performance", null);
        awaitEvent(peer, "performance_state", 1);
        if (mode.equals("default")) {
            emit(peer, "join_queue_room", JSON.createObjectNode());
            awaitEvent(peer, "queue_joined", 1);
        }
        return peer;
    }

    private static void emit(NodeScript peer, String event, JsonNode payload) {
        var command = JSON.createObjectNode().put("emit", event);
        if (payload != null) {
            command.set("payload", payload);
        }
        peer.send(command.toString());
    }

    private static List<JsonNode> events(NodeScript peer, String event) {
        return peer.all(line -> line.path("event").asText().equals(event)).stream().map(line -> line.get("payload")).toList();
    }

    /** The payload of the {@code count}-th event of that name, waiting for it. */
    private static JsonNode awaitEvent(NodeScript peer, String event, int count) {
        peer.await(line -> events(peer, event).size() >= count, STEP);
        return events(peer, event).get(count - 1);
    }

    /** Asks for the state and waits for the answer: everything sent to this socket before it has arrived. */
    private static JsonNode sync(NodeScript peer) {
        int seen = events(peer, "performance_state").size();
        emit(peer, "join_performance", null);
        return awaitEvent(peer, "performance_state", seen + 1);
    }

    /** The /ws controller's next performance frame, as [name, payload]. */
    private JsonNode nextPerformanceFrame() {
        while (true) {
            JsonNode frame = phone.next();
            if (PERFORMANCE_EVENTS.contains(frame.get(0).asText())) {
                return frame;
            }
        }
    }

    @Test
    void theStageUpgradedWhileTheOtherPagesKeptTheTransportTheyAskedFor() {
        assertThat(stage.await(line -> line.has("open"), STEP).get("transport").asText()).isEqualTo("polling");
        assertThat(controls.await(line -> line.has("open"), STEP).get("transport").asText()).isEqualTo("websocket");
        assertThat(player.await(line -> line.has("open"), STEP).get("transport").asText()).isEqualTo("polling");
        assertThat(player.all(line -> line.has("upgrade"))).isEmpty();
        assertThat(events(stage, "queue_joined").getFirst()).isEqualTo(object("room", "karaoke_queue"));
    }

    @Test
    void aControlChangeFromTheControlsPageReachesTheStageThePlayerAndWsButNotItself() {
        int stageSeen = events(stage, "control_updated").size();
        int playerSeen = events(player, "control_updated").size();
        int ownSeen = events(controls, "control_updated").size();

        emit(controls, "update_performance_control", object("control", "vocal_volume", "value", 0.4));

        JsonNode expected = object("control", "vocal_volume", "value", 0.4);
        assertThat(awaitEvent(stage, "control_updated", stageSeen + 1)).isEqualTo(expected);
        assertThat(awaitEvent(player, "control_updated", playerSeen + 1)).isEqualTo(expected);
        assertThat(nextPerformanceFrame()).isEqualTo(JSON.createArrayNode().add("control_updated").add(expected));
        assertThat(sync(controls).get("vocal_volume").asDouble()).isEqualTo(0.4);
        assertThat(events(controls, "control_updated")).hasSize(ownSeen);
    }

    @Test
    void playAndPauseFromTheControlsPageReachEveryPageSenderIncludedThenTheState() {
        for (String command : List.of("playback_play", "playback_pause")) {
            int[] seen = {events(stage, command).size(), events(controls, command).size(), events(player, command).size()};
            int[] states = {events(stage, "performance_state").size(), events(controls, "performance_state").size(),
                    events(player, "performance_state").size()};

            emit(controls, command, JSON.createObjectNode());

            List<NodeScript> pages = List.of(stage, controls, player);
            for (int index = 0; index < pages.size(); index++) {
                assertThat(awaitEvent(pages.get(index), command, seen[index] + 1)).isEqualTo(object());
                JsonNode state = awaitEvent(pages.get(index), "performance_state", states[index] + 1);
                assertThat(state.get("is_playing").asBoolean()).isEqualTo(command.equals("playback_play"));
            }
            assertThat(nextPerformanceFrame().get(0).asText()).isEqualTo(command);
            assertThat(nextPerformanceFrame().get(0).asText()).isEqualTo("performance_state");
        }
    }

    @Test
    void theStagesProgressIsAnsweredToTheStageAlone() {
        int controlsStates = events(controls, "performance_state").size();
        int playerStates = events(player, "performance_state").size();
        int stageStates = events(stage, "performance_state").size();

        emit(stage, "update_player_state", object("isPlaying", true, "currentTime", 12.5, "duration", 200,
                "songId", "song-1", "isReady", true));

        JsonNode answer = awaitEvent(stage, "performance_state", stageStates + 1);
        assertThat(answer.get("current_time").asDouble()).isEqualTo(12.5);
        assertThat(answer.get("duration").asDouble()).isEqualTo(200.0);
        assertThat(sync(controls).get("current_time").asDouble()).as("stored for later joins").isEqualTo(12.5);
        assertThat(events(controls, "performance_state")).as("only its own join's answer").hasSize(controlsStates + 1);
        sync(player);
        assertThat(events(player, "performance_state")).hasSize(playerStates + 1);
    }

    @Test
    void aSongAddedAndPlayedOverRestReachesTheStageInTheQueueRoomAlone() {
        int updates = events(stage, "queue_updated").size();
        int plays = events(stage, "play_song").size();
        String songId = server.librarySong("Waterloo").id();

        HttpResponse<String> added = server.post("/api/karaoke-queue",
                object("songId", songId, "singer", "Agnetha").toString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        int itemId = tree(added.body()).get("id").asInt();
        JsonNode update = awaitEvent(stage, "queue_updated", updates + 1);
        assertThat(update.get("items")).anySatisfy(item -> {
            assertThat(item.get("id").asInt()).isEqualTo(itemId);
            assertThat(item.get("singer").asText()).isEqualTo("Agnetha");
            assertThat(item.get("song").get("title").asText()).isEqualTo("Waterloo");
        });

        HttpResponse<String> played = server.post("/api/karaoke-queue/" + itemId + "/play", "");
        assertThat(played.statusCode()).as(played.body()).isEqualTo(200);
        JsonNode playSong = awaitEvent(stage, "play_song", plays + 1);
        assertThat(playSong.get("singer").asText()).isEqualTo("Agnetha");
        assertThat(playSong.get("song").get("id").asText()).isEqualTo(songId);
        assertThat(playSong.get("song").get("durationMs").asLong()).isEqualTo(200_000L);
        assertThat(events(stage, "queue_updated")).as("the play's queue_updated came first").hasSize(updates + 2);

        sync(player);
        sync(controls);
        assertThat(player.all(line -> line.path("event").asText().startsWith("queue_")
                || line.path("event").asText().equals("play_song"))).as("not in karaoke_queue").isEmpty();
        assertThat(controls.all(line -> line.path("event").asText().equals("play_song"))).isEmpty();
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aResetReachesEveryPageButItsSender() {
        int[] seen = {events(stage, "reset_player_state").size(), events(controls, "reset_player_state").size(),
                events(player, "reset_player_state").size()};

        emit(player, "reset_player_state", null);

        assertThat(awaitEvent(stage, "reset_player_state", seen[0] + 1)).isEqualTo(object());
        assertThat(awaitEvent(controls, "reset_player_state", seen[1] + 1)).isEqualTo(object());
        JsonNode state = sync(player);
        assertThat(state.get("current_time").asDouble()).isZero();
        assertThat(state.get("is_playing").asBoolean()).isFalse();
        assertThat(events(player, "reset_player_state")).hasSize(seen[2]);
    }
}
