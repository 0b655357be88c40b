package app.chorus.transport.websocket;

import static app.chorus.transport.websocket.WireFrames.BINARY;
import static app.chorus.transport.websocket.WireFrames.CLOSE;
import static app.chorus.transport.websocket.WireFrames.CONTINUATION;
import static app.chorus.transport.websocket.WireFrames.PING;
import static app.chorus.transport.websocket.WireFrames.PONG;
import static app.chorus.transport.websocket.WireFrames.TEXT;
import static app.chorus.transport.websocket.WireFrames.ascii;
import static app.chorus.transport.websocket.WireFrames.client;
import static app.chorus.transport.websocket.WireFrames.clientClose;
import static app.chorus.transport.websocket.WireFrames.clientHeader64;
import static app.chorus.transport.websocket.WireFrames.clientText;
import static app.chorus.transport.websocket.WireFrames.concat;
import static app.chorus.transport.websocket.WireFrames.frame;
import static app.chorus.transport.websocket.WireFrames.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client-frame parser: reassembly across arbitrary buffer splits, and every protocol violation's close code. */
class FrameParserTest {
    private static final int LIMIT = 1 << 20;

    private final RecordingHandler handler = new RecordingHandler();

    // ---- Delivery ----------------------------------------------------------------------------

    @Test
    void textInOneBuffer() throws Exception {
        parseAll(parser(), clientText("hello"));

        assertThat(handler.events).containsExactly("text:hello");
    }

    @Test
    void textSplitAtEveryByteBoundaryIsDeliveredIntact() throws Exception {
        String text = "Grüße 🎤 " + "x".repeat(150); // 16-bit length, multi-byte characters
        byte[] wire = clientText(text);
        for (int split = 1; split < wire.length; split++) {
            RecordingHandler events = new RecordingHandler();
            FrameParser parser = new FrameParser(events, LIMIT);

            parseAll(parser, Arrays.copyOfRange(wire, 0, split));
            assertThat(events.events).as("after %d of %d bytes", split, wire.length).isEmpty();
            parseAll(parser, Arrays.copyOfRange(wire, split, wire.length));

            assertThat(events.events).as("split at %d", split).containsExactly("text:" + text);
        }
    }

    @Test
    void textFedOneByteAtATimeIsDeliveredIntact() throws Exception {
        String text = "one byte per read: Grüße 🎤";
        FrameParser parser = parser();

        parseInPieces(parser, clientText(text), 1);

        assertThat(handler.events).containsExactly("text:" + text);
    }

    @Test
    void sevenBitLengths() throws Exception {
        FrameParser parser = parser();
        for (int length : new int[] {0, 1, 125}) {
            parseAll(parser, client(TEXT, ascii(length)));
        }

        assertThat(handler.events).containsExactly("text:", "text:" + new String(ascii(1)),
                "text:" + new String(ascii(125)));
    }

    @Test
    void sixteenBitLengths() throws Exception {
        FrameParser parser = parser();
        byte[] shortest = client(TEXT, ascii(126));
        byte[] longest = client(TEXT, ascii(65535));
        assertThat(shortest[1] & 0x7F).isEqualTo(126);
        assertThat(longest[1] & 0x7F).isEqualTo(126);

        parseAll(parser, shortest);
        parseInPieces(parser, longest, 1000);

        assertThat(handler.events).containsExactly("text:" + new String(ascii(126)), "text:" + new String(ascii(65535)));
    }

    @Test
    void sixtyFourBitLengthFedInSmallPieces() throws Exception {
        byte[] payload = ascii(70_000);
        byte[] wire = client(TEXT, payload);
        assertThat(wire[1] & 0x7F).isEqualTo(127);

        parseInPieces(parser(), wire, 7);

        assertThat(handler.events).containsExactly("text:" + new String(payload, StandardCharsets.US_ASCII));
    }

    @Test
    void fragmentedTextWithPingBetweenFragments() throws Exception {
        FrameParser parser = parser();

        parseAll(parser, client(false, TEXT, utf8("Hello, ")));
        parseAll(parser, client(PING, utf8("are you there?")));
        assertThat(handler.events).containsExactly("ping:are you there?");

        parseAll(parser, client(false, CONTINUATION, utf8("fragmented ")));
        assertThat(handler.events).hasSize(1);

        parseAll(parser, client(true, CONTINUATION, utf8("world")));
        assertThat(handler.events).containsExactly("ping:are you there?", "text:Hello, fragmented world");
    }

