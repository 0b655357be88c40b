package app.chorus.transport.websocket;

import static app.chorus.transport.websocket.WireFrames.ascii;
import static app.chorus.transport.websocket.WireFrames.decodeOne;
import static app.chorus.transport.websocket.WireFrames.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.transport.websocket.WireFrames.ServerFrame;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Server frames are encoded once, unmasked, with the shortest length encoding and close reasons cut on character boundaries. */
class OutgoingFrameTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536, 70_000})
    void textFrameHeaderAndPayload(int length) {
        byte[] payload = ascii(length);

        byte[] wire = OutgoingFrame.text(payload).bytes();

        int headerLength = length < 126 ? 2 : length <= 65535 ? 4 : 10;
        assertThat(wire).hasSize(headerLength + length);
        assertThat(wire[0] & 0xFF).isEqualTo(0x81);
        assertThat(wire[1] & 0x80).as("mask bit").isZero();
        ByteBuffer header = ByteBuffer.wrap(wire);
        header.position(1);
        int lengthField = header.get() & 0x7F;
        switch (headerLength) {
            case 2 -> assertThat(lengthField).isEqualTo(length);
            case 4 -> {
                assertThat(lengthField).isEqualTo(126);
                assertThat(header.getShort() & 0xFFFF).isEqualTo(length);
            }
            default -> {
                assertThat(lengthField).isEqualTo(127);
                assertThat(header.getLong()).isEqualTo(length);
            }
        }
        assertThat(Arrays.copyOfRange(wire, headerLength, wire.length)).isEqualTo(payload);
    }

    @Test
    void textFrameRoundTrips() {
        String text = "{\"type\":\"sing\",\"line\":\"Grüße 🎤\"}";

        ServerFrame frame = decodeOne(OutgoingFrame.text(utf8(text)).bytes());

        assertThat(frame.fin()).isTrue();
        assertThat(frame.rsv()).isZero();
        assertThat(frame.masked()).isFalse();
        assertThat(frame.opcode()).isEqualTo(WireFrames.TEXT);
        assertThat(frame.text()).isEqualTo(text);
    }

    @Test
    void textFrameKeepsItsOwnCopyOfTheBytes() {
        byte[] payload = utf8("abc");
        OutgoingFrame frame = OutgoingFrame.text(payload);

        payload[0] = 'X';
        frame.bytes()[2] = 'Y';

        assertThat(frame.bytes()).containsExactly(0x81, 3, 'a', 'b', 'c');
        assertThat(frame.isClose()).isFalse();
    }

    @Test
    void bufferIsAFreshViewOfTheWholeFrame() {
        OutgoingFrame frame = OutgoingFrame.text(utf8("hello"));

        ByteBuffer first = frame.buffer();
        first.get(new byte[first.remaining()]);
        ByteBuffer second = frame.buffer();

        assertThat(second.remaining()).isEqualTo(frame.length()).isEqualTo(7);
        byte[] content = new byte[second.remaining()];
        second.get(content);
        assertThat(content).isEqualTo(frame.bytes());
    }

    @Test
    void closeEncodesCodeBigEndianAndReason() {
        byte[] wire = OutgoingFrame.close(1000, "bye").bytes();

        assertThat(wire).containsExactly(0x88, 5, 0x03, 0xE8, 'b', 'y', 'e');
    }

    @Test
    void closeRoundTrips() {
        OutgoingFrame close = OutgoingFrame.close(4001, "slow");

        ServerFrame frame = decodeOne(close.bytes());

        assertThat(close.isClose()).isTrue();
        assertThat(frame.fin()).isTrue();
        assertThat(frame.masked()).isFalse();
        assertThat(frame.opcode()).isEqualTo(WireFrames.CLOSE);
        assertThat(frame.closeCode()).isEqualTo(4001);
        assertThat(frame.closeReason()).isEqualTo("slow");
    }

    @Test
    void closeWithoutReasonCarriesOnlyTheCode() {
        assertThat(OutgoingFrame.close(1001, null).bytes()).containsExactly(0x88, 2, 0x03, 0xE9);
        assertThat(OutgoingFrame.close(1011, "").bytes()).containsExactly(0x88, 2, 0x03, 0xF3);
    }

    @Test
    void asciiReasonIsCutTo123Bytes() {
        String reason = "r".repeat(200);

        ServerFrame frame = decodeOne(OutgoingFrame.close(1008, reason).bytes());

        assertThat(frame.lengthField()).isEqualTo(125);
        assertThat(frame.closeCode()).isEqualTo(1008);
        assertThat(frame.closeReason()).isEqualTo("r".repeat(123));
    }

    @Test
    void reasonOfExactly123BytesIsKept() {
        String reason = "€".repeat(41); // 3 bytes each

        ServerFrame frame = decodeOne(OutgoingFrame.close(1000, reason).bytes());

        assertThat(frame.closeReason()).isEqualTo(reason);
        assertThat(frame.payload()).hasSize(125);
    }

    @Test
    void longReasonIsCutWithoutSplittingThreeByteCharacters() {
        String reason = "a" + "€".repeat(50); // byte 123 is in the middle of a '€'

        assertCutOnCharacterBoundary(reason, 121);
    }

    @Test
    void longReasonIsCutWithoutSplittingFourByteCharacters() {
        String reason = "🎤".repeat(40); // byte 123 is the last byte of the 31st emoji

        assertCutOnCharacterBoundary(reason, 120);
    }

    @Test
    void longReasonIsCutWithoutSplittingTwoByteCharacters() {
        String reason = "é".repeat(100);

        assertCutOnCharacterBoundary(reason, 122);
    }

    @Test
    void closeWithoutCodeHasAnEmptyPayload() {
        OutgoingFrame close = OutgoingFrame.closeWithoutCode();

        assertThat(close.bytes()).containsExactly(0x88, 0x00);
        assertThat(close.isClose()).isTrue();
    }

    @Test
    void pongEchoesThePayload() {
        byte[] payload = utf8("are you there?");

        OutgoingFrame pong = OutgoingFrame.pong(payload, payload.length);
        ServerFrame frame = decodeOne(pong.bytes());

        assertThat(pong.bytes()[0] & 0xFF).isEqualTo(0x8A);
        assertThat(frame.opcode()).isEqualTo(WireFrames.PONG);
        assertThat(frame.masked()).isFalse();
        assertThat(frame.payload()).isEqualTo(payload);
        assertThat(pong.isClose()).isFalse();
    }

    @Test
    void pongUsesOnlyTheGivenLength() {
        byte[] buffer = {'p', 'i', 'n', 'g', 0, 0, 0};

        assertThat(OutgoingFrame.pong(buffer, 4).bytes()).containsExactly(0x8A, 4, 'p', 'i', 'n', 'g');
        assertThat(OutgoingFrame.pong(buffer, 0).bytes()).containsExactly(0x8A, 0);
    }

    @Test
    void maximalPongFitsInTheShortLengthForm() {
        byte[] payload = ascii(125);

        ServerFrame frame = decodeOne(OutgoingFrame.pong(payload, 125).bytes());

        assertThat(frame.headerLength()).isEqualTo(2);
        assertThat(frame.payload()).isEqualTo(payload);
    }

    // ---- Helpers -----------------------------------------------------------------------------

    /** The reason is cut to {@code expectedBytes}, still valid UTF-8, and a prefix of the original. */
    private static void assertCutOnCharacterBoundary(String reason, int expectedBytes) {
        ServerFrame frame = decodeOne(OutgoingFrame.close(1001, reason).bytes());

        byte[] cut = frame.closeReasonBytes();
        assertThat(cut.length).isLessThanOrEqualTo(123).isEqualTo(expectedBytes);
        assertThat(frame.lengthField()).isEqualTo(2 + expectedBytes);
        assertThat(frame.closeCode()).isEqualTo(1001);
        String decoded = strictUtf8(cut);
        assertThat(reason).startsWith(decoded);
        assertThat(utf8(decoded)).isEqualTo(cut);
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("Not valid UTF-8: " + Arrays.toString(bytes), e);
        }
    }
}
