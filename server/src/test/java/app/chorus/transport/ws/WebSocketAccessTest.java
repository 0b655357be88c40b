package app.chorus.transport.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import app.chorus.config.Config;
import app.chorus.config.ConfigLoader;
import app.chorus.rooms.RoomAccess;
import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Who may open /ws (the Origin check against cross-site WebSocket hijacking, the connection limit)
 * and who may join a password room (password in join_room, or the proof cookie from /rooms/verify).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WebSocketAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALLOWED_ORIGIN = "https://allowed.example";
    private static final int MAX_CONNECTIONS = 4;

    private static TestServer server;
    private final List<WsTestClient> clients = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = TestServer.start("--allowed-origins", ALLOWED_ORIGIN + ", https://second.example",
                "--ws-max-connections", String.valueOf(MAX_CONNECTIONS));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** Every test starts with no open socket, so the connection limit never leaks between tests. */
    @AfterEach
    void closeClients() {
        clients.forEach(WsTestClient::close);
        awaitOpenConnections(0);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private WsTestClient connect(String... headers) {
        WsTestClient client = server.connect(headers);
        clients.add(client);
        return client;
    }

    private static int openConnections() {
        try {
            return JSON.readTree(server.get("/health").body()).get("active_connections").intValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long refusedConnections() {
        try {
            return JSON.readTree(server.get("/health").body()).get("connections").get("refused_connections").longValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitOpenConnections(int expected) {
        await().atMost(Duration.ofSeconds(5)).until(WebSocketAccessTest::openConnections, count -> count == expected);
    }

    /** Tries an upgrade with the JDK client and returns why it was refused. */
    private static WebSocketHandshakeException refusedUpgrade(String... headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        for (int index = 0; index < headers.length; index += 2) {
            builder.header(headers[index], headers[index + 1]);
        }
        Throwable failure = catchThrowable(() -> builder.buildAsync(server.ws(), new WebSocket.Listener() {
        }).join().abort());

        assertThat(failure).as("the upgrade is refused").isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        return (WebSocketHandshakeException) failure.getCause();
    }

    private static int status(WebSocketHandshakeException refusal) {
        HttpResponse<?> response = refusal.getResponse();
        return response.statusCode();
    }

    /**
     * Sends an upgrade request by hand, so the Host header can be a public name (the JDK client
     * always sends the address it connects to), and returns the response's status code.
     */
    private static int rawUpgradeStatus(String host, String origin) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            String request = "GET /ws HTTP/1.1\r\n"
                    + "Host: " + host + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Origin: " + origin + "\r\n\r\n";
            OutputStream output = socket.getOutputStream();
            output.write(request.getBytes(StandardCharsets.US_ASCII));
            output.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createRoom(String roomId, String password) {
        HttpResponse<String> response = server.post("/rooms/create",
                WsTestClient.object("room_id", roomId, "is_public", true, "password", password).toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The proof cookie ({@code name=value}) that a successful /rooms/verify sets. */
    private static String proofCookie(String roomId, String password) {
        HttpResponse<String> response = server.post("/rooms/verify",
                WsTestClient.object("room_id", roomId, "password", password).toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String joinRoomFrame(String roomId, String password) {
        var payload = WsTestClient.object("room_id", roomId, "request_id", "r1");
        if (password != null) {
            payload.put("password", password);
        }
        return JSON.createArrayNode().add("join_room").add(payload).toString();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertJoinRefused(WsTestClient client, String roomId, String message) {
        JsonNode frame = client.next();

        assertThat(frame.get(0).asText()).as("frame %s", frame).isEqualTo("ack");
        JsonNode ack = frame.get(1);
        assertThat(ack.properties()).extracting(Map.Entry::getKey).containsExactly("request_id", "success", "error");
        assertThat(ack.get("request_id").textValue()).isEqualTo("r1");
        assertThat(ack.get("success").booleanValue()).isFalse();
        JsonNode error = ack.get("error");
        assertThat(error.properties()).extracting(Map.Entry::getKey)
                .containsExactly("error_type", "message", "details", "timestamp", "request_id");
        assertThat(error.get("error_type").textValue()).isEqualTo("authorization_error");
        assertThat(error.get("message").textValue()).isEqualTo(message);
        assertThat(error.get("details").isObject()).isTrue();
        assertThat(error.get("details").get("command").textValue()).isEqualTo("join_room");
        assertThat(error.get("timestamp").isFloatingPointNumber()).isTrue();
        assertThat(error.get("timestamp").doubleValue()).isCloseTo(System.currentTimeMillis() / 1000.0,
                org.assertj.core.data.Offset.offset(10.0));
        assertThat(error.get("request_id").textValue()).isEqualTo("r1");
        client.expectSilence(200);
        assertThat(membersOf(roomId)).as("nobody is in %s", roomId).isZero();
    }

    /** Clients in the room according to /health (which lists private rooms too). */
    private static int membersOf(String roomId) {
        JsonNode health = parse(server.get("/health").body());
        for (JsonNode room : health.get("rooms")) {
            if (room.get("id").asText().equals(roomId)) {
                return room.get("client_count").intValue();
            }
        }
        return 0;
    }

    /** Waits for the successful join ack and returns the names of the frames that came before it. */
    private static List<String> assertJoined(WsTestClient client, String roomId) {
        List<String> names = new ArrayList<>();
        JsonNode frame = client.next();
        while (!frame.get(0).asText().equals("ack")) {
            names.add(frame.get(0).asText());
            frame = client.next();
        }
        assertThat(frame).isEqualTo(parse("[\"ack\", {\"request_id\": \"r1\", \"success\": true, "
                + "\"result\": {\"room_id\": \"" + roomId + "\", \"success\": true}}]"));
        assertThat(names).containsSubsequence("client_count", "client_count", "queue_update", "leader_status")
                .endsWith("leader_status");
        assertThat(membersOf(roomId)).isEqualTo(1);
        return names;
    }

    // ---- Origin check -----------------------------------------------------------------------------

    @Test
    void aForeignOriginIsRefusedWith403() {
        long refusedBefore = refusedConnections();

        WebSocketHandshakeException refusal = refusedUpgrade("Origin", "https://evil.example");

        assertThat(status(refusal)).isEqualTo(403);
        assertThat(refusedConnections()).isEqualTo(refusedBefore + 1);
        assertThat(openConnections()).isZero();
    }

    @Test
    void originsThatOnlyLookLocalOrAllowedAreRefused() {
        for (String origin : List.of("http://localhost.evil.example", "http://127.0.0.1.evil.example",
                "http://allowed.example", "https://allowed.example.evil.example", "null", "not a url")) {
            assertThat(status(refusedUpgrade("Origin", origin))).as(origin).isEqualTo(403);
        }
    }

    @Test
    void aClientWithoutOriginIsAllowed() {
        WsTestClient client = connect();

        assertThat(client.isOpen()).isTrue();
        awaitOpenConnections(1);
    }

    @Test
    void localhostOriginsAreAllowed() {
        for (String origin : List.of("http://localhost:3000", "http://127.0.0.1:5173", "http://[::1]:8080",
                "https://LOCALHOST")) {
            WsTestClient client = connect("Origin", origin);
            assertThat(client.isOpen()).as(origin).isTrue();
            client.close();
            awaitOpenConnections(0);
        }
    }

    @Test
    void configuredOriginsAreAllowed() {
        WsTestClient first = connect("Origin", ALLOWED_ORIGIN);
        WsTestClient second = connect("Origin", "https://second.example");

        assertThat(first.isOpen()).isTrue();
        assertThat(second.isOpen()).isTrue();
    }

    @Test
    void theServersOwnOriginIsAllowed() {
        assertThat(rawUpgradeStatus("chorus.example:8443", "https://chorus.example:8443")).isEqualTo(101);
        assertThat(rawUpgradeStatus("chorus.example", "https://chorus.example")).isEqualTo(101);
    }

    @Test
    void anotherHostOrPortThanTheServersOwnIsRefused() {
        assertThat(rawUpgradeStatus("chorus.example:8443", "https://other.example:8443")).isEqualTo(403);
        assertThat(rawUpgradeStatus("chorus.example:8443", "https://chorus.example:9999")).isEqualTo(403);
        assertThat(rawUpgradeStatus("chorus.example", "https://chorus.example.evil.example")).isEqualTo(403);
    }

    @Test
    void aStarAllowsAnyOrigin() {
        Config.Server anyOrigin = ConfigLoader.load(List.of("--allowed-origins", "*"), Map.of()).server();
        Config.Server listed = ConfigLoader.load(List.of("--allowed-origins", ALLOWED_ORIGIN), Map.of()).server();

        WsUpgradePolicy open = new WsUpgradePolicy(anyOrigin, MAX_CONNECTIONS, () -> 0, new WsStats());
        WsUpgradePolicy strict = new WsUpgradePolicy(listed, MAX_CONNECTIONS, () -> 0, new WsStats());

        assertThat(open.originAllowed("https://evil.example", "chorus.example")).isTrue();
        assertThat(open.originAllowed("null", "chorus.example")).isTrue();
        assertThat(strict.originAllowed("https://evil.example", "chorus.example")).isFalse();
        assertThat(strict.originAllowed(ALLOWED_ORIGIN, "chorus.example")).isTrue();
        assertThat(strict.originAllowed(null, "chorus.example")).isTrue();
    }

    // ---- connection limit -------------------------------------------------------------------------

    @Test
    void upgradesBeyondTheConnectionLimitAreRefusedWith503UntilOneCloses() {
        List<WsTestClient> open = new ArrayList<>();
        for (int index = 0; index < MAX_CONNECTIONS; index++) {
            open.add(connect());
        }
        awaitOpenConnections(MAX_CONNECTIONS);

        assertThat(status(refusedUpgrade())).isEqualTo(503);
        assertThat(status(refusedUpgrade("Origin", "http://localhost:3000"))).isEqualTo(503);
        assertThat(open).allSatisfy(client -> assertThat(client.isOpen()).isTrue());

        open.getFirst().close();
        awaitOpenConnections(MAX_CONNECTIONS - 1);
        WsTestClient again = connect();

        assertThat(again.isOpen()).isTrue();
        awaitOpenConnections(MAX_CONNECTIONS);
    }

    @Test
    void aForeignOriginIsRefusedWith403EvenWhenTheServerIsFull() {
        for (int index = 0; index < MAX_CONNECTIONS; index++) {
            connect();
        }
        awaitOpenConnections(MAX_CONNECTIONS);

        assertThat(status(refusedUpgrade("Origin", "https://evil.example"))).isEqualTo(403);
    }

    // ---- password rooms ---------------------------------------------------------------------------

    @Test
    void joiningAPasswordRoomWithoutPasswordOrProofIsRefused() {
        createRoom("ws-locked-none", "hunter2");
        WsTestClient client = connect();
        client.handshake("controller");

        client.sendRaw(joinRoomFrame("ws-locked-none", null));

        assertJoinRefused(client, "ws-locked-none", "Password required");
    }

    @Test
    void joiningAPasswordRoomWithAnEmptyPasswordIsRefused() {
        createRoom("ws-locked-empty", "hunter2");
        WsTestClient client = connect();
        client.handshake("controller");

        client.sendRaw(joinRoomFrame("ws-locked-empty", ""));

        assertJoinRefused(client, "ws-locked-empty", "Password required");
    }

    @Test
    void joiningAPasswordRoomWithAWrongPasswordIsRefused() {
        createRoom("ws-locked-wrong", "hunter2");
        WsTestClient client = connect();
        client.handshake("controller");

        client.sendRaw(joinRoomFrame("ws-locked-wrong", "hunter3"));

        assertJoinRefused(client, "ws-locked-wrong", "Invalid password");
    }

    @Test
    void joiningAPasswordRoomWithTheRightPasswordSucceeds() {
        createRoom("ws-locked-right", "hunter2");
        WsTestClient client = connect();
        client.handshake("controller");

        client.sendRaw(joinRoomFrame("ws-locked-right", "hunter2"));

        assertJoined(client, "ws-locked-right");
    }

    @Test
    void aControllerJoiningAnEmptyRoomHearsTheElectionThenTheCountsTheQueueAndItsOwnStatus() {
        createRoom("ws-locked-order", "hunter2");
        WsTestClient client = connect();
        client.handshake("controller");

        client.sendRaw(joinRoomFrame("ws-locked-order", "hunter2"));

        assertThat(assertJoined(client, "ws-locked-order"))
                // The leader check runs before the counts and tells every controller, the joiner included
                // (protocols/pwa-karaoke-ws.md section 2, step 5.2); the snapshot then repeats the joiner's status.
                .containsExactly("leader_status", "client_count", "client_count", "queue_update", "leader_status");
    }

    @Test
    void theProofCookieFromVerifyLetsTheBrowserJoinWithoutThePassword() {
        createRoom("ws-locked-cookie", "hunter2");
        String cookie = proofCookie("ws-locked-cookie", "hunter2");
        WsTestClient client = connect("Cookie", "theme=dark; " + cookie);
        client.handshake("controller");

        client.sendRaw(joinRoomFrame("ws-locked-cookie", null));

        assertJoined(client, "ws-locked-cookie");
    }

    @Test
    void aRefusedJoinCanBeRetriedWithThePasswordOnTheSameSocket() {
        createRoom("ws-locked-retry", "hunter2");
        WsTestClient client = connect();
        client.handshake("controller");

        client.sendRaw(joinRoomFrame("ws-locked-retry", null));
        assertJoinRefused(client, "ws-locked-retry", "Password required");
        client.sendRaw(joinRoomFrame("ws-locked-retry", "hunter2"));

        assertJoined(client, "ws-locked-retry");
    }

    @Test
    void aProofCookieForAnotherRoomDoesNotOpenAPasswordRoom() {
        createRoom("ws-locked-a", "hunter2");
        createRoom("ws-locked-b", "hunter2");
        String cookieForA = proofCookie("ws-locked-a", "hunter2");
        String proofForA = cookieForA.substring(cookieForA.indexOf('=') + 1);

        WsTestClient withCookieA = connect("Cookie", cookieForA);
        withCookieA.handshake("controller");
        withCookieA.sendRaw(joinRoomFrame("ws-locked-b", null));
        assertJoinRefused(withCookieA, "ws-locked-b", "Password required");

        WsTestClient withProofARenamed = connect("Cookie", RoomAccess.cookieName("ws-locked-b") + "=" + proofForA);
        withProofARenamed.handshake("controller");
        withProofARenamed.sendRaw(joinRoomFrame("ws-locked-b", null));
        assertJoinRefused(withProofARenamed, "ws-locked-b", "Password required");
    }

    @Test
    void aTamperedProofCookieIsRefused() {
        createRoom("ws-locked-tampered", "hunter2");
        String cookie = proofCookie("ws-locked-tampered", "hunter2");
        String name = cookie.substring(0, cookie.indexOf('='));
        String proof = cookie.substring(cookie.indexOf('=') + 1);
        String expiry = proof.substring(0, proof.indexOf('.'));
        String later = (Long.parseLong(expiry) + 86_400_000L) + proof.substring(proof.indexOf('.'));

        WsTestClient client = connect("Cookie", name + "=" + later);
        client.handshake("controller");
        client.sendRaw(joinRoomFrame("ws-locked-tampered", null));

        assertJoinRefused(client, "ws-locked-tampered", "Password required");
    }

    @Test
    void aPublicRoomNeedsNeitherPasswordNorProof() {
        createRoom("ws-open", "");
        WsTestClient client = connect();
        client.handshake("controller");

        client.sendRaw(joinRoomFrame("ws-open", null));

        assertJoined(client, "ws-open");
    }
}
