package app.chorus.loadtest;

import static app.chorus.loadtest.TestFrames.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShareAudioHeaderTest {

    /** A frame as the server's ShareCodec writes it: uint16 header length, JSON header, payload. */
    private static byte[] audioFrame(String headerJson, int payloadBytes) {
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + header.length + payloadBytes).putShort((short) header.length).put(header)
                .array();
    }

    private static final String HEADER = "{\"sessionId\":\"123456\",\"sequenceNumber\":42,\"timestamp\":1795295724774,"
            + "\"sampleRate\":44100,\"channels\":2,\"format\":\"pcm_f32le\"}";

    private static ShareAudioHeader parse(byte[] frame) {
        return ShareAudioHeader.parse(ByteBuffer.wrap(frame), frame.length);
    }

    @Test
    void readsEveryFieldOfTheServersHeader() {
        ShareAudioHeader header = parse(audioFrame(HEADER, 35_280));

        assertThat(header).isEqualTo(new ShareAudioHeader("123456", 42, 1795295724774L, 44_100, 2, "pcm_f32le", 35_280));
    }

    @Test
    void toleratesFieldsInAnyOrderAndUnknownOnes() {
        ShareAudioHeader header = parse(audioFrame("{\"extra\":{\"a\":[1,2]},\"timestamp\":7,\"sequenceNumber\":0,"
                + "\"sessionId\":\"000001\"}", 8));

        assertThat(header.sessionId()).isEqualTo("000001");
        assertThat(header.sequenceNumber()).isZero();
        assertThat(header.timestamp()).isEqualTo(7);
        assertThat(header.sampleRate()).isEqualTo(-1);
        assertThat(header.payloadBytes()).isEqualTo(8);
    }

    @Test
    void needsOnlyTheStartOfTheFrameAndItsLength() {
        byte[] frame = audioFrame(HEADER, 176_400);
        ByteBuffer prefix = ByteBuffer.wrap(frame, 0, WsFrameDecoder.BINARY_PREFIX_BYTES).slice();

        assertThat(ShareAudioHeader.parse(prefix, frame.length).payloadBytes()).isEqualTo(176_400);
        assertThat(prefix.position()).isZero();
    }

    @Test
    void refusesFramesThatAreNotAudioFrames() {
        byte[] good = audioFrame(HEADER, 4);
        byte[] lengthTooLong = good.clone();
        lengthTooLong[0] = 0x7F;
        byte[] zeroLength = good.clone();
        zeroLength[0] = 0;
        zeroLength[1] = 0;

        assertThatThrownBy(() -> parse(new byte[] {0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse(lengthTooLong)).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> parse(zeroLength)).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> parse(audioFrame("not json", 4))).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parse(audioFrame("[1]", 4))).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse(audioFrame("{\"sessionId\":\"123456\",\"timestamp\":1}", 4)))
                .hasMessageContaining("lacks");
        assertThatThrownBy(() -> parse(audioFrame(HEADER, 0))).hasMessageContaining("without audio");
    }

    @Test
    void refusesAHeaderLongerThanTheKeptPrefix() {
        byte[] frame = audioFrame(HEADER, 4);

        assertThatThrownBy(() -> ShareAudioHeader.parse(ByteBuffer.wrap(frame, 0, 20).slice(), frame.length))
                .hasMessageContaining("longer than");
    }

    @Test
    void readsPushedFramesThroughTheWebSocketDecoderWhereverTheReadsEnd() throws ProtocolException {
        byte[] first = audioFrame(HEADER.replace("42", "1"), 176_400);
        byte[] second = audioFrame(HEADER.replace("42", "2"), 176_400);
        byte[] wire = TestFrames.concat(server(true, WsFrames.BINARY, first), server(true, WsFrames.BINARY, second));
        List<Integer> sequenceNumbers = new ArrayList<>();
        WsFrameDecoder.Sink sink = new WsFrameDecoder.Sink() {
            @Override
            public void onText(ByteBuffer payload) {
            }

            @Override
            public void onBinary(ByteBuffer prefix, long length) {
                sequenceNumbers.add(ShareAudioHeader.parse(prefix, length).sequenceNumber());
            }

            @Override
            public void onPing(ByteBuffer payload) {
            }

            @Override
            public void onClose(ByteBuffer payload) {
            }
        };
        WsFrameDecoder decoder = new WsFrameDecoder();
        ByteBuffer read = ByteBuffer.allocateDirect(65_536);
        for (int from = 0; from < wire.length; from += 65_536 - 7) {
            int to = Math.min(wire.length, from + 65_536 - 7);
            read.clear();
            read.put(wire, from, to - from).flip();
            decoder.decode(read, sink);
        }

        assertThat(sequenceNumbers).containsExactly(1, 2);
    }
}
