package app.chorus.loadtest;

import static app.chorus.loadtest.TestFrames.concat;
import static app.chorus.loadtest.TestFrames.server;
import static app.chorus.loadtest.TestFrames.serverClose;
import static app.chorus.loadtest.TestFrames.serverText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WsFrameDecoderTest {

    /** Records what the decoder hands on, copying payloads since they are only valid during the call. */
    private static final class Recorder implements WsFrameDecoder.Sink {
        final List<String> events = new ArrayList<>();

        @Override
        public void onText(ByteBuffer payload) {
            events.add("text " + utf8(payload));
        }

        @Override
        public void onPing(ByteBuffer payload) {
            events.add("ping " + utf8(payload));
        }

        @Override
        public void onBinary(ByteBuffer prefix, long length) {
            events.add("binary " + length + " " + utf8(prefix));
        }

        @Override
        public void onClose(ByteBuffer payload) {
            events.add(WsFrames.describeClose(payload));
        }

        private static String utf8(ByteBuffer payload) {
            return StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
        }
    }

    private static final ByteBuffer READ_BUFFER = ByteBuffer.allocateDirect(WsFrameDecoder.MAX_FRAME_BYTES + 64);
    private static final String MEDIUM = "m".repeat(300);

    /** Every kind of frame the client handles, the close last. */
    private static final byte[] STREAM = concat(
            serverText("[\"player_state\",{}]"),
            server(true, WsFrames.PING, "p1".getBytes(StandardCharsets.UTF_8)),
            serverText(MEDIUM),
            server(false, WsFrames.TEXT, "frag".getBytes(StandardCharsets.UTF_8)),
            server(true, WsFrames.PING, "p2".getBytes(StandardCharsets.UTF_8)), // allowed between fragments
            server(false, WsFrames.CONTINUATION, "men".getBytes(StandardCharsets.UTF_8)),
            server(true, WsFrames.CONTINUATION, "ted".getBytes(StandardCharsets.UTF_8)),
            server(true, WsFrames.PONG, "ignored".getBytes(StandardCharsets.UTF_8)),
            server(true, WsFrames.BINARY, new byte[] {1, 2, 3}),
            serverText(""),
            serverClose(1000, "bye"));

    private static final List<String> EXPECTED = List.of(
            "text [\"player_state\",{}]", "ping p1", "text " + MEDIUM, "ping p2", "text fragmented",
            "binary 3 \u0001\u0002\u0003", "text ", "close 1000 bye");

    private static List<String> decodeInPieces(byte[] bytes, int... cuts) throws ProtocolException {
        WsFrameDecoder decoder = new WsFrameDecoder();
        Recorder recorder = new Recorder();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : bytes.length;
            // Like the I/O thread's: one direct buffer, reused by every read.
            READ_BUFFER.clear().position(3);
            READ_BUFFER.put(bytes, from, to - from).flip().position(3);
            decoder.decode(READ_BUFFER, recorder);
            assertThat(READ_BUFFER.hasRemaining()).isFalse();
            from = to;
        }
        return recorder.events;
    }

    @Test
    void decodesAStreamReadInOnePiece() throws ProtocolException {
        assertThat(decodeInPieces(STREAM)).isEqualTo(EXPECTED);
    }

    @Test
    void decodesAStreamSplitAtEveryByteBoundary() throws ProtocolException {
        for (int cut = 0; cut <= STREAM.length; cut++) {
            assertThat(decodeInPieces(STREAM, cut)).as("split at %d", cut).isEqualTo(EXPECTED);
        }
    }

    @Test
    void decodesAStreamSplitInThreeAtEveryPairOfBoundaries() throws ProtocolException {
        for (int first = 0; first <= STREAM.length; first++) {
            for (int second = first; second <= STREAM.length; second++) {
                assertThat(decodeInPieces(STREAM, first, second)).as("split at %d and %d", first, second)
                        .isEqualTo(EXPECTED);
            }
        }
    }

    @Test
    void decodesAStreamReadOneByteAtATime() throws ProtocolException {
        int[] cuts = new int[STREAM.length - 1];
        Arrays.setAll(cuts, i -> i + 1);
        assertThat(decodeInPieces(STREAM, cuts)).isEqualTo(EXPECTED);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536, 300_000, WsFrameDecoder.MAX_FRAME_BYTES})
    void decodesEveryLengthEncoding(int length) throws ProtocolException {
        String text = "x".repeat(length);
        byte[] frame = concat(serverText(text), serverText("next"));

        assertThat(decodeInPieces(frame)).containsExactly("text " + text, "text next");
        // Cut inside the header, just after it, in the middle and just before the end of the payload.
        for (int cut : new int[] {1, 2, 3, 5, 9, 10, 11, 14, frame.length / 2, frame.length - 7}) {
            if (cut < frame.length) {
                assertThat(decodeInPieces(frame, cut)).as("split at %d", cut).containsExactly("text " + text, "text next");
            }
        }
    }

    @Test
    void completesAFrameLongerThanManyReads() throws ProtocolException {
        String text = "y".repeat(1_000_000);
        byte[] frame = concat(serverText("before"), serverText(text), serverText("after"));
        int[] cuts = new int[frame.length / 65536];
        Arrays.setAll(cuts, i -> (i + 1) * 65536 - 5);

        assertThat(decodeInPieces(frame, cuts)).containsExactly("text before", "text " + text, "text after");
    }

    @Test
    void ignoresEverythingAfterTheCloseFrame() throws ProtocolException {
        byte[] bytes = concat(serverClose(1001, ""), serverText("late"), new byte[] {(byte) 0xFF});

        assertThat(decodeInPieces(bytes)).containsExactly("close 1001");
    }

    @Test
    void handsOnFragmentedBinaryMessagesWhole() throws ProtocolException {
        byte[] bytes = concat(server(false, WsFrames.BINARY, "ab".getBytes(StandardCharsets.UTF_8)),
                server(true, WsFrames.PING, new byte[0]),
                server(true, WsFrames.CONTINUATION, "c".getBytes(StandardCharsets.UTF_8)), serverText("t"));

        for (int cut = 0; cut <= bytes.length; cut++) {
            assertThat(decodeInPieces(bytes, cut)).as("split at %d", cut)
                    .containsExactly("ping ", "binary 3 abc", "text t");
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 100, WsFrameDecoder.BINARY_PREFIX_BYTES, 35_280 + 120, 176_400 + 120})
    void keepsOnlyTheStartOfALongBinaryMessageWhereverTheReadsEnd(int length) throws ProtocolException {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }
        String prefix = new String(payload, 0, Math.min(length, WsFrameDecoder.BINARY_PREFIX_BYTES),
                StandardCharsets.UTF_8);
        byte[] bytes = concat(serverText("before"), server(true, WsFrames.BINARY, payload), serverText("after"));
        List<String> expected = List.of("text before", "binary " + length + " " + prefix, "text after");

        assertThat(decodeInPieces(bytes)).isEqualTo(expected);
        for (int cut : new int[] {9, 10, 12, 13, 16, 100, 2000, 2060, bytes.length / 2, bytes.length - 8}) {
            if (cut < bytes.length) {
                assertThat(decodeInPieces(bytes, cut)).as("split at %d", cut).isEqualTo(expected);
            }
        }
        int[] everyThousand = new int[bytes.length / 1000];
        Arrays.setAll(everyThousand, i -> (i + 1) * 1000 - 3);
        assertThat(decodeInPieces(bytes, everyThousand)).isEqualTo(expected);
    }

    @Test
    void refusesATextFrameInsideABinaryMessage() {
        byte[] bytes = concat(server(false, WsFrames.BINARY, new byte[] {1}), serverText("x"));

        assertThatThrownBy(() -> decodeInPieces(bytes)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void rejectsMaskedServerFrames() {
        byte[] masked = WsFrames.text("hi").array();

        assertThatThrownBy(() -> decodeInPieces(masked)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("masked");
    }

    @Test
    void rejectsFramesOverTheLimitFromTheHeaderAlone() {
        byte[] header = ByteBuffer.allocate(10).put((byte) 0x81).put((byte) 127)
                .putLong(WsFrameDecoder.MAX_FRAME_BYTES + 1L).array();

        assertThatThrownBy(() -> decodeInPieces(header, 5)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void rejectsFragmentedMessagesOverTheLimit() {
        byte[] half = new byte[WsFrameDecoder.MAX_FRAME_BYTES / 2 + 1];
        byte[] bytes = concat(server(false, WsFrames.TEXT, half), server(true, WsFrames.CONTINUATION, half));

        assertThatThrownBy(() -> decodeInPieces(bytes)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void rejectsProtocolViolations() {
        byte[] rsv = serverText("x");
        rsv[0] |= 0x40;
        byte[] unknownOpcode = server(true, 0x3, new byte[0]);
        byte[] longPing = server(true, WsFrames.PING, new byte[126]);
        byte[] fragmentedPing = server(false, WsFrames.PING, new byte[1]);
        byte[] strayContinuation = server(true, WsFrames.CONTINUATION, new byte[1]);
        byte[] interleaved = concat(server(false, WsFrames.TEXT, new byte[1]), serverText("x"));

        for (byte[] bytes : List.of(rsv, unknownOpcode, longPing, fragmentedPing, strayContinuation, interleaved)) {
            assertThatThrownBy(() -> decodeInPieces(bytes)).isInstanceOf(ProtocolException.class);
        }
    }
}