    @Test
    void fragmentsSplitInTheMiddleOfMultiByteCharacters() throws Exception {
        String text = "Grüße 🎤";
        byte[] bytes = utf8(text);
        int inUmlaut = 3;                  // "Gr" then the first byte of ü
        int inMicrophone = bytes.length - 2; // half of the 4-byte emoji
        FrameParser parser = parser();

        parseAll(parser, concat(
                client(false, TEXT, Arrays.copyOfRange(bytes, 0, inUmlaut)),
                client(false, CONTINUATION, Arrays.copyOfRange(bytes, inUmlaut, inMicrophone)),
                client(true, CONTINUATION, Arrays.copyOfRange(bytes, inMicrophone, bytes.length))));

        assertThat(handler.events).containsExactly("text:" + text);
    }

    @Test
    void emptyTextMessage() throws Exception {
        parseAll(parser(), client(TEXT, new byte[0]));

        assertThat(handler.events).containsExactly("text:");
    }

    @Test
    void emptyFragmentsMakeAnEmptyMessage() throws Exception {
        parseAll(parser(), concat(client(false, TEXT, new byte[0]), client(true, CONTINUATION, new byte[0])));

        assertThat(handler.events).containsExactly("text:");
    }

    @Test
    void binaryMessageIsReportedWithItsLength() throws Exception {
        byte[] payload = new byte[300];
        Arrays.fill(payload, (byte) 0xFF);

        parseAll(parser(), concat(client(BINARY, payload), client(false, BINARY, new byte[10]),
                client(true, CONTINUATION, new byte[5])));

        assertThat(handler.events).containsExactly("binary:300", "binary:15");
    }

    @Test
    void pongIsReportedAndPingPayloadIsUnmasked() throws Exception {
        parseAll(parser(), concat(client(PONG, utf8("late")), client(PING, new byte[0]), client(PING, ascii(125))));

        assertThat(handler.events).containsExactly("pong", "ping:", "ping:" + new String(ascii(125)));
    }

    @Test
    void severalFramesInOneBuffer() throws Exception {
        parseAll(parser(), concat(clientText("a"), clientText("b"), client(BINARY, new byte[3]), clientText("c")));

        assertThat(handler.events).containsExactly("text:a", "text:b", "binary:3", "text:c");
    }

    // ---- Violations --------------------------------------------------------------------------

