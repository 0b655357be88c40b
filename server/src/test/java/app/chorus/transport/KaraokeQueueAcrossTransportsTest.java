package app.chorus.transport;

import static app.chorus.testing.WsTestClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.library.Song;
import app.chorus.testing.SocketIoTestClient;
import app.chorus.testing.SocketIoTestClient.Mode;
import app.chorus.testing.SocketIoTestClient.Received;
import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One queue, three transports: the Open Karaoke Studio's REST queue and its Socket.IO Stage, and
 * a PWA controller on /ws, all in the room {@code oks-room} ({@code main}). A change made through
 * one is seen by the others. No sleeps: where nothing may arrive, a later reply on the same
 * connection proves it did not.
 */
class KaraokeQueueAcrossTransportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUEUE = "/api/karaoke-queue";
    private static final String ROOM = "main";

    private static TestServer server;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Each test starts from an empty queue with nothing current, before its clients connect. */
    @BeforeEach
    void emptyQueue() {
        server.clearKaraokeQueue();
    }

    @AfterEach
    void disconnect() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        return server.send(HttpRequest.newBuilder(server.http(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode list() {
        return tree(server.get(QUEUE).body());
    }

    private static Song song(String title) {
        return server.librarySong(title);
    }

    private static int add(Song song, String singer) {
        HttpResponse<String> response = send("POST", QUEUE, JSON.createObjectNode().put("songId", song.id())
                .put("singer", singer).toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return tree(response.body()).get("id").asInt();
    }

    /** A /ws client of the given type that joined the oks room, past its join ack. */
    private WsTestClient wsJoined(String clientType) {
        WsTestClient client = server.connect();
        clients.add(client);
        client.handshake(clientType);
        assertThat(client.skipToAck(client.sendWithRequestId("join_room", object("room_id", ROOM))).get("success")
                .asBoolean()).isTrue();
        return client;
    }

    /** A Socket.IO socket on the default namespace; joined to {@code karaoke_queue} if asked, as the Stage does. */
    private SocketIoTestClient socket(boolean joinQueueRoom) {
        SocketIoTestClient client = SocketIoTestClient.connect(URI.create("http://127.0.0.1:" + server.port() + "/"),
                Mode.WEBSOCKET_ONLY);
        clients.add(client);
        if (joinQueueRoom) {
            client.emit("join_queue_room");
            client.awaitEvent("queue_joined", 1);
        }
        return client;
    }

    /** The next frame with this name, skipping others (client counts, pings). */
    private static JsonNode nextNamed(WsTestClient client, String name) {
        while (true) {
            JsonNode frame = client.next();
            if (frame.get(0).asText().equals(name)) {
                return frame.get(1);
            }
        }
    }

    private static JsonNode json(Received event) {
        return tree(event.payload().toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aSongAddedOverRestReachesAWsControllerAsTheLibrarysEntryWithoutStartingIt() {
        WsTestClient controller = wsJoined("controller");
        Song song = song("Dancing Queen");

        add(song, "Ann");

        JsonNode queue = nextNamed(controller, "queue_update");
        assertThat(queue.get("items")).hasSize(1);
        JsonNode item = queue.get("items").get(0);
        assertThat(fieldNames(item)).as("the PWA's QueueItem plus Chorus's singer").containsExactlyInAnyOrder("id", "entry", "singer");
        assertThat(item.get("singer").asText()).isEqualTo("Ann");
        assertThat(item.get("id").asText()).matches("[A-Za-z0-9_-]{21}");
        String stream = "http://127.0.0.1:" + server.port() + "/api/songs/" + song.id() + "/download/instrumental";
        assertThat(item.get("entry")).isEqualTo(object("id", song.id(), "title", "Dancing Queen", "artist",
                "Artist of Dancing Queen", "video_url", stream, "source", "library", "uploader", "Chorus library",
                "duration", 200.0));
        assertThat(server.send(HttpRequest.newBuilder(URI.create(stream)).build()).statusCode())
                .as("a display can play the stream").isEqualTo(200);
        // Nothing plays: the next frame after the queue is the answer to a later request.
        controller.send("join_performance", object());
        assertThat(controller.next().get(0).asText()).isEqualTo("performance_state");
    }

    @Test
    void aPlayOverRestReachesTheWsControllerAsThePlayerStateOfTheChosenSong() {
        Song first = song("First");
        Song second = song("Second");
        add(first, "Ann");
        int secondId = add(second, "Bea");
        WsTestClient controller = wsJoined("controller");

        assertThat(send("POST", QUEUE + "/" + secondId + "/play", null).statusCode()).isEqualTo(200);

        JsonNode player = nextNamed(controller, "player_state");
        assertThat(player.get("entry").get("id").asText()).isEqualTo(second.id());
        assertThat(player.get("play_state").asText()).isEqualTo("playing");
        JsonNode queue = nextNamed(controller, "queue_update");
        assertThat(queue.get("items")).hasSize(1);
        assertThat(queue.get("items").get(0).get("entry").get("id").asText()).isEqualTo(first.id());
    }

    @Test
    void aWsQueueSongShowsInTheRestQueueAndReachesTheSocketIoQueueRoom() {
        SocketIoTestClient stage = socket(true);
        WsTestClient controller = wsJoined("controller");
        ObjectNode entry = WsTestClient.entry("yt-aaaaaaa", "Africa", "Toto");

        JsonNode ack = controller.skipToAck(controller.sendWithRequestId("queue_song", entry));

        assertThat(ack.get("success").asBoolean()).isTrue();
        JsonNode rest = list();
        // The PWA plays a song queued into an idle room at once: it is the current song, position 0.
        assertThat(rest).hasSize(1);
        JsonNode expectedSong = tree("{\"id\":\"yt-aaaaaaa\",\"title\":\"Africa\",\"artist\":\"Toto\",\"album\":null,"
                + "\"durationMs\":213000,\"coverArt\":null,\"syncedLyrics\":null,\"plainLyrics\":null}");
        ObjectNode expected = JSON.createObjectNode().put("id", rest.get(0).get("id").asInt()).put("songId", "yt-aaaaaaa")
                .put("singer", "Unknown Singer").put("position", 0).putNull("addedAt");
        expected.set("song", expectedSong);
        assertThat(rest.get(0)).isEqualTo(expected);

        JsonNode updated = json(stage.awaitEvent("queue_updated", 1));
        assertThat(updated).isEqualTo(JSON.createObjectNode().set("items", rest));
        JsonNode played = json(stage.awaitEvent("play_song", 1));
        assertThat(played).isEqualTo(JSON.createObjectNode().put("singer", "Unknown Singer").set("song", expectedSong));
    }

    @Test
    void aPlayReachesTheQueueRoomAsQueueUpdatedThenPlaySongAndNoOtherSocket() {
        SocketIoTestClient stage = socket(true);
        SocketIoTestClient bystander = socket(false);
        Song first = song("Hello");
        Song second = song("Goodbye");
        add(first, "Ann");
        int secondId = add(second, "Bea");

        assertThat(send("POST", QUEUE + "/" + secondId + "/play", null).statusCode()).isEqualTo(200);

        JsonNode updated = json(stage.awaitEvent("queue_updated", 3));
        assertThat(updated.get("items")).isEqualTo(list());
        assertThat(updated.get("items")).extracting(item -> item.get("song").get("title").asText() + "@"
                + item.get("position").asInt()).containsExactly("Goodbye@0", "Hello@1");
        JsonNode played = json(stage.awaitEvent("play_song", 1));
        assertThat(played.get("singer").asText()).isEqualTo("Bea");
        assertThat(played.get("song")).isEqualTo(list().get(0).get("song"));
        List<String> order = stage.received().stream().map(Received::name)
                .filter(name -> name.equals("queue_updated") || name.equals("play_song")).toList();
        assertThat(order).containsExactly("queue_updated", "queue_updated", "queue_updated", "play_song");

        // Anything sent to the bystander would have arrived before this reply.
        bystander.emit("join_queue_room");
        bystander.awaitEvent("queue_joined", 1);
        assertThat(bystander.named("queue_updated")).isEmpty();
        assertThat(bystander.named("play_song")).isEmpty();
    }

    @Test
    void aWsPlayNextTellsTheQueueRoomWhatPlaysNow() {
        Song first = song("One");
        add(first, "Ann");
        add(song("Two"), "Bea");
        SocketIoTestClient stage = socket(true);
        WsTestClient display = wsJoined("display");

        JsonNode ack = display.skipToAck(display.sendWithRequestId("play_next", object()));

        assertThat(ack.get("success").asBoolean()).isTrue();
        JsonNode updated = json(stage.awaitEvent("queue_updated", 1));
        assertThat(updated.get("items")).extracting(item -> item.get("song").get("title").asText() + "@"
                + item.get("position").asInt() + " " + item.get("singer").asText()).containsExactly("One@0 Ann", "Two@1 Bea");
        JsonNode played = json(stage.awaitEvent("play_song", 1));
        assertThat(played.get("song").get("id").asText()).isEqualTo(first.id());
        assertThat(played.get("singer").asText()).isEqualTo("Ann");
        assertThat(stage.received().stream().map(Received::name).filter(name -> !name.equals("queue_joined")).toList())
                .containsExactly("queue_updated", "play_song");
    }

    @Test
    void aDeleteOverRestReachesBothTheWsControllerAndTheQueueRoom() {
        int id = add(song("Gone Soon"), "Ann");
        SocketIoTestClient stage = socket(true);
        WsTestClient controller = wsJoined("controller");

        assertThat(send("DELETE", QUEUE + "/" + id, null).statusCode()).isEqualTo(200);

        // The only song was deleted while nothing played: nothing is left to play.
        assertThat(nextNamed(controller, "queue_update").get("items")).isEmpty();
        assertThat(json(stage.awaitEvent("queue_updated", 1))).isEqualTo(tree("{\"items\":[]}"));
        assertThat(list()).isEmpty();
    }
}
