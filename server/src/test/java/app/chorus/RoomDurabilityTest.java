package app.chorus;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ServerProcess;
import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import app.chorus.files.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A room's queue, current song and versions outlive the server: after a graceful in-process
 * restart, and after the server process is killed with SIGKILL right after its acks.
 */
class RoomDurabilityTest {
    private static final String ROOM = "party";

    private static final ObjectNode SONG_A = WsTestClient.entry("yt-aaa", "Dancing Queen", "ABBA");
    private static final ObjectNode SONG_B = WsTestClient.entry("yt-bbb", "Bohemian Rhapsody", "Queen");
    private static final ObjectNode SONG_C = WsTestClient.entry("yt-ccc", "Africa", "Toto");
    private static final ObjectNode SONG_D = WsTestClient.entry("yt-ddd", "Take On Me", "a-ha");

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AfterAGracefulRestart {
        private TestServer server;

        @BeforeAll
        void startServer() {
            server = TestServer.start();
        }

        @AfterAll
        void stopServer() {
            if (server != null) {
                server.close();
            }
        }

        @Test
        void theQueueTheCurrentSongAndTheQueueVersionAreAllBackAndTheVersionKeepsGrowing() {
            RoomView before;
            try (WsTestClient singer = server.connect()) {
                Session session = Session.join(singer, ROOM);
                assertThat(session.snapshot().queue().get("items")).isEmpty();

                session.queue(SONG_A);
                session.queue(SONG_B);
                before = session.queue(SONG_C);
            }
            assertThat(before.currentEntry()).isEqualTo(SONG_A);
            assertThat(entries(before.items())).containsExactly(SONG_B, SONG_C);

            server.restart();

            try (WsTestClient returning = server.connect()) {
                Session session = Session.join(returning, ROOM);
                RoomView after = session.snapshot();
                assertThat(after.items()).isEqualTo(before.items());
                assertThat(after.queueVersion()).isEqualTo(before.queueVersion());
                assertThat(after.currentEntry()).isEqualTo(SONG_A);
                assertThat(after.player()).isEqualTo(before.player());

                RoomView next = session.queue(SONG_D);
                assertThat(next.queueVersion()).isGreaterThan(before.queueVersion());
                assertThat(entries(next.items())).containsExactly(SONG_B, SONG_C, SONG_D);
                assertThat(list(next.items()).subList(0, 2)).isEqualTo(list(before.items()));
            }
        }

        @Test
        void aPlayerVersionRaisedByADisplayWhoseClockRunsAheadIsStillExceededAfterARestart() {
            String room = "fast-clock";
            long displayVersion;
            try (WsTestClient controller = server.connect(); WsTestClient display = server.connect()) {
                Session singer = Session.join(controller, room);
                singer.queue(SONG_A);
                singer.queue(SONG_B);
                Session screen = Session.join(display, room, "display");
                assertThat(screen.snapshot().currentEntry()).isEqualTo(SONG_A);

                // Same song, same state, same volume: only the position moved, from a clock an hour ahead.
                long anHourAhead = System.currentTimeMillis() + Duration.ofHours(1).toMillis();
                ObjectNode report = WsTestClient.JSON.createObjectNode();
                report.set("entry", SONG_A.deepCopy());
                report.put("play_state", "playing").put("current_time", 12.5).put("duration", 213.0)
                        .put("volume", screen.snapshot().player().get("volume").asDouble())
                        .put("version", anHourAhead).put("timestamp", anHourAhead / 1000.0);
                displayVersion = screen.reportPlayerState(report).playerVersion();
                assertThat(displayVersion).isGreaterThan(anHourAhead);
            }

            server.restart();

            try (WsTestClient controller = server.connect()) {
                Session singer = Session.join(controller, room);
                RoomView next = singer.playNext();
                assertThat(next.currentEntry()).isEqualTo(SONG_B);
                assertThat(next.playerVersion())
                        .as("a server-issued player version after the restart must beat every version issued before it")
                        .isGreaterThan(displayVersion);
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AfterTheProcessIsKilled {
        private Path dataDir;
        private ServerProcess servers;

        private volatile boolean failed;

        @RegisterExtension
        final TestWatcher printLogsOnFailure = new TestWatcher() {
            @Override
            public void testFailed(ExtensionContext context, Throwable cause) {
                failed = true;
                System.out.println(servers.logs());
            }
        };

        @BeforeAll
        void prepare() throws IOException {
            dataDir = Files.createTempDirectory("chorus-kill");
            servers = new ServerProcess(dataDir);
        }

        @AfterAll
        void killEveryServer() throws InterruptedException, IOException {
            servers.close();
            if (!failed && dataDir != null) {
                Folders.delete(dataDir);
            }
        }

        @Test
        void everythingAcknowledgedBeforeASigkillIsThereWhenTheServerComesBack() throws InterruptedException {
            Process first = startServer();
            RoomView beforeKill;
            try (WsTestClient singer = connect()) {
                Session session = Session.join(singer, ROOM);
                RoomView empty = session.snapshot();
                RoomView afterA = session.queue(SONG_A);
                RoomView afterB = session.queue(SONG_B);
                beforeKill = session.queue(SONG_C);
                assertThat(List.of(empty.queueVersion(), afterA.queueVersion(), afterB.queueVersion(), beforeKill.queueVersion()))
                        .isSorted().doesNotHaveDuplicates();
                assertThat(beforeKill.currentEntry()).isEqualTo(SONG_A);
                assertThat(entries(beforeKill.items())).containsExactly(SONG_B, SONG_C);

                kill(first);
            }

            Process second = startServer();
            RoomView afterPlayNext;
            try (WsTestClient returning = connect()) {
                Session session = Session.join(returning, ROOM);
                RoomView recovered = session.snapshot();
                assertThat(recovered.items()).isEqualTo(beforeKill.items());
                assertThat(recovered.queueVersion()).isEqualTo(beforeKill.queueVersion());
                assertThat(recovered.currentEntry()).isEqualTo(SONG_A);
                assertThat(recovered.player()).isEqualTo(beforeKill.player());

                RoomView afterD = session.queue(SONG_D);
                assertThat(afterD.queueVersion()).isGreaterThan(beforeKill.queueVersion());
                assertThat(list(afterD.items()).subList(0, 2)).isEqualTo(list(beforeKill.items()));

                afterPlayNext = session.playNext();
                assertThat(afterPlayNext.queueVersion()).isGreaterThan(afterD.queueVersion());
                assertThat(afterPlayNext.currentEntry()).isEqualTo(SONG_B);
                assertThat(afterPlayNext.playerVersion()).isGreaterThan(beforeKill.playerVersion());
                assertThat(entries(afterPlayNext.items())).containsExactly(SONG_C, SONG_D);

                kill(second);
            }

            startServer();
            try (WsTestClient again = connect()) {
                RoomView recovered = Session.join(again, ROOM).snapshot();
                assertThat(recovered.items()).isEqualTo(afterPlayNext.items());
                assertThat(recovered.queueVersion()).isEqualTo(afterPlayNext.queueVersion());
                assertThat(recovered.currentEntry()).isEqualTo(SONG_B);
                assertThat(recovered.playerVersion()).isEqualTo(afterPlayNext.playerVersion());
            }
        }

        private WsTestClient connect() {
            return WsTestClient.connect(servers.ws());
        }

        private Process startServer() {
            return servers.start();
        }

        private void kill(Process process) throws InterruptedException {
            servers.kill(process);
        }
    }

    /** What a controller knows of a room after its last frames: the queue, and the player if any. */
    record RoomView(JsonNode queue, JsonNode player) {
        JsonNode items() {
            return queue.get("items");
        }

        long queueVersion() {
            return queue.get("version").asLong();
        }

        JsonNode currentEntry() {
            return player == null ? null : player.get("entry");
        }

        long playerVersion() {
            return player.get("version").asLong();
        }
    }

    /** A controller in a room, sending commands and reading the frames up to their acks. */
    static final class Session {
        private final WsTestClient client;
        private final RoomView snapshot;
        private JsonNode queue;
        private JsonNode player;

        private Session(WsTestClient client, RoomView snapshot) {
            this.client = client;
            this.snapshot = snapshot;
            this.queue = snapshot.queue();
            this.player = snapshot.player();
        }

        /** Handshakes as a controller and joins; the snapshot is what the join sent to this client. */
        static Session join(WsTestClient client, String roomId) {
            return join(client, roomId, "controller");
        }

        static Session join(WsTestClient client, String roomId, String clientType) {
            client.handshake(clientType);
            List<JsonNode> frames = untilAck(client, client.sendWithRequestId("join_room",
                    WsTestClient.object("room_id", roomId)));
            JsonNode queue = last(frames, "queue_update");
            assertThat(queue).as("the snapshot's queue_update in %s", frames).isNotNull();
            if (clientType.equals("controller")) {
                assertThat(last(frames, "leader_status")).as("the snapshot's leader_status in %s", frames).isNotNull();
            }
            return new Session(client, new RoomView(queue, last(frames, "player_state")));
        }

        RoomView snapshot() {
            return snapshot;
        }

        /** Queues a song, waits for its ack, and returns the room as the frames before the ack left it. */
        RoomView queue(ObjectNode entry) {
            return send("queue_song", entry.deepCopy());
        }

        RoomView playNext() {
            return send("play_next", WsTestClient.JSON.createObjectNode());
        }

        /** A display's report of what its player does. */
        RoomView reportPlayerState(ObjectNode state) {
            return send("update_player_state", state);
        }

        private RoomView send(String command, ObjectNode payload) {
            List<JsonNode> frames = untilAck(client, client.sendWithRequestId(command, payload));
            queue = orElse(last(frames, "queue_update"), queue);
            player = orElse(last(frames, "player_state"), player);
            return new RoomView(queue, player);
        }

        private static JsonNode orElse(JsonNode value, JsonNode fallback) {
            return value == null ? fallback : value;
        }

        private static List<JsonNode> untilAck(WsTestClient client, String requestId) {
            List<JsonNode> frames = new ArrayList<>();
            while (true) {
                JsonNode frame = client.next();
                String name = frame.get(0).asText();
                assertThat(name).as("frame %s after %s", frame, frames).isNotIn("error", "unparseable");
                if (name.equals("ack") && frame.get(1).path("request_id").asText().equals(requestId)) {
                    assertThat(frame.get(1).path("success").asBoolean()).as("ack %s", frame).isTrue();
                    return frames;
                }
                frames.add(frame);
            }
        }

        private static JsonNode last(List<JsonNode> frames, String name) {
            JsonNode found = null;
            for (JsonNode frame : frames) {
                if (frame.get(0).asText().equals(name)) {
                    found = frame.get(1);
                }
            }
            return found;
        }
    }

    private static List<JsonNode> entries(JsonNode items) {
        List<JsonNode> entries = new ArrayList<>();
        items.forEach(item -> {
            assertThat(item.get("id").asText()).hasSize(21);
            entries.add(item.get("entry"));
        });
        return entries;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }
}
