package app.chorus.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WsFramesTest {

    @Test
    void textFrameIsMaskedFinalAndUnmasksToTheUtf8Bytes() {
        String text = "[\"queue_song\",{\"title\":\"h\u00e9llo \u2603\"}]";
        ByteBuffer frame = WsFrames.text(text);

        TestFrames.Frame parsed = TestFrames.parse(frame);

        assertThat(parsed.fin()).isTrue();
        assertThat(parsed.opcode()).isEqualTo(WsFrames.TEXT);
        assertThat(parsed.masked()).isTrue();
        assertThat(parsed.text()).isEqualTo(text);
    }

    @Test
    void everyFrameGetsItsOwnMask() {
        byte[] payload = new byte[64];
        byte[] first = WsFrames.clientFrame(WsFrames.TEXT, payload, 0, payload.length).array();
        byte[] second = WsFrames.clientFrame(WsFrames.TEXT, payload, 0, payload.length).array();
        // A zero payload shows the mask itself; two equal 32-bit random masks are a 1 in 4 billion event.
        assertThat(Arrays.copyOfRange(first, 2, 6)).isNotEqualTo(Arrays.copyOfRange(second, 2, 6));
        assertThat(Arrays.copyOfRange(first, 6, 10)).isEqualTo(Arrays.copyOfRange(first, 2, 6));
    }

    @ParameterizedTest(name = "{0} bytes: length byte {1}, header {2}")
    @CsvSource({
        "0, 0, 6",
        "125, 125, 6",
        "126, 126, 8",
        "65535, 126, 8",
        "65536, 127, 14",
        "300000, 127, 14",
    })
    void lengthsUseTheShortestEncoding(int length, int lengthByte, int headerWithMask) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }

        byte[] frame = WsFrames.clientFrame(WsFrames.TEXT, payload, 0, length).array();

        assertThat(frame).hasSize(headerWithMask + length);
        assertThat(frame[1] & 0x7F).isEqualTo(lengthByte);
        assertThat(TestFrames.parse(frame).payload()).isEqualTo(payload);
    }

    @Test
    void pongEchoesThePingPayloadAndLeavesItUntouched() {
        ByteBuffer ping = ByteBuffer.wrap("xxping-42".getBytes(StandardCharsets.UTF_8)).position(2);

        TestFrames.Frame pong = TestFrames.parse(WsFrames.pong(ping));

        assertThat(pong.opcode()).isEqualTo(WsFrames.PONG);
        assertThat(pong.masked()).isTrue();
        assertThat(pong.text()).isEqualTo("ping-42");
        assertThat(ping.position()).isEqualTo(2);
    }

    @Test
    void closeCarriesStatusAndReason() {
        TestFrames.Frame close = TestFrames.parse(WsFrames.close(WsFrames.CLOSE_NORMAL, "load test done"));

        assertThat(close.opcode()).isEqualTo(WsFrames.CLOSE);
        assertThat(close.closeCode()).isEqualTo(1000);
        assertThat(close.closeReason()).isEqualTo("load test done");
    }

    @Test
    void closeReasonIsCutToFitAControlFrame() {
        TestFrames.Frame close = TestFrames.parse(WsFrames.close(1002, "x".repeat(300)));

        assertThat(close.payload()).hasSize(WsFrames.MAX_CONTROL_PAYLOAD);
    }

    @Test
    void describesClosePayloads() {
        ByteBuffer withReason = ByteBuffer.wrap(new byte[] {0x03, (byte) 0xE9, 'b', 'y', 'e'});
        assertThat(WsFrames.closeCode(withReason)).isEqualTo(1001);
        assertThat(WsFrames.describeClose(withReason)).isEqualTo("close 1001 bye");
        assertThat(WsFrames.describeClose(ByteBuffer.wrap(new byte[] {0x03, (byte) 0xE8}))).isEqualTo("close 1000");
        assertThat(WsFrames.closeCode(ByteBuffer.allocate(0))).isEqualTo(-1);
        assertThat(WsFrames.describeClose(ByteBuffer.allocate(0))).isEqualTo("close without status");
    }
}
