package app.chorus.transport.http;

import static app.chorus.testing.WsTestClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.RedisServer;
import app.chorus.testing.ShareClient;
import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Chorus servers on one real Redis (redis-url): a session started on one is served by the
 * other, to pollers and to push listeners alike, and the session limit counts both.
 */
class ShareAcrossNodesTest {
    private static final String TOKEN = "nodes-token";
    private static RedisServer redis;
    private static TestServer first;
    private static TestServer second;

    @BeforeAll
    static void startNodes() {
        redis = RedisServer.start();
        first = TestServer.start("--redis-url", redis.url(), "--share-tokens", TOKEN, "--share-max-sessions", "2");
        second = TestServer.start("--redis-url", redis.url(), "--share-tokens", TOKEN, "--share-max-sessions", "2");
    }

    @AfterAll
    static void stopNodes() {
        second.close();
        first.close();
        redis.close();
    }

    @Test
    void aSessionBroadcastToOneNodeIsHeardOnTheOther() throws Exception {
        ShareClient sharer = new ShareClient(first.http("/"), TOKEN);
        ShareClient receiver = new ShareClient(second.http("/"), TOKEN);
        assertThat(sharer.post("api/share/start", "{\"sessionId\":\"515151\"}").status()).isEqualTo(200);
        assertThat(receiver.post("api/share/start", "{\"sessionId\":\"515151\"}").status()).as("one id across nodes").isEqualTo(409);
        assertThat(second.get("/health").body()).contains("\"store\":\"redis\"");

        try (WsTestClient listener = second.connect()) {
            listener.expectAck(listener.sendWithRequestId("share_listen", object("session_id", "515151")));
            assertThat(sharer.post("api/share/515151/metadata",
                    "{\"title\":\"Across\",\"hasSyncedLyrics\":false,\"timestamp\":1}").status()).isEqualTo(200);
            byte[] pcm = ShareClient.pcmChunk(0, 44_100);
            assertThat(sharer.post("api/share/515151/audio", ShareClient.chunkJson(0, pcm, 2)).status()).isEqualTo(200);

            assertThat(listener.expect("share_metadata").get("metadata").get("title").textValue()).isEqualTo("Across");
            byte[] frame = listener.expectBinary();
            int headerLength = ((frame[0] & 0xFF) << 8) | (frame[1] & 0xFF);
            assertThat(java.util.Arrays.copyOfRange(frame, 2 + headerLength, frame.length)).isEqualTo(pcm);

            JsonNode polled = receiver.get("api/share/515151/audio?since=-1").json();
            assertThat(Base64.getDecoder().decode(polled.get(0).get("data").textValue())).isEqualTo(pcm);
            JsonNode metadata = receiver.get("api/share/515151/metadata").json();
            assertThat(metadata.get("hasSyncedLyrics").isBoolean()).as("typed after Redis").isTrue();
            assertThat(metadata.get("timestamp").isIntegralNumber()).isTrue();
            assertThat(receiver.get("api/share/515151/status").json().get("listenerCount").intValue())
                    .as("the push listener and the poller, both on the second node").isEqualTo(2);

            assertThat(sharer.postEmpty("api/share/515151/stop").status()).isEqualTo(200);
            assertThat(listener.expect("share_ended").get("reason").textValue()).isEqualTo("stopped");
            assertThat(receiver.get("api/share/515151/status").json().get("isActive").booleanValue()).isFalse();
        }

        assertThat(sharer.post("api/share/start", "{\"sessionId\":\"616161\"}").status()).isEqualTo(200);
        assertThat(receiver.post("api/share/start", "{\"sessionId\":\"626262\"}").status()).isEqualTo(200);
        assertThat(receiver.post("api/share/start", "{\"sessionId\":\"636363\"}").status()).as("the limit spans nodes").isEqualTo(503);
    }
}
