package app.chorus.transport.ws;

import static app.chorus.testing.WsTestClient.entry;
import static app.chorus.testing.WsTestClient.object;
import static app.chorus.transport.ws.ProtocolAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gets the documented typed error; the sender keeps its connection and
 * can go on; the other clients in the room notice nothing.
 */
class BadInputTest {
    private static TestServer server;
    private static int roomCounter;
    private final List<WsTestClient> clients = new ArrayList<>();
    private WsTestClient display;
    private WsTestClient bystander;
    private WsTestClient offender;
    private String room;

    @BeforeAll
    static void startServer() {
        server = TestServer.start("--ws-max-frame-bytes", "1024", "--ws-messages-per-second", "5",
                "--ws-message-burst", "8", "--room-max-queue", "3", "--room-max-clients", "4");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void fillARoom() {
        room = "bad-input-" + (++roomCounter);
        display = join("display");
        bystander = join("controller");
        assertThat(display.expect("client_count").asInt()).isEqualTo(2);
        offender = join("controller");
        assertThat(display.expect("client_count").asInt()).isEqualTo(3);
        assertThat(bystander.expect("client_count").asInt()).isEqualTo(3);
    }

    @AfterEach
    void disconnect() {
        clients.forEach(WsTestClient::close);
    }

    private WsTestClient join(String type) {
        WsTestClient client = server.connect();
        clients.add(client);
        client.handshake(type);
        String request = client.sendWithRequestId("join_room", object("room_id", room));
        assertThat(client.skipToAck(request).get("success").asBoolean()).isTrue();
        return client;
    }

    /** The offender is still connected and served: a valid command is acknowledged. */
    private void offenderCanGoOn() {
        offender.drain();
        String request = offender.sendWithRequestId("play_song", object());
        offender.expectAck(request);
        display.expect("play_song");
        bystander.expectSilence(100);
        display.expectSilence(50);
    }

    static Stream<Arguments> malformedFrames() {
        return Stream.of(
                Arguments.of("not JSON", "hello{", "not valid JSON"),
                Arguments.of("an object", "{\"queue_song\": {}}", "expected a JSON array"),
                Arguments.of("three elements", "[\"clear_queue\", {}, 1]", "expected a JSON array"),
                Arguments.of("a number for the name", "[7, {}]", "expected a JSON array"),
                Arguments.of("an empty array", "[]", "expected a JSON array"),
                Arguments.of("a payload that is not an object", "[\"clear_queue\", 5]", "payload must be a JSON object"));
    }

    @ParameterizedTest(name = "a frame that is {0} gets a validation_error error frame")
    @MethodSource("malformedFrames")
    void aMalformedFrameGetsAValidationErrorAndTheConnectionStays(String description, String frame, String problem) {
        offender.sendRaw(frame);

        JsonNode error = offender.expect("error");
        assertError(error, "validation_error", "Invalid message format: ", null);
        assertThat(error.get("message").asText()).contains(problem);
        assertThat(error.get("details").get("validation_error").asText()).contains(problem);
        offenderCanGoOn();
    }

    static Stream<Arguments> invalidPayloads() {
        ObjectNode blankTitle = entry("x", "   ", "Band");
        ObjectNode missingSource = entry("x", "Song", "Band");
        missingSource.remove("source");
        ObjectNode missingDuration = entry("x", "Song", "Band");
        missingDuration.remove("duration");
        ObjectNode longTitle = entry("x", "a".repeat(600), "Band");
        return Stream.of(
                Arguments.of("dance", object(), "unknown command 'dance'"),
                Arguments.of("set_volume", object("volume", "loud"), "volume: must be a number"),
                Arguments.of("set_volume", object("volume", 1.5), "volume: must be between"),
                Arguments.of("set_volume", object(), "volume: field required"),
                Arguments.of("queue_song", blankTitle, "title: must not be blank"),
                Arguments.of("queue_song", missingSource, "source: field required"),
                Arguments.of("queue_song", missingDuration, "duration: field required"),
                Arguments.of("queue_song", longTitle, "title: must be at most 512 characters"),
                Arguments.of("remove_song", object("entry_id", ""), "entry_id: must have at least 1 character"),
                Arguments.of("remove_song", object("entry_id", 42), "entry_id: must be a string"),
                Arguments.of("pong", object(), "timestamp: field required"),
                Arguments.of("player_state", object("entry", null, "play_state", "dancing", "timestamp", 1), "play_state: must be one of"),
                Arguments.of("player_state", object("entry", null, "play_state", "paused"), "timestamp: field required"));
    }

    @ParameterizedTest(name = "{0} with {1} fails with validation_error inside the ack")
    @MethodSource("invalidPayloads")
    void anInvalidPayloadFailsItsAckWithAValidationError(String command, ObjectNode payload, String problem) {
        String request = offender.sendWithRequestId(command, payload);

        JsonNode ack = offender.expect("ack");
        assertThat(ack.get("request_id").asText()).isEqualTo(request);
        assertThat(ack.get("success").asBoolean()).isFalse();
        assertError(ack.get("error"), "validation_error", "Invalid message format: " + problem, request);
        assertThat(ack.get("error").get("details")).isEqualTo(object("command", command, "validation_error",
                ack.get("error").get("details").get("validation_error").asText()));
        offenderCanGoOn();
    }

    @Test
    void aBinaryFrameGetsAValidationErrorAndTheConnectionStays() {
        offender.sendBinary("[\"clear_queue\", {}]".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        JsonNode error = offender.expect("error");
        assertError(error, "validation_error", "Invalid message format: binary frames are not part of the protocol", null);
        offenderCanGoOn();
    }

    @Test
    void withoutARequestIdTheFailureComesAsAnErrorFrame() {
        offender.send("set_volume", object("volume", -1));

        assertError(offender.expect("error"), "validation_error", "Invalid message format: volume", null);
        offenderCanGoOn();
    }

    @Test
    void aCommandOfTheOtherClientTypeIsAnInvalidCommand() {
        String request = offender.sendWithRequestId("update_player_state",
                object("entry", null, "play_state", "paused", "timestamp", 1));
        JsonNode ack = offender.expect("ack");
        assertError(ack.get("error"), "invalid_command", "Unknown command: update_player_state", request);
        assertThat(ack.get("error").get("details")).isEqualTo(object("command", "update_player_state", "client_type", "controller"));

        String fromDisplay = display.sendWithRequestId("queue_song", entry("x", "Song", "Band"));
        assertError(display.expect("ack").get("error"), "invalid_command", "Unknown command: queue_song", fromDisplay);
        offenderCanGoOn();
    }

    @Test
    void knownButUnhandledNamesAndASecondHandshakeAreInvalidCommands() {
        for (String name : List.of("ping", "ack", "request_full_state", "request_queue_update", "handshake")) {
            ObjectNode payload = name.equals("handshake") ? object("client_type", "display") : object();
            String request = offender.sendWithRequestId(name, payload);
            assertError(offender.expect("ack").get("error"), "invalid_command", "Unknown command: " + name, request);
        }
        offenderCanGoOn();
    }

    @Test
    void aFrameOverTheSizeLimitIsRefusedWithATypedError() {
        String padding = "x".repeat(2000);
        offender.sendRaw("[\"clear_queue\", {\"padding\": \"" + padding + "\"}]");

        JsonNode error = offender.expect("error");
        assertError(error, "validation_error", "Invalid message format: message of ", null);
        assertThat(error.get("message").asText()).contains("larger than the limit of 1024 bytes");
        offenderCanGoOn();
    }

    @Test
    void aFrameBeyondTheHardCapClosesOnlyThatConnection() {
        offender.sendRaw("[\"clear_queue\", {\"padding\": \"" + "x".repeat(5000) + "\"}]");

        assertThat(offender.awaitClose(Duration.ofSeconds(5))).isEqualTo(1009);
        assertThat(bystander.expect("client_count").asInt()).isEqualTo(2);
        assertThat(display.expect("client_count").asInt()).isEqualTo(2);
        bystander.expectAck(bystander.sendWithRequestId("pause_song", object()));
    }

    @Test
    void floodingPastTheRateLimitGetsRateLimitErrorsAndTheRoomHearsOnlyWhatPassed() {
        List<String> requests = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            requests.add(offender.sendWithRequestId("pause_song", object()));
        }
        int accepted = 0;
        int limited = 0;
        for (String request : requests) {
            JsonNode ack = offender.expect("ack");
            assertThat(ack.get("request_id").asText()).isEqualTo(request);
            if (ack.get("success").asBoolean()) {
                accepted++;
            } else {
                limited++;
                assertError(ack.get("error"), "rate_limit_exceeded", "Too many messages", request);
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(10);
        for (int index = 0; index < accepted; index++) {
            display.expect("pause_song");
        }
        display.expectSilence(100);
        bystander.expectSilence(10);
    }

    @Test
    void aFullQueueRefusesTheSongWithLimitExceeded() {
        for (int index = 1; index <= 4; index++) { // the first starts playing, three wait
            String request = bystander.sendWithRequestId("queue_song", entry("s" + index, "Song " + index, "Band"));
            assertThat(bystander.skipToAck(request).get("success").asBoolean()).isTrue();
        }
        // A pause from the offender marks the end of the queue's broadcasts on every socket.
        String probe = offender.sendWithRequestId("pause_song", object());
        offender.skipToAck(probe);
        while (!display.next().get(0).asText().equals("pause_song")) {
            // skip the queue's broadcasts
        }

        String request = offender.sendWithRequestId("queue_song", entry("s5", "Song 5", "Band"));
        assertError(offender.expect("ack").get("error"), "limit_exceeded", "Queue is full (3 songs)", request);
        bystander.expectSilence(100);
        display.expectSilence(10);
    }

    @Test
    void aFullRoomRefusesAnotherClientWithLimitExceeded() {
        join("display"); // the fourth and last place
        WsTestClient late = server.connect();
        clients.add(late);
        late.handshake("display");
        String request = late.sendWithRequestId("join_room", object("room_id", room));
        assertError(late.expect("ack").get("error"), "limit_exceeded", "Room " + room + " is full", request);
        display.drain();
        bystander.drain();
        display.expectSilence(100);
    }

    @Test
    void aFirstFrameThatIsNotAHandshakeGetsHandshakeFailedAndTheClientMayStillHandshake() {
        WsTestClient newcomer = server.connect();
        clients.add(newcomer);
        newcomer.send("join_room", object("room_id", room));
        assertError(newcomer.expect("error"), "handshake_failed", "Handshake failed: ", null);

        newcomer.send("handshake", object("client_type", "television"));
        JsonNode error = newcomer.expect("error");
        assertError(error, "handshake_failed", "Handshake failed: client_type must be controller or display", null);
        assertThat(error.get("details").get("error").asText()).contains("television");

        newcomer.handshake("display");
        newcomer.expectSilence(100);
        String request = newcomer.sendWithRequestId("join_room", object("room_id", room));
        JsonNode frame;
        do {
            frame = newcomer.next();
        } while (!frame.get(0).asText().equals("ack"));
        assertThat(frame.get(1).get("request_id").asText()).isEqualTo(request);
        assertThat(frame.get(1).get("success").asBoolean()).isTrue();
    }

    @Test
    void aPongBeforeTheHandshakeIsAcceptedSilently() {
        WsTestClient reconnected = server.connect();
        clients.add(reconnected);
        reconnected.send("pong", object("timestamp", System.currentTimeMillis()));
        reconnected.expectSilence(200);
        assertThat(reconnected.isOpen()).isTrue();
    }
}
