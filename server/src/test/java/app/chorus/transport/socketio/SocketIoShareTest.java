package app.chorus.transport.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ShareClient;
import app.chorus.testing.SocketIoTestClient;
import app.chorus.testing.TestServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Music share push over Socket.IO ({@code /share}): metadata, binary audio and the end, on every transport. */
class SocketIoShareTest {
    private static final String TOKEN = "sio-share-token";
    private static final AtomicInteger SESSIONS = new AtomicInteger(400_000);
    private static TestServer server;
    private static ShareClient http;

    @BeforeAll
    static void startServer() {
        server = TestServer.start("--share-tokens", TOKEN, "--share-join-chunks", "2");
        http = new ShareClient(server.http("/"), TOKEN);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(SocketIoTestClient.Mode.class)
    void aListenerHearsMetadataAndBinaryAudioThenTheEnd(SocketIoTestClient.Mode mode) throws Exception {
        String id = String.valueOf(SESSIONS.incrementAndGet());
        assertThat(http.post("api/share/start", "{\"sessionId\":\"" + id + "\"}").status()).isEqualTo(200);
        for (int sequence = 0; sequence < 3; sequence++) {
            http.post("api/share/" + id + "/audio", ShareClient.chunkJson(sequence, ShareClient.pcmChunk(sequence, 882), 7L + sequence));
        }
        try (SocketIoTestClient listener = SocketIoTestClient.connect(server.http("/share"), mode)) {
            Object[] unknown = listener.emitWithAck("listen", new JSONObject().put("session_id", "999999"));
            assertThat(((JSONObject) unknown[0]).getBoolean("success")).isFalse();
            assertThat(((JSONObject) unknown[0]).getJSONObject("error").getString("error_type")).isEqualTo("not_found");

            Object[] answer = listener.emitWithAck("listen", new JSONObject().put("session_id", id));
            JSONObject status = (JSONObject) answer[0];
            assertThat(status.getBoolean("is_active")).isTrue();
            assertThat(status.getInt("listener_count")).isEqualTo(1);

            // The backlog: the newest two chunks.
            SocketIoTestClient.Received first = listener.awaitEvent("share_audio", 1);
            assertThat(first.payload().getInt("sequenceNumber")).isEqualTo(1);
            assertThat((byte[]) first.arguments()[1]).isEqualTo(ShareClient.pcmChunk(1, 882));
            assertThat(listener.awaitEvent("share_audio", 2).payload().getInt("sequenceNumber")).isEqualTo(2);

            http.post("api/share/" + id + "/metadata", "{\"title\":\"Live\",\"hasSyncedLyrics\":true,\"timestamp\":3}");
            http.post("api/share/" + id + "/audio", ShareClient.chunkJson(3, ShareClient.pcmChunk(3, 882), 10));
            JSONObject metadata = listener.awaitEvent("share_metadata", 1).payload();
            assertThat(metadata.getString("session_id")).isEqualTo(id);
            assertThat(metadata.getJSONObject("metadata").getString("title")).isEqualTo("Live");
            assertThat(metadata.getJSONObject("metadata").getBoolean("hasSyncedLyrics")).isTrue();
            SocketIoTestClient.Received live = listener.awaitEvent("share_audio", 3);
            assertThat(live.payload().getString("sessionId")).isEqualTo(id);
            assertThat(live.payload().getString("format")).isEqualTo("pcm_f32le");
            assertThat((byte[]) live.arguments()[1]).isEqualTo(ShareClient.pcmChunk(3, 882));

            http.postEmpty("api/share/" + id + "/stop");
            JSONObject ended = listener.awaitEvent("share_ended", 1).payload();
            assertThat(ended.getString("session_id")).isEqualTo(id);
            assertThat(ended.getString("reason")).isEqualTo("stopped");
        }
    }
}
