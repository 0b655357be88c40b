package app.chorus.transport.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.NodeScript;
import app.chorus.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Engine.IO 3 (Socket.IO protocol v4) clients, as older Socket.IO front ends ship: the official
 * {@code socket.io-client@2}, run by Node ({@code src/test/node/eio3-client.mjs}). One page's
 * connection carries {@code /jobs} and the default namespace at once, in each transport mode.
 */
class SocketIoEio3Test {
    private static final int RUNS = 50;
    private static TestServer server;

    /** The script's transport modes. */
    enum Mode {
        WEBSOCKET, DEFAULT, POLLING
    }

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anEngineIoThreeClientGetsEveryReplyAndAcknowledgementOnBothNamespaces(Mode mode) {
        try (NodeScript client = NodeScript.start("eio3-client.mjs", "http://127.0.0.1:" + server.port(),
                mode.name().toLowerCase(), String.valueOf(RUNS))) {
            int exit = client.awaitExit(Duration.ofSeconds(90));
            JsonNode summary = client.await(line -> line.has("summary"), Duration.ofSeconds(1));
            List<JsonNode> runs = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                int number = run;
                runs.add(client.await(line -> line.path("run").asInt(-1) == number, Duration.ofSeconds(1)));
            }

            assertThat(exit).as(client.output().toString()).isZero();
            assertThat(summary.path("complete").asInt()).isEqualTo(RUNS);
            JsonNode first = runs.getFirst();
            assertThat(first.path("protocol").asText()).isEqualTo("3");
            assertThat(first.path("transport").asText()).isEqualTo(mode == Mode.POLLING ? "polling" : "websocket");
            assertThat(first.path("connected").path("status").asText()).isEqualTo("connected");
            assertThat(first.path("subscribed").path("status").asText()).isEqualTo("subscribed to job updates");
            assertThat(first.path("listed").asBoolean()).isTrue();
            assertThat(first.path("acknowledged").asBoolean()).isTrue();
            assertThat(first.path("performance").path("lyrics_size").asText()).isEqualTo("medium");
            assertThat(runs).allSatisfy(run -> assertThat(run.path("ok").asBoolean()).as(run.toString()).isTrue());
        }
    }
}
