package app.chorus.transport.ws;

import static app.chorus.testing.WsTestClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ShareClient;
import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Music share push over /ws: listeners get the session's metadata as text frames and its audio
 * as binary frames, the backlog first; a broadcaster with a token sends over the same socket.
 */
class SharePushTest {
    private static final String TOKEN = "push-test-token";
    private static final AtomicInteger SESSIONS = new AtomicInteger(300_000);
    private static TestServer server;
    private static ShareClient http;

    @BeforeAll
    static void startServer() {
        server = TestServer.start("--share-tokens", TOKEN, "--share-join-chunks", "3", "--share-max-listens-per-connection", "2");
        http = new ShareClient(server.http("/"), TOKEN);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String newSession() {
        String id = String.valueOf(SESSIONS.incrementAndGet());
        assertThat(http.post("api/share/start", "{\"sessionId\":\"" + id + "\"}").status()).isEqualTo(200);
        return id;
    }

    private static void postChunk(String id, int sequence) {
        ShareClient.Answer answer = http.post("api/share/" + id + "/audio",
                ShareClient.chunkJson(sequence, ShareClient.pcmChunk(sequence, 4410), 1_000L + sequence));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static String metadataJson(String title, long timestamp) {
        return ShareClient.JSON.createObjectNode().put("title", title).put("artist", "Artist").putNull("lyrics")
                .put("hasSyncedLyrics", false).put("elapsedSeconds", 12.5).put("totalSeconds", 200.0)
                .putNull("thumbnailData").put("timestamp", timestamp).toString();
    }

    /** A binary audio frame: its header and payload. */
    private record Frame(JsonNode header, byte[] data) {
        static Frame parse(byte[] bytes) throws Exception {
            int length = ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
            JsonNode header = ShareClient.JSON.readTree(new String(bytes, 2, length, StandardCharsets.UTF_8));
            return new Frame(header, java.util.Arrays.copyOfRange(bytes, 2 + length, bytes.length));
        }

        static byte[] of(String sessionId, int sequence, String format, byte[] data) {
            byte[] header = ShareClient.JSON.createObjectNode().put("sessionId", sessionId).put("sequenceNumber", sequence)
                    .put("timestamp", 5_000L + sequence).put("sampleRate", 48_000).put("channels", 2).put("format", format)
                    .toString().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(2 + header.length + data.length).putShort((short) header.length).put(header).put(data).array();
        }
    }

    @Test
    void aListenerGetsTheBacklogThenMetadataAndAudioAsTheyArriveThenTheEnd() throws Exception {
        String id = newSession();
        assertThat(http.post("api/share/" + id + "/metadata", metadataJson("First", 10)).status()).isEqualTo(200);
        for (int sequence = 0; sequence < 5; sequence++) {
            postChunk(id, sequence);
        }
        try (WsTestClient listener = server.connect()) {
            String request = listener.sendWithRequestId("share_listen", object("session_id", id));
            JsonNode status = listener.expectAck(request);
            assertThat(status.get("session_id").textValue()).isEqualTo(id);
            assertThat(status.get("is_active").booleanValue()).isTrue();
            assertThat(status.get("listener_count").intValue()).isEqualTo(1);
            assertThat(status.get("current_metadata").get("title").textValue()).isEqualTo("First");

            JsonNode metadata = listener.expect("share_metadata");
            assertThat(metadata.get("session_id").textValue()).isEqualTo(id);
            assertThat(metadata.get("metadata")).isEqualTo(ShareClient.JSON.readTree(metadataJson("First", 10)));
            for (int sequence = 2; sequence < 5; sequence++) {
                Frame frame = Frame.parse(listener.expectBinary());
                assertThat(frame.header().get("sessionId").textValue()).isEqualTo(id);
                assertThat(frame.header().get("sequenceNumber").intValue()).isEqualTo(sequence);
                assertThat(frame.header().get("timestamp").longValue()).isEqualTo(1_000L + sequence);
                assertThat(frame.header().get("sampleRate").intValue()).isEqualTo(44_100);
                assertThat(frame.header().get("channels").intValue()).isEqualTo(2);
                assertThat(frame.header().get("format").textValue()).isEqualTo("pcm_f32le");
                assertThat(frame.data()).as("raw bytes, no base64").isEqualTo(ShareClient.pcmChunk(sequence, 4410));
            }

            postChunk(id, 6);
            postChunk(id, 5);
            postChunk(id, 5);
            assertThat(http.post("api/share/" + id + "/metadata", metadataJson("Second", 20)).status()).isEqualTo(200);
            assertThat(Frame.parse(listener.expectBinary()).header().get("sequenceNumber").intValue()).isEqualTo(6);
            assertThat(Frame.parse(listener.expectBinary()).header().get("sequenceNumber").intValue())
                    .as("a late chunk is pushed when it arrives; the duplicate is not").isEqualTo(5);
            assertThat(listener.expect("share_metadata").get("metadata").get("title").textValue()).isEqualTo("Second");

            assertThat(http.postEmpty("api/share/" + id + "/stop").status()).isEqualTo(200);
            JsonNode ended = listener.expect("share_ended");
            assertThat(ended.get("session_id").textValue()).isEqualTo(id);
            assertThat(ended.get("reason").textValue()).isEqualTo("stopped");
            listener.expectSilence(200);
        }
    }

    @Test
    void manyListenersHearTheSameChunkAndCountAsListeners() throws Exception {
        String id = newSession();
        WsTestClient[] listeners = new WsTestClient[5];
        try {
            for (int index = 0; index < listeners.length; index++) {
                listeners[index] = server.connect();
                listeners[index].expectAck(listeners[index].sendWithRequestId("share_listen", object("session_id", id)));
            }
            assertThat(http.get("api/share/" + id + "/status").json().get("listenerCount").intValue())
                    .as("five push listeners and this poller").isEqualTo(6);
            postChunk(id, 0);
            for (WsTestClient listener : listeners) {
                assertThat(Frame.parse(listener.expectBinary()).data()).isEqualTo(ShareClient.pcmChunk(0, 4410));
            }
            listeners[0].expectAck(listeners[0].sendWithRequestId("share_unlisten", object("session_id", id)));
            listeners[1].close();
            org.awaitility.Awaitility.await().until(() ->
                    http.get("api/share/" + id + "/status").json().get("listenerCount").intValue() == 4);
            postChunk(id, 1);
            listeners[0].expectSilence(200);
            assertThat(Frame.parse(listeners[2].expectBinary()).header().get("sequenceNumber").intValue()).isEqualTo(1);
        } finally {
            for (WsTestClient listener : listeners) {
                if (listener != null) {
                    listener.close();
                }
            }
        }
    }

    @Test
    void listeningNeedsAValidSessionAndStaysWithinItsLimit() {
        String first = newSession();
        String second = newSession();
        String third = newSession();
        try (WsTestClient listener = server.connect()) {
            JsonNode unknown = listener.skipToAck(listener.sendWithRequestId("share_listen", object("session_id", "999999")));
            assertThat(unknown.get("success").booleanValue()).isFalse();
            assertThat(unknown.get("error").get("error_type").textValue()).isEqualTo("not_found");
            JsonNode malformed = listener.skipToAck(listener.sendWithRequestId("share_listen", object("session_id", "12345")));
            assertThat(malformed.get("error").get("error_type").textValue()).isEqualTo("validation_error");
            listener.expectAck(listener.sendWithRequestId("share_listen", object("session_id", first)));
            listener.expectAck(listener.sendWithRequestId("share_listen", object("session_id", second)));
            JsonNode tooMany = listener.skipToAck(listener.sendWithRequestId("share_listen", object("session_id", third)));
            assertThat(tooMany.get("error").get("error_type").textValue()).isEqualTo("limit_exceeded");
            assertThat(tooMany.get("error").get("message").textValue()).contains("at most 2");
        }
    }

    @Test
    void aBroadcasterWithATokenSendsMetadataAndBinaryAudioOverTheSocket() throws Exception {
        String id = String.valueOf(SESSIONS.incrementAndGet());
        byte[] cover = new byte[120_000];
        new java.util.Random(3).nextBytes(cover);
        try (WsTestClient broadcaster = server.connect(); WsTestClient listener = server.connect()) {
            JsonNode started = broadcaster.expectAck(broadcaster.sendWithRequestId("share_start",
                    object("session_id", id, "token", TOKEN)));
            assertThat(started.get("session_id").textValue()).isEqualTo(id);
            assertThat(started.get("start_time").isIntegralNumber()).isTrue();
            listener.expectAck(listener.sendWithRequestId("share_listen", object("session_id", id)));

            // Larger than ws-max-frame-bytes: a broadcaster may send covers.
            JsonNode metadata = ShareClient.JSON.readTree(metadataJson("Live", 30));
            ((com.fasterxml.jackson.databind.node.ObjectNode) metadata).put("thumbnailData", Base64.getEncoder().encodeToString(cover));
            JsonNode notified = broadcaster.expectAck(broadcaster.sendWithRequestId("share_metadata",
                    object("session_id", id, "metadata", metadata)));
            assertThat(notified.get("listeners_notified").intValue()).isEqualTo(1);
            assertThat(listener.expect("share_metadata").get("metadata")).isEqualTo(metadata);

            byte[] opus = "opus packet bytes".getBytes(StandardCharsets.UTF_8);
            broadcaster.sendBinary(Frame.of(id, 0, "opus", opus));
            Frame heard = Frame.parse(listener.expectBinary());
            assertThat(heard.header().get("format").textValue()).isEqualTo("opus");
            assertThat(heard.header().get("sampleRate").intValue()).isEqualTo(48_000);
            assertThat(heard.data()).isEqualTo(opus);

            JsonNode polled = http.get("api/share/" + id + "/audio?since=-1").json();
            assertThat(polled.get(0).get("format").textValue()).isEqualTo("opus");
            assertThat(Base64.getDecoder().decode(polled.get(0).get("data").textValue())).isEqualTo(opus);

            JsonNode stopped = broadcaster.expectAck(broadcaster.sendWithRequestId("share_stop", object("session_id", id)));
            assertThat(stopped.get("bytes_transferred").longValue()).isEqualTo(opus.length);
            assertThat(listener.expect("share_ended").get("reason").textValue()).isEqualTo("stopped");
        }
    }

    @Test
    void broadcastingIsRefusedWithoutTheTokenOrForAnotherSession() {
        String id = String.valueOf(SESSIONS.incrementAndGet());
        String someoneElses = newSession();
        try (WsTestClient client = server.connect()) {
            client.sendBinary(Frame.of(id, 0, "opus", new byte[] {1, 2, 3}));
            assertThat(client.expect("error").get("error_type").textValue()).isEqualTo("validation_error");

            JsonNode wrong = client.skipToAck(client.sendWithRequestId("share_start", object("session_id", id, "token", "nope")));
            assertThat(wrong.get("error").get("error_type").textValue()).isEqualTo("authorization_error");
            JsonNode metadata = client.skipToAck(client.sendWithRequestId("share_metadata",
                    object("session_id", someoneElses, "metadata", object("title", "x"))));
            assertThat(metadata.get("error").get("error_type").textValue()).isEqualTo("authorization_error");
            assertThat(http.get("api/share/" + id + "/status").status()).as("nothing was started").isEqualTo(404);

            client.expectAck(client.sendWithRequestId("share_start", object("session_id", id, "token", TOKEN)));
            client.sendBinary(Frame.of(someoneElses, 0, "opus", new byte[] {1}));
            assertThat(client.expect("error").get("error_type").textValue()).isEqualTo("authorization_error");
            client.sendBinary(new byte[] {0, 5, '{', '}'});
            assertThat(client.expect("error").get("error_type").textValue()).isEqualTo("validation_error");
            client.sendBinary(Frame.of(id, 0, "pcm_f32le", new byte[] {1, 2, 3}));
            JsonNode odd = client.expect("error");
            assertThat(odd.get("error_type").textValue()).isEqualTo("validation_error");
            assertThat(odd.get("message").textValue()).contains("not whole frames");

            JsonNode again = client.skipToAck(client.sendWithRequestId("share_start", object("session_id", someoneElses, "token", TOKEN)));
            assertThat(again.get("error").get("error_type").textValue()).as("an active id").isEqualTo("conflict");
            client.expectAck(client.sendWithRequestId("share_start", object("session_id", someoneElses, "token", TOKEN,
                    "resume", true)));
            client.sendBinary(Frame.of(someoneElses, 0, "opus", new byte[] {9}));
            org.awaitility.Awaitility.await().until(() -> http.get("api/share/" + someoneElses + "/audio?since=-1").status() == 200);
        }
    }
}