    @Test
    void unmaskedFrameIsAProtocolError() {
        assertViolation(CloseCodes.PROTOCOL_ERROR, frame(0x81, false, 2, utf8("hi")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x40, 0x20, 0x10, 0x70})
    void rsvBitIsAProtocolError(int rsv) {
        assertViolation(CloseCodes.PROTOCOL_ERROR, frame(0x80 | rsv | TEXT, true, 2, utf8("hi")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x3, 0x7, 0xB, 0xF})
    void unknownOpcodeIsAProtocolError(int opcode) {
        assertViolation(CloseCodes.PROTOCOL_ERROR, frame(0x80 | opcode, true, 0, new byte[0]));
    }

    @ParameterizedTest
    @ValueSource(ints = {CLOSE, PING, PONG})
    void controlFrameOver125BytesIsAProtocolError(int opcode) {
        assertViolation(CloseCodes.PROTOCOL_ERROR, client(opcode, ascii(126)));
    }

    @ParameterizedTest
    @ValueSource(ints = {CLOSE, PING, PONG})
    void fragmentedControlFrameIsAProtocolError(int opcode) {
        assertViolation(CloseCodes.PROTOCOL_ERROR, client(false, opcode, utf8("x")));
    }

    @Test
    void continuationWithoutAMessageIsAProtocolError() {
        assertViolation(CloseCodes.PROTOCOL_ERROR, client(true, CONTINUATION, utf8("orphan")));
    }

    @Test
    void continuationAfterACompleteMessageIsAProtocolError() {
        assertViolation(CloseCodes.PROTOCOL_ERROR, clientText("done"), client(true, CONTINUATION, utf8("more")));
        assertThat(handler.events).containsExactly("text:done");
    }

    @ParameterizedTest
    @ValueSource(ints = {TEXT, BINARY})
    void newMessageWhileAFragmentedOneIsOpenIsAProtocolError(int opcode) {
        assertViolation(CloseCodes.PROTOCOL_ERROR, client(false, TEXT, utf8("first")), client(opcode, utf8("second")));
        assertThat(handler.events).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {101, 126, 65_536, 1L << 40, Long.MAX_VALUE})
    void declaredLengthOverTheLimitIsRefusedFromTheHeaderAlone(long declared) {
        FrameParser parser = new FrameParser(handler, 100);
        byte[] headerOnly = frame(0x80 | TEXT, true, declared, new byte[0]); // no payload byte at all

        assertThatThrownBy(() -> parser.parse(ByteBuffer.wrap(headerOnly)))
                .isInstanceOfSatisfying(ProtocolViolation.class,
                        violation -> assertThat(violation.closeCode()).isEqualTo(CloseCodes.MESSAGE_TOO_BIG));
        assertThat(handler.events).isEmpty();
    }

    @Test
    void messageExactlyAtTheLimitIsAccepted() throws Exception {
        parseAll(new FrameParser(handler, 100), client(TEXT, ascii(100)));

        assertThat(handler.events).containsExactly("text:" + new String(ascii(100)));
    }

    @Test
    void fragmentsTogetherOverTheLimitAreRefused() {
        FrameParser parser = new FrameParser(handler, 100);

        assertViolation(parser, CloseCodes.MESSAGE_TOO_BIG,
                client(false, TEXT, ascii(40)), client(false, CONTINUATION, ascii(40)),
                client(true, CONTINUATION, ascii(21)));
        assertThat(handler.events).isEmpty();
    }

    @Test
    void controlFramesDoNotCountTowardsTheMessageLimit() throws Exception {
        FrameParser parser = new FrameParser(handler, 100);

        parseAll(parser, concat(client(false, TEXT, ascii(60)), client(PING, ascii(100)),
                client(true, CONTINUATION, ascii(40))));

        assertThat(handler.events).containsExactly("ping:" + new String(ascii(100)),
                "text:" + new String(ascii(60)) + new String(ascii(40)));
    }

    @Test
    void invalidUtf8InTextIsInvalidPayload() {
        byte[][] invalid = {
            {(byte) 0xC3, 0x28},                       // bad continuation byte
            {(byte) 0xC0, (byte) 0xAF},                // overlong '/'
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},   // UTF-16 surrogate
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {'o', 'k', (byte) 0xE2, (byte) 0x82},      // truncated at the end of the message
            {(byte) 0xFF},
        };
        for (byte[] payload : invalid) {
            RecordingHandler events = new RecordingHandler();
            FrameParser parser = new FrameParser(events, LIMIT);
            assertThatThrownBy(() -> parser.parse(ByteBuffer.wrap(client(TEXT, payload))))
                    .as("payload %s", Arrays.toString(payload))
                    .isInstanceOfSatisfying(ProtocolViolation.class,
                            violation -> assertThat(violation.closeCode()).isEqualTo(CloseCodes.INVALID_PAYLOAD));
            assertThat(events.events).isEmpty();
        }
    }

    @Test
    void invalidUtf8AcrossFragmentsIsInvalidPayload() {
        assertViolation(CloseCodes.INVALID_PAYLOAD, client(false, TEXT, new byte[] {'a', (byte) 0xE2}),
                client(true, CONTINUATION, new byte[] {'b'}));
    }

    @Test
    void binaryIsNotCheckedForUtf8() throws Exception {
        parseAll(parser(), client(BINARY, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}));

        assertThat(handler.events).containsExactly("binary:3");
    }

