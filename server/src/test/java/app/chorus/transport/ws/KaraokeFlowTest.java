package app.chorus.transport.ws;

import static app.chorus.testing.WsTestClient.entry;
import static app.chorus.testing.WsTestClient.object;
import static app.chorus.transport.ws.ProtocolAssertions.assertError;
import static app.chorus.transport.ws.ProtocolAssertions.assertPlayerState;
import static app.chorus.transport.ws.ProtocolAssertions.assertQueueUpdate;
import static app.chorus.transport.ws.ProtocolAssertions.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The original PWA front end's whole evening, frame by frame, with real WebSocket clients: a TV
 * display and phones as controllers in a password room.
 */
class KaraokeFlowTest {
    private static TestServer server;
    private final List<WsTestClient> clients = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void disconnectClients() {
        clients.forEach(WsTestClient::close);
    }

    private WsTestClient connect(String... headers) {
        WsTestClient client = server.connect(headers);
        clients.add(client);
        return client;
    }

    /** Handshake and join as the front end does; checks the snapshot order and the ack; returns the client. */
    private WsTestClient joined(String roomId, String clientType, int expectedCount, ObjectNode joinExtras, String... headers) {
        WsTestClient client = connect(headers);
        client.handshake(clientType);
        ObjectNode join = object("room_id", roomId);
        join.setAll(joinExtras);
        String requestId = client.sendWithRequestId("join_room", join);
        List<String> names = new ArrayList<>();
        JsonNode frame;
        do {
            frame = client.next();
            names.add(frame.get(0).asText());
        } while (!frame.get(0).asText().equals("ack"));
        assertThat(frame.get(1).get("request_id").asText()).isEqualTo(requestId);
        assertThat(frame.get(1).get("success").asBoolean()).as("join ack %s", frame).isTrue();
        assertThat(frame.get(1).get("result")).isEqualTo(object("room_id", roomId, "success", true));
        assertThat(names).contains("client_count", "queue_update");
        assertThat(names.getLast()).isEqualTo("ack");
        if (clientType.equals("controller")) {
            assertThat(names.get(names.size() - 2)).isEqualTo("leader_status");
        }
        return client;
    }

    /** Joins clients one by one; each earlier client has seen the count rise before the next joins. */
    private List<WsTestClient> joinAll(String roomId, String... types) {
        List<WsTestClient> joinedClients = new ArrayList<>();
        for (String type : types) {
            WsTestClient client = joined(roomId, type, joinedClients.size() + 1, object());
            for (WsTestClient earlier : joinedClients) {
                awaitCount(earlier, joinedClients.size() + 1);
            }
            joinedClients.add(client);
        }
        return joinedClients;
    }

    private static void awaitCount(WsTestClient client, int count) {
        JsonNode frame;
        do {
            frame = client.next();
        } while (!(frame.get(0).asText().equals("client_count") && frame.get(1).asInt() == count));
    }

