package app.chorus.transport.websocket;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses the frames a client sends (RFC 6455 section 5), in whatever pieces the socket delivers
 * them: every frame must be masked, control frames must be final and at most 125 bytes,
 * fragmented messages are reassembled, text must be valid UTF-8, and a message larger than the
 * limit is refused as soon as its length is known. One parser per connection, used by the one
 * thread that reads it; holds no buffer while no message is half received.
 */
final class FrameParser {
    /** What the parser found, in order. */
    interface Handler {
        void onText(String text);

        void onBinary(byte[] data);

        void onPing(byte[] payload, int length);

        void onPong();

        /** The peer's close frame; {@code code} is {@link CloseCodes#NO_STATUS} when it had none. */
        void onClose(int code, String reason);
    }

    private static final int MAX_CONTROL_PAYLOAD = 125;
    private static final int MAX_HEADER = 14;

    private final Handler handler;
    private int maxMessageBytes;

    private final byte[] header = new byte[MAX_HEADER];
    private int headerLength;
    private boolean inPayload;
    private boolean closed;

    // The frame being read.
    private boolean fin;
    private int opcode;
    private long payloadRemaining;
    private int payloadOffset;
    private final byte[] mask = new byte[4];
    private byte[] control;

    // The data message being assembled (possibly from several frames).
    private int messageOpcode = -1;
    private byte[] message;
    private int messageLength;

    FrameParser(Handler handler, int maxMessageBytes) {
        this.handler = handler;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Changes the message limit from the next message on; called on the reading thread. */
    void setMaxMessageBytes(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Consumes every byte of {@code input}; after a close frame the rest is ignored. */
    void parse(ByteBuffer input) throws ProtocolViolation {
        while (input.hasRemaining() && !closed) {
            if (!inPayload) {
                if (!readHeader(input)) {
                    return;
                }
                startFrame();
                if (payloadRemaining == 0) {
                    endFrame();
                }
                continue;
            }
            readPayload(input);
            if (payloadRemaining == 0) {
                endFrame();
            }
        }
        if (closed) {
            input.position(input.limit());
        }
    }

    /** Collects header bytes; true once the whole header (mask key included) is in. */
    private boolean readHeader(ByteBuffer input) {
        while (input.hasRemaining()) {
            header[headerLength++] = input.get();
            if (headerLength >= 2 && headerLength == headerSize()) {
                return true;
            }
        }
        return false;
    }

    private int headerSize() {
        int length = header[1] & 0x7F;
        int extended = length == 126 ? 2 : length == 127 ? 8 : 0;
        int maskBytes = (header[1] & 0x80) != 0 ? 4 : 0;
        return 2 + extended + maskBytes;
    }

    private void startFrame() throws ProtocolViolation {
        fin = (header[0] & 0x80) != 0;
        if ((header[0] & 0x70) != 0) {
            throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, "RSV bits set without a negotiated extension");
        }
        opcode = header[0] & 0x0F;
        if ((header[1] & 0x80) == 0) {
            throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, "Client frames must be masked");
        }
        int length7 = header[1] & 0x7F;
        long length;
        int maskAt;
        if (length7 == 126) {
            length = ((header[2] & 0xFFL) << 8) | (header[3] & 0xFFL);
            maskAt = 4;
        } else if (length7 == 127) {
            length = 0;
            for (int index = 2; index < 10; index++) {
                length = (length << 8) | (header[index] & 0xFFL);
            }
            if (length < 0) {
                throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, "Frame length has its most significant bit set");
            }
            maskAt = 10;
        } else {
            length = length7;
            maskAt = 2;
        }
        System.arraycopy(header, maskAt, mask, 0, 4);
        headerLength = 0;
        payloadRemaining = length;
        payloadOffset = 0;
        inPayload = true;

