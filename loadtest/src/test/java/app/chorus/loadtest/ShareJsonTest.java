package app.chorus.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShareJsonTest {

    private static final String METADATA = "{\"title\":\"t\",\"artist\":\"a\",\"lyrics\":\"[00:01.00] x\\n\","
            + "\"hasSyncedLyrics\":true,\"elapsedSeconds\":1.5,\"totalSeconds\":215.0,\"thumbnailData\":\"QUJD\","
            + "\"timestamp\":1795295724774}";

    private static long trailing(String text) {
        byte[] bytes = ("xx" + text).getBytes(StandardCharsets.UTF_8);
        return ShareJson.trailingTimestamp(bytes, 2, bytes.length - 2);
    }

    @Test
    void findsTheTimestampAtTheEndOfAMetadataAnswerAndOfAPushedFrame() {
        assertThat(trailing(METADATA)).isEqualTo(1795295724774L);
        assertThat(trailing("[\"share_metadata\",{\"session_id\":\"123456\",\"metadata\":" + METADATA + "}]"))
                .isEqualTo(1795295724774L);
    }

    @Test
    void saysSoWhenTheEndHoldsNoTimestamp() {
        assertThat(trailing("{\"timestamp\":12,\"thumbnailData\":\"" + "A".repeat(100) + "\"}"))
                .isEqualTo(ShareJson.NO_TIMESTAMP);
        assertThat(trailing("{\"timestamp\":null}")).isEqualTo(ShareJson.NO_TIMESTAMP);
        assertThat(trailing("")).isEqualTo(ShareJson.NO_TIMESTAMP);
    }

    @Test
    void readsTheNameOfAFrameAndAnAck() throws IOException {
        ShareJson json = new ShareJson();
        byte[] ack = "[\"ack\",{\"request_id\":\"listen-3\",\"success\":true,\"result\":{\"is_active\":true}}]"
                .getBytes(StandardCharsets.UTF_8);
        byte[] refused = "[\"ack\",{\"request_id\":\"listen-4\",\"success\":false,\"error\":{\"message\":\"no\"}}]"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(json.frameName(ack, 0, ack.length)).isEqualTo("ack");
        assertThat(json.ack(ack, 0, ack.length)).isEqualTo(new ShareJson.Ack("listen-3", true));
        assertThat(json.ack(refused, 0, refused.length)).isEqualTo(new ShareJson.Ack("listen-4", false));
        byte[] ping = "[\"ping\",{}]".getBytes(StandardCharsets.UTF_8);
        assertThat(json.frameName(ping, 0, ping.length)).isEqualTo("ping");
        assertThat(json.ack(ping, 0, ping.length)).isNull();
        byte[] notAFrame = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(json.frameName(notAFrame, 0, notAFrame.length)).isNull();
    }
}