    @Test
    void closeWithAOneBytePayloadIsAProtocolError() {
        assertViolation(CloseCodes.PROTOCOL_ERROR, client(CLOSE, new byte[] {0x03}));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535})
    void closeWithACodeNotAllowedOnTheWireIsAProtocolError(int code) {
        assertViolation(CloseCodes.PROTOCOL_ERROR, clientClose(code, ""));
        assertThat(handler.events).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 4000, 4999})
    void closeWithAValidCodeIsReported(int code) throws Exception {
        parseAll(parser(), clientClose(code, "why"));

        assertThat(handler.events).containsExactly("close:" + code + ":why");
    }

    @Test
    void closeReasonWithInvalidUtf8IsInvalidPayload() {
        byte[] payload = {0x03, (byte) 0xE8, 'o', 'k', (byte) 0xC3, 0x28};

        assertViolation(CloseCodes.INVALID_PAYLOAD, client(CLOSE, payload));
    }

    @Test
    void sixtyFourBitLengthWithTheMostSignificantBitSetIsAProtocolError() {
        assertViolation(CloseCodes.PROTOCOL_ERROR, clientHeader64(0x80 | TEXT, 0x8000_0000_0000_0001L));
        assertViolation(new FrameParser(new RecordingHandler(), LIMIT), CloseCodes.PROTOCOL_ERROR,
                clientHeader64(0x80 | BINARY, -1L));
    }

    // ---- Close -------------------------------------------------------------------------------

    @Test
    void closeWithCodeAndReason() throws Exception {
        parseAll(parser(), clientClose(1000, "bye"));

        assertThat(handler.events).containsExactly("close:1000:bye");
    }

    @Test
    void closeWithMultiByteReason() throws Exception {
        parseAll(parser(), clientClose(4001, "tschüss 🎤"));

        assertThat(handler.events).containsExactly("close:4001:tschüss 🎤");
    }

    @Test
    void emptyCloseReportsNoStatus() throws Exception {
        parseAll(parser(), client(CLOSE, new byte[0]));

        assertThat(handler.events).containsExactly("close:" + CloseCodes.NO_STATUS + ":");
    }

    @Test
    void bytesAfterACloseFrameAreIgnored() throws Exception {
        FrameParser parser = parser();
        ByteBuffer input = ByteBuffer.wrap(concat(clientClose(1000, "bye"), clientText("too late"),
                new byte[] {0x00, 0x7F, 0x42}, frame(0x81, false, 1, utf8("!"))));

        parser.parse(input);
        assertThat(input.remaining()).isZero();

        ByteBuffer later = ByteBuffer.wrap(concat(clientText("even later"), frame(0xF3, false, 0, new byte[0])));
        parser.parse(later);
        assertThat(later.remaining()).isZero();

        assertThat(handler.events).containsExactly("close:1000:bye");
    }

    @Test
    void closeInTheMiddleOfAFragmentedMessageDropsTheMessage() throws Exception {
        parseAll(parser(), concat(client(false, TEXT, utf8("never ")), clientClose(1001, ""),
                client(true, CONTINUATION, utf8("finished"))));

        assertThat(handler.events).containsExactly("close:1001:");
    }

    // ---- Helpers -----------------------------------------------------------------------------

    private FrameParser parser() {
        return new FrameParser(handler, LIMIT);
    }

    /** Parses {@code bytes} as one buffer and checks that every byte was consumed. */
    private static void parseAll(FrameParser parser, byte[] bytes) throws ProtocolViolation {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        parser.parse(buffer);
        assertThat(buffer.remaining()).as("unconsumed bytes").isZero();
    }

    /** Feeds {@code bytes} as consecutive buffers of at most {@code size} bytes. */
    private static void parseInPieces(FrameParser parser, byte[] bytes, int size) throws ProtocolViolation {
        for (int from = 0; from < bytes.length; from += size) {
            parseAll(parser, Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + size)));
        }
    }

    private void assertViolation(int expectedCode, byte[]... frames) {
        assertViolation(parser(), expectedCode, frames);
    }

    /** Feeds the frames one buffer each; all but the last must parse, the last must be refused with the code. */
    private static void assertViolation(FrameParser parser, int expectedCode, byte[]... frames) {
        for (int index = 0; index < frames.length - 1; index++) {
            ByteBuffer buffer = ByteBuffer.wrap(frames[index]);
            parseExpectingNoViolation(parser, buffer);
        }
        byte[] last = frames[frames.length - 1];
        assertThatThrownBy(() -> parser.parse(ByteBuffer.wrap(last)))
                .isInstanceOfSatisfying(ProtocolViolation.class,
                        violation -> assertThat(violation.closeCode()).as(violation.getMessage()).isEqualTo(expectedCode));
    }

    private static void parseExpectingNoViolation(FrameParser parser, ByteBuffer buffer) {
        try {
            parser.parse(buffer);
        } catch (ProtocolViolation violation) {
            throw new AssertionError("Frame before the offending one was refused: " + violation.getMessage(), violation);
        }
    }

    /** Records parser events as short strings, in order. */
    private static final class RecordingHandler implements FrameParser.Handler {
        final List<String> events = new ArrayList<>();

        @Override
        public void onText(String text) {
            events.add("text:" + text);
        }

        @Override
        public void onBinary(byte[] data) {
            events.add("binary:" + data.length);
        }

        @Override
        public void onPing(byte[] payload, int length) {
            events.add("ping:" + new String(payload, 0, length, StandardCharsets.UTF_8));
        }

        @Override
        public void onPong() {
            events.add("pong");
        }

        @Override
        public void onClose(int code, String reason) {
            events.add("close:" + code + ":" + reason);
        }
    }
}
