package app.chorus.transport.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One complete server-to-client frame (header and payload) as bytes. Server frames are not
 * masked, so a frame encoded once can be written to any number of sockets as is; the bytes are
 * never modified after construction. Immutable and thread-safe.
 */
public final class OutgoingFrame {
    static final int OP_CONTINUATION = 0x0;
    static final int OP_TEXT = 0x1;
    static final int OP_BINARY = 0x2;
    static final int OP_CLOSE = 0x8;
    static final int OP_PING = 0x9;
    static final int OP_PONG = 0xA;

    private final byte[] bytes;
    private final int opcode;

    private OutgoingFrame(byte[] bytes, int opcode) {
        this.bytes = bytes;
        this.opcode = opcode;
    }

    /** A final text frame carrying {@code utf8} (which must be valid UTF-8; not checked). */
    public static OutgoingFrame text(byte[] utf8) {
        return new OutgoingFrame(encode(OP_TEXT, utf8, 0, utf8.length), OP_TEXT);
    }

    /** A final binary frame carrying {@code payload}. */
    public static OutgoingFrame binary(byte[] payload) {
        return new OutgoingFrame(encode(OP_BINARY, payload, 0, payload.length), OP_BINARY);
    }

    /** A close frame with a status code and a reason, cut to fit the 125-byte control payload. */
    static OutgoingFrame close(int code, String reason) {
        byte[] reasonBytes = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        int reasonLength = Math.min(reasonBytes.length, 123);
        // Never cut a multi-byte character in half: back up to the start of the last whole one.
        while (reasonLength > 0 && reasonLength < reasonBytes.length && (reasonBytes[reasonLength] & 0xC0) == 0x80) {
            reasonLength--;
        }
        byte[] payload = new byte[2 + reasonLength];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(reasonBytes, 0, payload, 2, reasonLength);
        return new OutgoingFrame(encode(OP_CLOSE, payload, 0, payload.length), OP_CLOSE);
    }

    /** A close frame without a status code (the answer to a close frame that had none). */
    static OutgoingFrame closeWithoutCode() {
        return new OutgoingFrame(encode(OP_CLOSE, new byte[0], 0, 0), OP_CLOSE);
    }

    /** The pong answering a ping with this payload (at most 125 bytes, checked by the parser). */
    static OutgoingFrame pong(byte[] payload, int length) {
        return new OutgoingFrame(encode(OP_PONG, payload, 0, length), OP_PONG);
    }

    boolean isClose() {
        return opcode == OP_CLOSE;
    }

    /** A view for one write; the frame's bytes are shared, not copied. */
    ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes);
    }

    /** The whole frame as sent on the wire. */
    public byte[] bytes() {
        return bytes.clone();
    }

    int length() {
        return bytes.length;
    }

    private static byte[] encode(int opcode, byte[] payload, int offset, int length) {
        int headerLength = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[headerLength + length];
        frame[0] = (byte) (0x80 | opcode);
        if (length < 126) {
            frame[1] = (byte) length;
        } else if (length <= 0xFFFF) {
            frame[1] = 126;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = 127;
            long extended = length;
            for (int index = 0; index < 8; index++) {
                frame[2 + index] = (byte) (extended >>> (56 - 8 * index));
            }
        }
        System.arraycopy(payload, offset, frame, headerLength, length);
        return frame;
    }
}