        switch (opcode) {
            case OutgoingFrame.OP_CLOSE, OutgoingFrame.OP_PING, OutgoingFrame.OP_PONG -> {
                if (!fin) {
                    throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, "Control frames must not be fragmented");
                }
                if (length > MAX_CONTROL_PAYLOAD) {
                    throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, "Control frame payload over 125 bytes");
                }
                control = new byte[(int) length];
            }
            case OutgoingFrame.OP_TEXT, OutgoingFrame.OP_BINARY -> {
                if (messageOpcode != -1) {
                    throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, "New message before the previous one ended");
                }
                messageOpcode = opcode;
                reserve(length);
            }
            case OutgoingFrame.OP_CONTINUATION -> {
                if (messageOpcode == -1) {
                    throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, "Continuation frame without a message to continue");
                }
                reserve(length);
            }
            default -> throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, "Unknown opcode " + opcode);
        }
    }

    /** Makes room for {@code more} message bytes, refusing a message over the limit before reading it. */
    private void reserve(long more) throws ProtocolViolation {
        long total = messageLength + more;
        if (total > maxMessageBytes) {
            throw new ProtocolViolation(CloseCodes.MESSAGE_TOO_BIG,
                    "Message of at least " + total + " bytes exceeds the limit of " + maxMessageBytes);
        }
        if (message == null) {
            message = new byte[(int) Math.max(total, 64)];
        } else if (message.length < total) {
            message = Arrays.copyOf(message, (int) Math.min(maxMessageBytes, Math.max(total, 2L * message.length)));
        }
    }

    private void readPayload(ByteBuffer input) {
        int count = (int) Math.min(payloadRemaining, input.remaining());
        byte[] target;
        int at;
        if (control != null) {
            target = control;
            at = payloadOffset;
        } else {
            target = message;
            at = messageLength;
        }
        input.get(target, at, count);
        for (int index = 0; index < count; index++) {
            target[at + index] ^= mask[(payloadOffset + index) & 3];
        }
        payloadOffset += count;
        payloadRemaining -= count;
        if (control == null) {
            messageLength += count;
        }
    }

    private void endFrame() throws ProtocolViolation {
        inPayload = false;
        if (control != null) {
            byte[] payload = control;
            control = null;
            endControlFrame(payload);
            return;
        }
        if (!fin) {
            return;
        }
        int kind = messageOpcode;
        byte[] bytes = message;
        int length = messageLength;
        messageOpcode = -1;
        message = null;
        messageLength = 0;
        if (kind == OutgoingFrame.OP_TEXT) {
            handler.onText(decodeUtf8(bytes, 0, length, "Text message is not valid UTF-8"));
        } else {
            handler.onBinary(bytes == null ? new byte[0] : bytes.length == length ? bytes : Arrays.copyOf(bytes, length));
        }
    }

    private void endControlFrame(byte[] payload) throws ProtocolViolation {
        switch (opcode) {
            case OutgoingFrame.OP_PING -> handler.onPing(payload, payload.length);
            case OutgoingFrame.OP_PONG -> handler.onPong();
            default -> {
                closed = true;
                if (payload.length == 0) {
                    handler.onClose(CloseCodes.NO_STATUS, "");
                    return;
                }
                if (payload.length == 1) {
                    throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, "Close frame with a one-byte payload");
                }
                int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                if (!CloseCodes.isValidOnTheWire(code)) {
                    throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, "Invalid close code " + code);
                }
                handler.onClose(code, decodeUtf8(payload, 2, payload.length - 2, "Close reason is not valid UTF-8"));
            }
        }
    }

    private static String decodeUtf8(byte[] bytes, int offset, int length, String problem) throws ProtocolViolation {
        // The common case is ASCII JSON: no decoder needed, and no validation beyond the range check.
        boolean ascii = true;
        for (int index = offset; index < offset + length; index++) {
            if (bytes[index] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolViolation(CloseCodes.INVALID_PAYLOAD, problem);
        }
    }
}