    @Test
    void aPasswordRoomAdmitsTheBrowserThatVerifiedAndOthersOnlyWithThePassword() {
        HttpResponse<String> created = server.post("/rooms/create", "{\"room_id\":\"locked\",\"is_public\":true,\"password\":\"secret\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        HttpResponse<String> verified = server.post("/rooms/verify", "{\"room_id\":\"locked\",\"password\":\"secret\"}");
        assertThat(verified.statusCode()).isEqualTo(200);
        String cookie = verified.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        WsTestClient stranger = connect();
        stranger.handshake("controller");
        String attempt = stranger.sendWithRequestId("join_room", object("room_id", "locked"));
        JsonNode refused = stranger.expect("ack");
        assertThat(fieldNames(refused)).containsExactlyInAnyOrder("request_id", "success", "error");
        assertThat(refused.get("success").asBoolean()).isFalse();
        assertError(refused.get("error"), "authorization_error", "Password required", attempt);
        stranger.expectSilence(200);

        WsTestClient display = joined("locked", "display", 1, object(), "Cookie", cookie);
        joined("locked", "controller", 2, object("password", "secret"));
        assertThat(display.expect("client_count").asInt()).isEqualTo(2);
    }

    @Test
    void aWholeEveningQueuesPlaysSkipsAndClearsSongsWithVersionsThatOnlyRise() {
        WsTestClient display = connect();
        display.handshake("display");
        String displayJoin = display.sendWithRequestId("join_room", object("room_id", "evening"));
        assertThat(display.expect("client_count").asInt()).isEqualTo(1);
        assertThat(display.expect("client_count").asInt()).isEqualTo(1);
        assertQueueUpdate(display.expect("queue_update"), 1);
        assertThat(display.expectAck(displayJoin)).isEqualTo(object("room_id", "evening", "success", true));

        WsTestClient phone = connect();
        phone.handshake("controller");
        String phoneJoin = phone.sendWithRequestId("join_room", object("room_id", "evening"));
        assertThat(phone.expect("leader_status")).isEqualTo(object("is_leader", true));
        assertThat(phone.expect("client_count").asInt()).isEqualTo(2);
        assertThat(phone.expect("client_count").asInt()).isEqualTo(2);
        assertQueueUpdate(phone.expect("queue_update"), 1);
        assertThat(phone.expect("leader_status")).isEqualTo(object("is_leader", true));
        phone.expectAck(phoneJoin);
        assertThat(display.expect("client_count").asInt()).isEqualTo(2);

        ObjectNode first = entry("yt-1", "  Bohemian Rhapsody ", "Queen");
        ObjectNode second = entry("yt-2", "Dancing Queen", "ABBA");
        ObjectNode third = entry("yt-3", "Africa", "Toto");

        // First song: queued, then auto-played because nothing was playing.
        String queued = phone.sendWithRequestId("queue_song", first);
        for (WsTestClient client : List.of(phone, display)) {
            assertQueueUpdate(client.expect("queue_update"), 2, first);
            assertPlayerState(client.expect("player_state"), first, "playing", 0, 0.5);
            assertQueueUpdate(client.expect("queue_update"), 3);
        }
        assertPlayerState(display.expect("player_state"), first, "playing", 0, 0.5);
        assertThat(phone.expectAck(queued).isNull()).isTrue();

        String secondRequest = phone.sendWithRequestId("queue_song", second);
        assertQueueUpdate(phone.expect("queue_update"), 4, second);
        phone.expectAck(secondRequest);
        JsonNode afterSecond = display.expect("queue_update");
        assertQueueUpdate(afterSecond, 4, second);
        assertPlayerState(display.expect("player_state"), first, "playing", 0, 0.5);

        String thirdRequest = phone.sendWithRequestId("queue_song", third);
        JsonNode afterThird = phone.expect("queue_update");
        assertQueueUpdate(afterThird, 5, second, third);
        phone.expectAck(thirdRequest);
        assertQueueUpdate(display.expect("queue_update"), 5, second, third);
        display.expect("player_state");

        // Remove the third song by its queue item id.
        String secondItemId = afterSecond.get("items").get(0).get("id").asText();
        assertThat(afterThird.get("items").get(0).get("id").asText()).isEqualTo(secondItemId);
        String thirdItemId = afterThird.get("items").get(1).get("id").asText();
        String removal = phone.sendWithRequestId("remove_song", object("entry_id", thirdItemId));
        assertQueueUpdate(phone.expect("queue_update"), 6, second);
        phone.expectAck(removal);
        assertQueueUpdate(display.expect("queue_update"), 6, second);
        display.expect("player_state");

        // "Next" on the phone plays the second song.
        String next = phone.sendWithRequestId("play_next", object());
        assertPlayerState(phone.expect("player_state"), second, "playing", 0, 0.5);
        assertQueueUpdate(phone.expect("queue_update"), 7);
        phone.expectAck(next);
        assertPlayerState(display.expect("player_state"), second, "playing", 0, 0.5);
        assertQueueUpdate(display.expect("queue_update"), 7);
        assertPlayerState(display.expect("player_state"), second, "playing", 0, 0.5);

        // Queue one more, move it to the front (no ack, as the front end sends it), then clear the queue.
        String again = phone.sendWithRequestId("queue_song", third);
        JsonNode queuedAgain = phone.expect("queue_update");
        assertQueueUpdate(queuedAgain, 8, third);
        phone.expectAck(again);
        phone.send("queue_next_song", object("entry_id", queuedAgain.get("items").get(0).get("id").asText()));
        assertQueueUpdate(phone.expect("queue_update"), 9, third);
        String clear = phone.sendWithRequestId("clear_queue", object());
        assertQueueUpdate(phone.expect("queue_update"), 10);
        phone.expectAck(clear);
        assertQueueUpdate(display.expect("queue_update"), 8, third);
        display.expect("player_state");
        assertQueueUpdate(display.expect("queue_update"), 9, third);
        display.expect("player_state");
        assertQueueUpdate(display.expect("queue_update"), 10);
        display.expect("player_state");

        // The video ends on the TV: the display asks for the next song; the queue is empty, so it finishes.
        String ended = display.sendWithRequestId("play_next", object());
        assertPlayerState(display.expect("player_state"), null, "finished", 0, 0.5);
        assertQueueUpdate(display.expect("queue_update"), 10);
        assertPlayerState(display.expect("player_state"), null, "finished", 0, 0.5);
        display.expectAck(ended);
        assertPlayerState(phone.expect("player_state"), null, "finished", 0, 0.5);
        assertQueueUpdate(phone.expect("queue_update"), 10);
        phone.expectSilence(100);
    }

    @Test
    void displayProgressAtOneHertzReachesEveryoneWithServerVersionsThatRise() throws InterruptedException {
        List<WsTestClient> room = joinAll("progress", "display", "controller");
        WsTestClient display = room.get(0);
        WsTestClient phone = room.get(1);
        ObjectNode song = entry("yt-9", "Take On Me", "a-ha");

        long previousVersion = 0;
        for (int second = 1; second <= 3; second++) {
            long displayClock = System.currentTimeMillis() + 60_000; // a TV whose clock runs a minute fast
            display.send("update_player_state", object("entry", song, "play_state", "playing", "current_time", second,
                    "duration", 225.5, "volume", 0.8, "version", displayClock, "timestamp", displayClock));
            JsonNode echo = display.expect("player_state");
            assertThat(phone.expect("player_state")).as("the same frame reaches everyone").isEqualTo(echo);
            assertPlayerState(echo, song, "playing", second, 0.8);
            assertThat(echo.get("duration").asDouble()).isEqualTo(225.5);
            assertThat(echo.get("version").asLong()).isGreaterThan(Math.max(previousVersion, displayClock));
            previousVersion = echo.get("version").asLong();
            Thread.sleep(1000); // the display reports once a second
        }
        assertThat(server.get("/rooms").body()).contains("\"current_song\":\"Take On Me\"");
    }

    @Test
    void aControllerNamesTheSingerOfASongAndEveryoneSeesIt() {
        List<WsTestClient> room = joinAll("singers", "display", "controller");
        WsTestClient display = room.get(0);
        WsTestClient controller = room.get(1);

        ObjectNode first = entry("dQw4w9WgXcQ", "Never Gonna Give You Up", "Rick Astley");
        first.put("singer", "  Ann  ");
        controller.skipToAck(controller.sendWithRequestId("queue_song", first));
        ObjectNode second = entry("fJ9rUzIMcZQ", "Bohemian Rhapsody", "Queen");
        second.put("singer", " ");
        controller.skipToAck(controller.sendWithRequestId("queue_song", second));
        ObjectNode third = entry("9bZkp7q19f0", "Gangnam Style", "PSY");
        third.put("singer", "x".repeat(201));
        String tooLong = controller.sendWithRequestId("queue_song", third);

        JsonNode refused = controller.skipToAck(tooLong);
        assertThat(refused.get("success").asBoolean()).isFalse();
        assertError(refused.get("error"), "validation_error", "Invalid message format: singer: must be at most 200 characters", tooLong);
        JsonNode annQueued = queueHolding(display, "dQw4w9WgXcQ");
        assertThat(annQueued.get("singer").asText()).as("the singer, trimmed").isEqualTo("Ann");
        assertThat(annQueued.get("entry").has("singer")).as("the entry keeps its seven keys").isFalse();
        JsonNode unnamed = queueHolding(display, "fJ9rUzIMcZQ");
        assertThat(unnamed.get("singer").isNull()).as("a blank singer is none").isTrue();

        // Ann's song went to the player (an idle room plays it): a display that joins now still
        // learns who is singing.
        WsTestClient again = connect();
        again.handshake("display");
        String join = again.sendWithRequestId("join_room", object("room_id", "singers"));
        JsonNode player;
        do {
            player = again.next();
        } while (!player.get(0).asText().equals("player_state"));
        assertThat(player.get(1).get("entry").get("id").asText()).isEqualTo("dQw4w9WgXcQ");
        assertThat(player.get(1).get("singer").asText()).isEqualTo("Ann");
        again.skipToAck(join);
    }

    /** The item of the first queue_update the client gets that holds the entry. */
    private static JsonNode queueHolding(WsTestClient client, String entryId) {
        while (true) {
            JsonNode frame = client.next();
            if (!frame.get(0).asText().equals("queue_update")) {
                continue;
            }
            for (JsonNode item : frame.get(1).get("items")) {
                if (item.get("entry").get("id").asText().equals(entryId)) {
                    return item;
                }
            }
        }
    }

    @Test
    void playPauseAndVolumeReachDisplaysOnly() {
        List<WsTestClient> room = joinAll("controls", "display", "controller", "controller");
        WsTestClient display = room.get(0);
        WsTestClient leader = room.get(1);
        WsTestClient other = room.get(2);

        leader.expectAck(leader.sendWithRequestId("pause_song", object()));
        assertThat(display.next()).isEqualTo(WsTestClient.JSON.createArrayNode().add("pause_song").add(object()));
        leader.expectAck(leader.sendWithRequestId("play_song", object()));
        assertThat(display.next()).isEqualTo(WsTestClient.JSON.createArrayNode().add("play_song").add(object()));
        leader.expectAck(leader.sendWithRequestId("set_volume", object("volume", 0.3)));
        JsonNode volume = display.next();
        assertThat(volume.get(0).asText()).isEqualTo("set_volume");
        assertThat(volume.get(1).isNumber()).as("set_volume carries a bare number").isTrue();
        assertThat(volume.get(1).asDouble()).isEqualTo(0.3);

        leader.expectSilence(150);
        other.expectSilence(50);
    }

    @Test
    void theLeaderHandsOverToTheNextControllerByConnectionOrderWhenItDisconnects() {
        List<WsTestClient> room = joinAll("handover", "display", "controller", "controller", "controller");
        WsTestClient display = room.get(0);
        WsTestClient first = room.get(1);
        WsTestClient second = room.get(2);
        WsTestClient third = room.get(3);

        first.close();

        assertThat(second.expect("leader_status")).isEqualTo(object("is_leader", true));
        assertThat(second.expect("client_count").asInt()).isEqualTo(3);
        assertThat(third.expect("leader_status")).isEqualTo(object("is_leader", false));
        assertThat(third.expect("client_count").asInt()).isEqualTo(3);
        assertThat(display.expect("client_count").asInt()).isEqualTo(3);
        display.expectSilence(100);

        second.close();
        assertThat(third.expect("leader_status")).isEqualTo(object("is_leader", true));
        assertThat(third.expect("client_count").asInt()).isEqualTo(2);
    }

    @Test
    void aRoomCommandBeforeJoiningFailsAsTheOriginalDoes() {
        WsTestClient phone = connect();
        phone.handshake("controller");
        String request = phone.sendWithRequestId("queue_song", entry("x", "Song", "Band"));
        JsonNode ack = phone.expect("ack");
        assertThat(ack.get("success").asBoolean()).isFalse();
        assertError(ack.get("error"), "command_execution_failed", "Command execution failed: Room ID is required for broadcasting", request);
        assertThat(ack.get("error").get("details")).isEqualTo(object("command", "queue_song", "client_type", "controller",
                "error", "Room ID is required for broadcasting"));
    }
}
