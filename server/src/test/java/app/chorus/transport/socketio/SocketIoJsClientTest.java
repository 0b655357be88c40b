package app.chorus.transport.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.NodeScript;
import app.chorus.testing.TestMedia;
import app.chorus.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code /jobs} namespace against the official JS {@code socket.io-client@4}, the client the
 * OKS front end ships, run by Node ({@code src/test/node/jobs-client.mjs}, installed by the build
 * with {@code npm ci}). Each mode is one of the front end's transport choices: WebSocket only (its
 * jobs socket), the default polling then upgrade (its player socket), and polling only.
 */
class SocketIoJsClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final int RUNS = 200;
    private static TestServer server;

    @TempDir
    Path folder;

    /** The script's transport modes. */
    enum Mode {
        WEBSOCKET, DEFAULT, POLLING;

        String argument() {
            return name().toLowerCase();
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static NodeScript client(Mode mode, String... arguments) {
        List<String> all = new ArrayList<>(List.of("http://127.0.0.1:" + server.port(), mode.argument()));
        all.addAll(List.of(arguments));
        return NodeScript.start("jobs-client.mjs", all.toArray(String[]::new));
    }

    private static JsonNode awaitEvent(NodeScript client, String event) {
        return client.await(line -> line.path("event").asText().equals(event), STEP);
    }

    /** A watching client past its first job list, and, in the default mode, on WebSocket. */
    private static NodeScript subscribedWatcher(Mode mode) {
        NodeScript client = client(mode, "watch", "60000");
        awaitEvent(client, "jobs_list");
        if (mode == Mode.DEFAULT) {
            client.await(line -> line.has("transport") && !line.has("event"), STEP);
        }
        return client;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aJsClientIsGreetedThenSubscribedAndSentTheJobList(Mode mode) {
        try (NodeScript client = client(mode, "watch")) {
            assertThat(awaitEvent(client, "connected").path("status").asText()).isEqualTo("connected");
            assertThat(awaitEvent(client, "subscribed").path("status").asText()).isEqualTo("subscribed to job updates");
            // The library is empty, but the list still comes: the front end waits for it.
            assertThat(awaitEvent(client, "jobs_list").path("count").isInt()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aJsClientConnectsOnTheTransportItAskedForAndTheDefaultOneUpgradesToWebSocket(Mode mode) {
        try (NodeScript client = client(mode, "watch")) {
            String first = awaitEvent(client, "open").path("transport").asText();

            assertThat(first).isEqualTo(mode == Mode.WEBSOCKET ? "websocket" : "polling");
            if (mode == Mode.DEFAULT) {
                assertThat(client.await(line -> line.has("transport") && !line.has("event"), STEP)
                        .path("transport").asText()).isEqualTo("websocket");
            }
        }
    }

    @Test
    void anUploadIsSeenByJsClientsOnEveryTransportFromCreatedToCompleted() throws Exception {
        List<NodeScript> clients = new ArrayList<>();
        try {
            for (Mode mode : Mode.values()) {
                clients.add(subscribedWatcher(mode));
            }
            Path song = TestMedia.write(folder.resolve("in.flac"), TestMedia.Kind.FLAC, 2.0, "title", "JS Song",
                    "artist", "JS Band");
            HttpResponse<String> response = server.upload(song);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            String jobId = JSON.readTree(response.body()).get("jobs").get(0).get("id").asText();

            for (NodeScript client : clients) {
                JsonNode created = client.await(line -> line.path("event").asText().startsWith("job_"), STEP);
                assertThat(created.path("event").asText()).as("the first job event").isEqualTo("job_created");
                assertThat(created.path("id").asText()).isEqualTo(jobId);
                // An import of a 2 s file ends well within the minute the job test allows.
                JsonNode end = client.await(line -> List.of("job_completed", "job_failed", "job_cancelled")
                        .contains(line.path("event").asText()), Duration.ofSeconds(60));
                assertThat(end.path("event").asText()).as(client.output().toString()).isEqualTo("job_completed");
                assertThat(end.path("id").asText()).isEqualTo(jobId);
                assertThat(client.awaitExit(STEP)).as(client.output().toString()).isZero();
            }
        } finally {
            clients.forEach(NodeScript::close);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void twoHundredShortSessionsLoseNoReplyEventOrAcknowledgement(Mode mode) {
        try (NodeScript client = client(mode, "runs", String.valueOf(RUNS))) {
            int exit = client.awaitExit(Duration.ofSeconds(60));
            JsonNode summary = client.await(line -> line.has("done") || line.has("error"), STEP);

            assertThat(exit).as(client.output().toString()).isZero();
            assertThat(summary.path("runs").asInt()).isEqualTo(RUNS);
            assertThat(summary.path("connects").asInt()).as("no reconnects").isEqualTo(RUNS);
            assertThat(summary.path("subscribed").asInt()).isEqualTo(RUNS);
            assertThat(summary.path("jobsLists").asInt()).as("one per subscribe, one per request").isEqualTo(2 * RUNS);
            assertThat(summary.path("acks").asInt()).isEqualTo(RUNS);
        }
    }
}
