package app.chorus.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.rooms.RoomAccess;
import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The HTTP contract of the original API, route by route, against a real server. The verify rate
 * limit is per client address, so each test that calls /rooms/verify speaks from its own loopback
 * address (127.0.0.x) and gets its own allowance of three attempts.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERIFY_PER_MINUTE = 3;
    private static final AtomicInteger LAST_ADDRESS_BYTE = new AtomicInteger(1);
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start("--room-verify-per-minute", String.valueOf(VERIFY_PER_MINUTE));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A response with its body parsed as JSON. */
    private record Reply(HttpResponse<String> response, JsonNode body) {
        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private static Reply json(HttpResponse<String> response) {
        try {
            return new Reply(response, JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static Reply get(String path) {
        return json(server.get(path));
    }

    private static Reply post(String path, Object body) {
        return json(server.post(path, JSON.valueToTree(body).toString()));
    }

    /** A client that speaks from a loopback address no other test uses, so it has a fresh verify allowance. */
    private static Client freshClient() {
        try {
            InetAddress address = InetAddress.getByName("127.0.0." + LAST_ADDRESS_BYTE.incrementAndGet());
            return new Client(HttpClient.newBuilder().localAddress(address).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Client(HttpClient http) {
        Reply post(String path, Object body) {
            HttpRequest request = HttpRequest.newBuilder(server.http(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.valueToTree(body).toString()))
                    .build();
            try {
                return json(http.send(request, HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static ObjectNode body(Object... keysAndValues) {
        return WsTestClient.object(keysAndValues);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static double nowSeconds() {
        return System.currentTimeMillis() / 1000.0;
    }

    private static void assertDetail(Reply reply, int status, String detail) {
        assertThat(reply.status()).as("status of %s", reply.response().body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(fieldNames(reply.body())).containsExactly("detail");
        assertThat(reply.body().get("detail").isTextual()).isTrue();
        assertThat(reply.body().get("detail").textValue()).isEqualTo(detail);
    }

    private static void createRoom(String roomId, boolean isPublic, String password) {
        Reply reply = post("/rooms/create", body("room_id", roomId, "is_public", isPublic, "password", password));
        assertThat(reply.status()).as("creating %s: %s", roomId, reply.response().body()).isEqualTo(200);
    }

    /** Connects a client of this type and joins the room, waiting for the successful ack. */
    private static WsTestClient joined(String roomId, String clientType, String password) {
        WsTestClient client = server.connect();
        client.handshake(clientType);
        ObjectNode join = body("room_id", roomId);
        if (password != null) {
            join.put("password", password);
        }
        String requestId = client.sendWithRequestId("join_room", join);
        awaitAck(client, requestId);
        return client;
    }

    private static JsonNode awaitAck(WsTestClient client, String requestId) {
        for (int frames = 0; frames < 50; frames++) {
            JsonNode frame = client.next();
            if (frame.get(0).asText().equals("ack") && frame.get(1).get("request_id").asText().equals(requestId)) {
                assertThat(frame.get(1).get("success").asBoolean()).as("ack %s", frame).isTrue();
                return frame.get(1).get("result");
            }
        }
        throw new AssertionError("no ack for " + requestId);
    }

    private static List<JsonNode> listedRooms() {
        Reply reply = get("/rooms");
        assertThat(reply.status()).isEqualTo(200);
        return StreamSupport.stream(reply.body().get("rooms").spliterator(), false).toList();
    }

    private static JsonNode listed(List<JsonNode> rooms, String roomId) {
        return rooms.stream().filter(room -> room.get("id").asText().equals(roomId)).findFirst().orElse(null);
    }

    private static List<String> listedIds() {
        return listedRooms().stream().map(room -> room.get("id").asText()).toList();
    }

    // ---- /heartbeat -----------------------------------------------------------------------------

    @Test
    void heartbeatAnswersOkWithTheTimeInEpochMilliseconds() {
        long before = System.currentTimeMillis();
        Reply reply = get("/heartbeat");
        long after = System.currentTimeMillis();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(fieldNames(reply.body())).containsExactlyInAnyOrder("status", "timestamp");
        assertThat(reply.body().get("status").textValue()).isEqualTo("ok");
        JsonNode timestamp = reply.body().get("timestamp");
        assertThat(timestamp.isIntegralNumber()).as("timestamp %s is an integer", timestamp).isTrue();
        assertThat(timestamp.longValue()).isBetween(before, after);
    }

    // ---- /rooms/create --------------------------------------------------------------------------

    @Test
    void creatingAPublicRoomReturnsItsFacts() {
        double before = nowSeconds();
        Reply reply = post("/rooms/create", body("room_id", "create-public", "is_public", true, "password", ""));
        double after = nowSeconds();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(fieldNames(reply.body())).containsExactlyInAnyOrder("success", "room");
        assertThat(reply.body().get("success").booleanValue()).isTrue();
        JsonNode room = reply.body().get("room");
        assertThat(fieldNames(room)).containsExactlyInAnyOrder("id", "is_public", "requires_password", "created_at");
        assertThat(room.get("id").textValue()).isEqualTo("create-public");
        assertThat(room.get("is_public").isBoolean()).isTrue();
        assertThat(room.get("is_public").booleanValue()).isTrue();
        assertThat(room.get("requires_password").booleanValue()).isFalse();
        assertThat(room.get("created_at").isNumber()).isTrue();
        assertThat(room.get("created_at").doubleValue()).isBetween(before - 0.001, after + 0.001);
    }

    @Test
    void aRoomIsPublicByDefault() {
        Reply reply = post("/rooms/create", body("room_id", "create-default"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("room").get("is_public").booleanValue()).isTrue();
        assertThat(reply.body().get("room").get("requires_password").booleanValue()).isFalse();
    }

    @Test
    void aNonEmptyPasswordMakesTheRoomPrivateEvenWhenAskedToBePublic() {
        Reply reply = post("/rooms/create", body("room_id", "create-locked", "is_public", true, "password", "hunter2"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("success").booleanValue()).isTrue();
        assertThat(reply.body().get("room").get("is_public").booleanValue()).isFalse();
        assertThat(reply.body().get("room").get("requires_password").booleanValue()).isTrue();
        assertThat(reply.body().toString()).doesNotContain("hunter2").doesNotContain("argon2");
    }

    @Test
    void aPrivateRoomMayHaveNoPassword() {
        Reply reply = post("/rooms/create", body("room_id", "create-private", "is_public", false, "password", ""));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("room").get("is_public").booleanValue()).isFalse();
        assertThat(reply.body().get("room").get("requires_password").booleanValue()).isFalse();
    }

    @Test
    void creatingAnExistingRoomIsA400NamingTheRoom() {
        createRoom("create-twice", true, "");

        Reply reply = post("/rooms/create", body("room_id", "create-twice", "is_public", true, "password", ""));

        assertDetail(reply, 400, "Room create-twice already exists");
    }

    @Test
    void creatingARoomWithoutRoomIdIsA422WithAListOfProblems() {
        Reply reply = post("/rooms/create", body("is_public", true, "password", ""));

        assertThat(reply.status()).isEqualTo(422);
        JsonNode detail = reply.body().get("detail");
        assertThat(detail.isArray()).isTrue();
        assertThat(detail).hasSize(1);
        JsonNode problem = detail.get(0);
        assertThat(problem.get("type").textValue()).isEqualTo("missing");
        assertThat(problem.get("loc")).containsExactly(JSON.getNodeFactory().textNode("body"),
                JSON.getNodeFactory().textNode("room_id"));
        assertThat(problem.get("msg").textValue()).isEqualTo("Field required");
    }

    @Test
    void aBodyThatIsNotJsonOrHasWrongTypesIsA422() {
        Reply notJson = json(server.post("/rooms/create", "{room_id: oops"));
        Reply wrongType = post("/rooms/create", body("room_id", "create-wrong-type", "is_public", "yes"));
        Reply notAnObject = json(server.post("/rooms/create", "[\"create-array\"]"));

        assertThat(notJson.status()).isEqualTo(422);
        assertThat(notJson.body().get("detail").get(0).get("type").textValue()).isEqualTo("json_invalid");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.body().get("detail").get(0).get("type").textValue()).isEqualTo("bool_type");
        assertThat(wrongType.body().get("detail").get(0).get("loc").get(1).textValue()).isEqualTo("is_public");
        assertThat(notAnObject.status()).isEqualTo(422);
        assertThat(notAnObject.body().get("detail").isArray()).isTrue();
        assertThat(get("/rooms/create-wrong-type").status()).isEqualTo(404);
    }

    // ---- GET /rooms/{room_id} -------------------------------------------------------------------

    @Test
    void gettingARoomReturnsTheFactsGivenWhenItWasCreated() {
        Reply created = post("/rooms/create", body("room_id", "get-locked", "is_public", true, "password", "pw"));

        Reply reply = get("/rooms/get-locked");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(fieldNames(reply.body())).containsExactlyInAnyOrder("id", "is_public", "requires_password", "created_at");
        assertThat(reply.body().get("id").textValue()).isEqualTo("get-locked");
        assertThat(reply.body().get("is_public").booleanValue()).isFalse();
        assertThat(reply.body().get("requires_password").booleanValue()).isTrue();
        assertThat(reply.body().get("created_at").doubleValue())
                .isEqualTo(created.body().get("room").get("created_at").doubleValue());
    }

    @Test
    void gettingARoomWhoseIdNeedsUrlEncodingDecodesThePath() {
        createRoom("Friday night", true, "");

        Reply reply = get("/rooms/Friday%20night");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("id").textValue()).isEqualTo("Friday night");
    }

    @Test
    void gettingAnUnknownRoomIsA404AndDoesNotCreateIt() {
        assertDetail(get("/rooms/get-nobody"), 404, "Room not found");
        assertDetail(get("/rooms/get-nobody"), 404, "Room not found");

        Reply create = post("/rooms/create", body("room_id", "get-nobody", "is_public", false, "password", ""));

        assertThat(create.status()).as("the room did not exist before").isEqualTo(200);
        assertThat(create.body().get("room").get("is_public").booleanValue()).isFalse();
    }

    // ---- /rooms/verify --------------------------------------------------------------------------

    @Test
    void verifyingAnUnknownRoomIsA404() {
        Reply reply = freshClient().post("/rooms/verify", body("room_id", "verify-nobody", "password", "x"));

        assertDetail(reply, 404, "Room not found");
    }

    @Test
    void verifyingAPublicRoomNeedsNoPasswordAndSetsNoCookie() {
        createRoom("verify-public", true, "");

        Reply reply = freshClient().post("/rooms/verify", body("room_id", "verify-public"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(fieldNames(reply.body())).containsExactlyInAnyOrder("success", "room");
        assertThat(reply.body().get("success").booleanValue()).isTrue();
        JsonNode room = reply.body().get("room");
        assertThat(fieldNames(room)).containsExactlyInAnyOrder("id", "is_public", "requires_password");
        assertThat(room.get("id").textValue()).isEqualTo("verify-public");
        assertThat(room.get("is_public").booleanValue()).isTrue();
        assertThat(room.get("requires_password").booleanValue()).isFalse();
        assertThat(reply.response().headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aPrivateRoomWithoutAPasswordVerifiesWithoutOne() {
        createRoom("verify-private", false, "");

        Reply reply = freshClient().post("/rooms/verify", body("room_id", "verify-private", "password", ""));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("room").get("is_public").booleanValue()).isFalse();
        assertThat(reply.body().get("room").get("requires_password").booleanValue()).isFalse();
        assertThat(reply.response().headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aPasswordRoomRefusesAMissingAnEmptyAndAWrongPassword() {
        createRoom("verify-refuse", true, "hunter2");
        Client client = freshClient();

        Reply missing = client.post("/rooms/verify", body("room_id", "verify-refuse"));
        Reply empty = client.post("/rooms/verify", body("room_id", "verify-refuse", "password", ""));
        Reply wrong = client.post("/rooms/verify", body("room_id", "verify-refuse", "password", "hunter3"));

        assertDetail(missing, 401, "Password required");
        assertDetail(empty, 401, "Password required");
        assertDetail(wrong, 401, "Invalid password");
        assertThat(wrong.response().headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theRightPasswordSetsAnHttpOnlyStrictProofCookieForTheWebsocketPath() {
        createRoom("verify-right", true, "hunter2");

        Reply reply = freshClient().post("/rooms/verify", body("room_id", "verify-right", "password", "hunter2"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("success").booleanValue()).isTrue();
        JsonNode room = reply.body().get("room");
        assertThat(fieldNames(room)).containsExactlyInAnyOrder("id", "is_public", "requires_password");
        assertThat(room.get("id").textValue()).isEqualTo("verify-right");
        assertThat(room.get("is_public").booleanValue()).isFalse();
        assertThat(room.get("requires_password").booleanValue()).isTrue();

        List<String> cookies = reply.response().headers().allValues("Set-Cookie");
        assertThat(cookies).hasSize(1);
        List<String> parts = List.of(cookies.getFirst().split(";\\s*"));
        String nameAndValue = parts.getFirst();
        assertThat(nameAndValue).startsWith(RoomAccess.cookieName("verify-right") + "=");
        assertThat(nameAndValue.substring(nameAndValue.indexOf('=') + 1)).matches("\\d+\\.[A-Za-z0-9_-]+");
        List<String> attributes = parts.subList(1, parts.size()).stream().map(String::toLowerCase).toList();
        assertThat(attributes).contains("path=/ws", "httponly", "samesite=strict", "max-age=" + Duration.ofHours(12).toSeconds());
        assertThat(attributes).as("not Secure over plain http").doesNotContain("secure");
        assertThat(attributes).noneMatch(attribute -> attribute.startsWith("domain="));
    }

    @Test
    void verifyAttemptsAreLimitedPerClientAddress() {
        createRoom("verify-limit", true, "hunter2");
        Client client = freshClient();

        for (int attempt = 1; attempt <= VERIFY_PER_MINUTE; attempt++) {
            assertDetail(client.post("/rooms/verify", body("room_id", "verify-limit", "password", "guess" + attempt)),
                    401, "Invalid password");
        }
        Reply limited = client.post("/rooms/verify", body("room_id", "verify-limit", "password", "hunter2"));
        Reply unknownRoom = client.post("/rooms/verify", body("room_id", "verify-limit-nobody", "password", "x"));

        assertDetail(limited, 429, "Too many password attempts; try again in a minute");
        assertThat(limited.header("Retry-After")).isEqualTo("60");
        assertThat(limited.response().headers().allValues("Set-Cookie")).isEmpty();
        assertThat(unknownRoom.status()).isEqualTo(429);

        Reply otherAddress = freshClient().post("/rooms/verify", body("room_id", "verify-limit", "password", "hunter2"));
        assertThat(otherAddress.status()).as("another address has its own allowance").isEqualTo(200);
    }

    @Test
    void verifyingWithoutRoomIdIsA422() {
        Reply reply = freshClient().post("/rooms/verify", body("password", "x"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().get("detail").isArray()).isTrue();
        assertThat(reply.body().get("detail").get(0).get("loc").get(1).textValue()).isEqualTo("room_id");
    }

    // ---- GET /rooms -----------------------------------------------------------------------------

    @Test
    void theRoomListShowsLivePublicRoomsFullestFirstWithTheirSummaries() {
        createRoom("list-private", false, "");
        createRoom("list-locked", true, "pw");
        double before = nowSeconds();
        List<WsTestClient> clients = new ArrayList<>();
        try {
            WsTestClient leader = joined("list-big", "controller", null);
            clients.add(leader);
            clients.add(joined("list-big", "controller", null));
            clients.add(joined("list-big", "display", null));
            clients.add(joined("list-small", "display", null));
            clients.add(joined("list-private", "controller", null));
            clients.add(joined("list-locked", "controller", "pw"));
            leader.send("queue_song", WsTestClient.entry("song-1", "Bohemian Rhapsody", "Queen"));
            leader.send("queue_song", WsTestClient.entry("song-2", "Dancing Queen", "ABBA"));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                JsonNode room = listed(listedRooms(), "list-big");
                assertThat(room).as("list-big is listed").isNotNull();
                assertThat(room.get("queue_length").intValue()).as("one song playing, one queued").isEqualTo(1);
            });
            Reply reply = get("/rooms");
            double after = nowSeconds();

            assertThat(fieldNames(reply.body())).containsExactlyInAnyOrder("rooms", "timestamp");
            assertThat(reply.body().get("timestamp").isFloatingPointNumber()).isTrue();
            assertThat(reply.body().get("timestamp").doubleValue()).isBetween(before - 1, after + 1);
            List<JsonNode> rooms = StreamSupport.stream(reply.body().get("rooms").spliterator(), false).toList();

            JsonNode big = listed(rooms, "list-big");
            assertThat(fieldNames(big)).containsExactlyInAnyOrder("id", "name", "client_count", "controllers_count",
                    "displays_count", "has_leader", "queue_length", "is_active", "is_public", "requires_password",
                    "created_at", "current_song");
            assertThat(big.get("name").textValue()).isEqualTo("list-big");
            assertThat(big.get("client_count").intValue()).isEqualTo(3);
            assertThat(big.get("controllers_count").intValue()).isEqualTo(2);
            assertThat(big.get("displays_count").intValue()).isEqualTo(1);
            assertThat(big.get("has_leader").booleanValue()).isTrue();
            assertThat(big.get("queue_length").intValue()).isEqualTo(1);
            assertThat(big.get("is_active").booleanValue()).isTrue();
            assertThat(big.get("is_public").booleanValue()).isTrue();
            assertThat(big.get("requires_password").booleanValue()).isFalse();
            assertThat(big.get("created_at").isNumber()).isTrue();
            assertThat(big.get("created_at").doubleValue()).isBetween(before - 1, after + 1);
            assertThat(big.get("current_song").textValue()).isEqualTo("Bohemian Rhapsody");

            JsonNode small = listed(rooms, "list-small");
            assertThat(small.get("client_count").intValue()).isEqualTo(1);
            assertThat(small.get("controllers_count").intValue()).isZero();
            assertThat(small.get("displays_count").intValue()).isEqualTo(1);
            assertThat(small.get("has_leader").booleanValue()).isFalse();
            assertThat(small.get("queue_length").intValue()).isZero();
            assertThat(small.get("current_song").isNull()).isTrue();

            assertThat(listed(rooms, "list-private")).as("a private room is not listed").isNull();
            assertThat(listed(rooms, "list-locked")).as("a password room is not listed").isNull();
            assertThat(rooms).allSatisfy(room -> assertThat(room.get("is_public").booleanValue()).isTrue());
            List<Integer> counts = rooms.stream().map(room -> room.get("client_count").intValue()).toList();
            assertThat(counts).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
            assertThat(rooms.indexOf(big)).isLessThan(rooms.indexOf(small));
        } finally {
            clients.forEach(WsTestClient::close);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(listedIds()).as("rooms without clients are not listed").doesNotContain("list-big", "list-small"));
    }

    @Test
    void aCreatedRoomWithoutClientsIsNotListed() {
        createRoom("list-empty", true, "");

        assertThat(listedIds()).doesNotContain("list-empty");
    }

    @Test
    void theRoomListFollowsChangingClientCounts() {
        List<WsTestClient> clients = new ArrayList<>();
        try {
            clients.add(joined("order-a", "display", null));
            clients.add(joined("order-b", "display", null));
            clients.add(joined("order-b", "controller", null));

            assertThat(listedIds().stream().filter(id -> id.startsWith("order-")).toList())
                    .containsExactly("order-b", "order-a");

            clients.add(joined("order-a", "controller", null));
            clients.add(joined("order-a", "controller", null));

            assertThat(listedIds().stream().filter(id -> id.startsWith("order-")).toList())
                    .containsExactly("order-a", "order-b");
        } finally {
            clients.forEach(WsTestClient::close);
        }
    }

    // ---- CORS -----------------------------------------------------------------------------------

    @Test
    void anyOriginIsEchoedWithCredentialsAllowed() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.http("/heartbeat"))
                .header("Origin", "https://karaoke.example.org").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://karaoke.example.org");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(response.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Origin"));
    }

    @Test
    void errorResponsesCarryTheCorsHeadersToo() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.http("/rooms/cors-nobody"))
                .header("Origin", "http://192.168.1.20:3000").GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://192.168.1.20:3000");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    }

    @Test
    void aRequestWithoutOriginGetsNoCorsHeaders() {
        HttpResponse<String> response = server.get("/heartbeat");

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void aPreflightIsAnswered204WithTheAllowedMethodsAndHeaders() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.http("/rooms/create"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://karaoke.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-requested-with")
                .build());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://karaoke.example.org");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        String methods = response.headers().firstValue("Access-Control-Allow-Methods").orElse("");
        assertThat(List.of(methods.split(",\\s*"))).contains("GET", "POST", "OPTIONS");
        String headers = response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase();
        assertThat(headers).contains("content-type").contains("x-requested-with");
    }

    @Test
    void aPreflightForAPathWithAParameterIsAnsweredToo() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.http("/rooms/some-room"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://karaoke.example.org")
                .header("Access-Control-Request-Method", "GET")
                .build());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://karaoke.example.org");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isPresent();
    }

    // ---- front end, fallback, 404 ---------------------------------------------------------------

    private static String indexHtml() {
        try (InputStream input = HttpApiTest.class.getResourceAsStream("/web/index.html")) {
            assertThat(input).as("web/index.html on the class path").isNotNull();
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theRootServesTheFrontEnd() {
        HttpResponse<String> response = server.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).isEqualTo(indexHtml());
    }

    @Test
    void theAppsHashedAssetsAreKeptForAYearAndTheRestCheckedOnEveryLoad() {
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(indexHtml());
        assertThat(script.find()).as("index.html names its script bundle").isTrue();

        HttpResponse<String> asset = server.get(script.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");

        HttpResponse<String> manifest = server.get("/manifest.webmanifest");
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.headers().firstValue("Content-Type").orElse("")).startsWith("application/manifest+json");
        assertThat(manifest.headers().firstValue("Cache-Control")).hasValue("max-age=0");
        HttpResponse<String> worker = server.get("/sw.js");
        assertThat(worker.statusCode()).isEqualTo(200);
        assertThat(worker.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(worker.headers().firstValue("Cache-Control")).hasValue("max-age=0");
    }

    @Test
    void anyOtherGetPathFallsBackToTheFrontEndPage() {
        for (String path : List.of("/room/friday-night", "/controller", "/some/deep/link?x=1")) {
            HttpResponse<String> response = server.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(response.body()).as(path).isEqualTo(indexHtml());
        }
    }

    @Test
    void anUnknownPathWithAnotherMethodIsAJson404() {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.http("/no/such/thing"))
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json").build());

            assertDetail(json(response), 404, "Not Found");
        }
    }

    @Test
    void aKnownPathWithAMethodItDoesNotHaveIsAJson404() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.http("/rooms/create"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());

        assertDetail(json(response), 404, "Not Found");
    }

    // ---- /docs and /openapi.json ----------------------------------------------------------------

    @Test
    void docsIsSwaggerUiAndItsBundleLoads() {
        HttpResponse<String> docs = server.get("/docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(docs.body()).contains("/openapi.json").doesNotContain("${");
        Matcher bundle = Pattern.compile("src=\"(/webjars/swagger-ui/[^/\"]+/swagger-ui-bundle\\.js)\"").matcher(docs.body());
        assertThat(bundle.find()).as("a script tag loading the Swagger UI bundle in %s", docs.body()).isTrue();
        Matcher css = Pattern.compile("href=\"(/webjars/swagger-ui/[^\"]+\\.css)\"").matcher(docs.body());
        assertThat(css.find()).isTrue();

        HttpResponse<String> script = server.get(bundle.group(1));
        HttpResponse<String> stylesheet = server.get(css.group(1));

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(script.body()).contains("SwaggerUIBundle").hasSizeGreaterThan(100_000);
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
    }

    @Test
    void openapiJsonIsAnOpenapi3Document() {
        Reply reply = get("/openapi.json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.body().get("openapi").textValue()).startsWith("3.");
        assertThat(reply.body().get("info").get("title").textValue()).isNotBlank();
        assertThat(reply.body().get("paths").size()).isPositive();
    }

    @Test
    void openapiJsonDocumentsExactlyTheRegisteredRoutes() {
        JsonNode paths = get("/openapi.json").body().get("paths");
        Set<String> documented = new TreeSet<>();
        for (Iterator<String> pathNames = paths.fieldNames(); pathNames.hasNext(); ) {
            String path = pathNames.next();
            paths.get(path).fieldNames().forEachRemaining(key -> {
                if (HTTP_METHODS.contains(key)) {
                    documented.add(key + " " + path);
                }
            });
        }
        Set<String> registered = new TreeSet<>();
        for (RouteTable.Route route : server.chorus().http().routes()) {
            registered.add(route.method() + " " + route.path());
        }

        assertThat(registered).isNotEmpty().contains("get /heartbeat", "get /rooms", "post /rooms/create",
                "get /rooms/{room_id}", "post /rooms/verify", "get /docs", "get /openapi.json");
        assertThat(documented).as("every route is documented").containsAll(registered);
        assertThat(registered).as("every documented path is a route").containsAll(documented);
    }

    @Test
    void everySchemaReferenceInOpenapiJsonResolves() {
        JsonNode document = get("/openapi.json").body();
        List<String> references = document.findValuesAsText("$ref");

        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(reference).startsWith("#/components/schemas/");
            String name = reference.substring("#/components/schemas/".length());
            assertThat(document.get("components").get("schemas").has(name)).as(reference).isTrue();
        }
    }
}
