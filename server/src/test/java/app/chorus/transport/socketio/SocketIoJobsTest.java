package app.chorus.transport.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.testing.SocketIoTestClient;
import app.chorus.testing.SocketIoTestClient.Mode;
import app.chorus.testing.SocketIoTestClient.Received;
import app.chorus.testing.TestMedia;
import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code /jobs} Socket.IO namespace against the Java socket.io-client, over WebSocket only,
 * long-polling only, and polling upgraded to WebSocket: subscribing, the job list, live job
 * events (the same as /ws sends), unsubscribing, acknowledgements, and many short sessions.
 */
class SocketIoJobsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static SocketIoTestClient connect(Mode mode) {
        return SocketIoTestClient.connect(URI.create("http://127.0.0.1:" + server.port() + "/jobs"), mode);
    }

    /** Connects and subscribes; returns the client once its first jobs_list arrived. */
    private static SocketIoTestClient subscriber(Mode mode) {
        SocketIoTestClient client = connect(mode);
        client.emit("subscribe_to_jobs");
        client.awaitEvent("jobs_list", 1);
        return client;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aClientIsGreetedThenSubscribedAndSentTheJobList(Mode mode) {
        try (SocketIoTestClient client = connect(mode)) {
            assertThat(client.awaitEvent("connected", 1).payload().getString("status")).isEqualTo("connected");

            client.emit("subscribe_to_jobs");

            assertThat(client.awaitEvent("subscribed", 1).payload().getString("status"))
                    .isEqualTo("subscribed to job updates");
            assertThat(client.awaitEvent("jobs_list", 1).payload().has("jobs")).isTrue();
            List<String> order = client.received().stream().map(Received::name).toList();
            assertThat(order).containsSubsequence("connected", "subscribed", "jobs_list");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void eachModeRunsOnTheTransportsItAskedFor(Mode mode) {
        try (SocketIoTestClient client = connect(mode)) {
            List<String> expected = switch (mode) {
                case WEBSOCKET_ONLY -> List.of("websocket");
                case POLLING_ONLY -> List.of("polling");
                case POLLING_THEN_UPGRADE -> List.of("polling", "websocket");
            };
            await().atMost(Duration.ofSeconds(10)).until(() -> client.transports().equals(expected));
            client.emit("request_jobs_list");
            assertThat(client.awaitEvent("jobs_list", 1).payload().has("jobs")).isTrue();
        }
    }

    @Test
    void anUploadIsSeenFromCreatedToCompletedOnEveryTransportAndOnWsAlike() throws Exception {
        List<SocketIoTestClient> subscribers = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            subscribers.add(subscriber(mode));
        }
        try (SocketIoTestClient unsubscribed = subscriber(Mode.WEBSOCKET_ONLY); WsTestClient watcher = server.jobWatcher()) {
            unsubscribed.emit("unsubscribe_from_jobs");
            assertThat(unsubscribed.awaitEvent("unsubscribed", 1).payload().getString("status"))
                    .isEqualTo("unsubscribed from job updates");

            String jobId = upload();

            List<JsonNode> wsEvents = TestServer.jobEvents(watcher, jobId);
            assertThat(wsEvents.getFirst().get(0).asText()).isEqualTo("job_created");
            assertThat(wsEvents.getLast().get(0).asText()).isEqualTo("job_completed");
            for (SocketIoTestClient subscriber : subscribers) {
                Received completed = subscriber.awaitEvent("job_completed", 1);
                Received created = subscriber.named("job_created").getFirst();
                assertThat(created.payload().getString("id")).isEqualTo(jobId);
                assertThat(JSON.readTree(completed.payload().toString()))
                        .as("the same Job JSON as /ws sends").isEqualTo(wsEvents.getLast().get(1));
                List<String> names = subscriber.received().stream().map(Received::name)
                        .filter(name -> name.startsWith("job_")).toList();
                assertThat(names).as("the events /ws heard, in its order")
                        .isEqualTo(wsEvents.stream().map(event -> event.get(0).asText()).toList());
            }
            // A reply on the same connection comes after any broadcast sent before it.
            unsubscribed.emit("request_jobs_list");
            unsubscribed.awaitEvent("jobs_list", 2);
            assertThat(unsubscribed.received()).noneMatch(event -> event.name().startsWith("job_"));
            assertThat(unsubscribed.named("jobs_list").get(1).payload().getJSONArray("jobs").getJSONObject(0)
                    .getString("id")).as("newest first").isEqualTo(jobId);
        } finally {
            subscribers.forEach(SocketIoTestClient::close);
        }
    }

    @Test
    void aFailedAndACancelledJobReachSubscribersAsJobFailedAndJobCancelled() throws Exception {
        try (SocketIoTestClient socket = subscriber(Mode.WEBSOCKET_ONLY); SocketIoTestClient polling = subscriber(Mode.POLLING_ONLY)) {
            Path page = folder.resolve("page.mp3");
            Files.writeString(page, "<html>a web page, not a song</html>\n".repeat(100));
            String failedId = jobId(server.upload(page));

            Path song = TestMedia.write(folder.resolve("long.flac"), TestMedia.Kind.FLAC, 60.0, "title", "Long Song");
            String cancelledId = jobId(server.upload(song));
            HttpResponse<String> cancel = server.post("/api/jobs/" + cancelledId + "/cancel", "");
            assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);

            for (SocketIoTestClient client : List.of(socket, polling)) {
                JSONObject failed = client.awaitEvent("job_failed", 1).payload();
                assertThat(failed.getString("id")).isEqualTo(failedId);
                assertThat(failed.getString("status")).isEqualTo("failed");
                assertThat(failed.getString("error")).contains("[not_media]");
                JSONObject cancelled = client.awaitEvent("job_cancelled", 1).payload();
                assertThat(cancelled.getString("id")).isEqualTo(cancelledId);
                assertThat(cancelled.getString("status")).isEqualTo("cancelled");
                assertThat(cancelled.getString("error")).isEqualTo("Cancelled by user");
            }
        }
    }

    private static String jobId(HttpResponse<String> upload) throws Exception {
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        return JSON.readTree(upload.body()).get("jobs").get(0).get("id").asText();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anAcknowledgementIsCalledWithTheReplyPayload(Mode mode) {
        try (SocketIoTestClient client = connect(mode)) {
            Object[] subscribed = client.emitWithAck("subscribe_to_jobs");
            Object[] list = client.emitWithAck("request_jobs_list");
            Object[] unsubscribed = client.emitWithAck("unsubscribe_from_jobs");

            assertThat(((JSONObject) subscribed[0]).getString("status")).isEqualTo("subscribed to job updates");
            assertThat(((JSONObject) list[0]).has("jobs")).isTrue();
            assertThat(((JSONObject) unsubscribed[0]).getString("status")).isEqualTo("unsubscribed from job updates");
        }
    }

    /** Every mode: in the upgrade mode the events race the switch from polling to WebSocket. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void twoHundredShortSessionsLoseNoReplyOrAcknowledgement(Mode mode) {
        int complete = 0;
        for (int run = 0; run < 200; run++) {
            try (SocketIoTestClient client = connect(mode)) {
                // Sent at once, so in the upgrade mode they race the polling to WebSocket switch.
                client.emit("subscribe_to_jobs");
                Object[] acknowledged = client.emitWithAck("request_jobs_list");
                client.awaitEvent("jobs_list", 2);
                if (client.named("subscribed").size() == 1 && ((JSONObject) acknowledged[0]).has("jobs")) {
                    complete++;
                }
            }
        }
        assertThat(complete).isEqualTo(200);
    }

    @Test
    void aSocketBringingATokenIsGreetedWhileAccountsAreOff() {
        try (SocketIoTestClient client = SocketIoTestClient.connect(
                URI.create("http://127.0.0.1:" + server.port() + "/jobs?token=from-query"), Mode.POLLING_ONLY,
                Map.of("token", "from-auth"))) {
            assertThat(client.awaitEvent("connected", 1).payload().getString("status")).isEqualTo("connected");
        }
    }

    @Test
    void aPollingHandshakeFromAnyOriginIsAllowedOnEngineIoFour() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.http("/socket.io/?EIO=4&transport=polling"))
                .header("Origin", "http://elsewhere.example").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://elsewhere.example");
        assertThat(response.body()).startsWith("0{\"sid\":");
    }

    @Test
    void aPreflightFromAnyOriginIsAnsweredWithoutContent() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.http("/socket.io/?EIO=4&transport=polling"))
                .header("Origin", "http://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://elsewhere.example");
    }

    /** Uploads a short generated song; returns its import job's id. */
    private String upload() throws Exception {
        Path file = TestMedia.write(folder.resolve("in.flac"), TestMedia.Kind.FLAC, 2.0, "title", "Socket Song",
                "artist", "Socket Band");
        return jobId(server.upload(file));
    }
}
