package app.chorus.loadtest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * WebSocket frame constants (RFC 6455, section 5.2) and the encoding of the frames a client
 * sends. Client frames must be masked; each one is built in a fresh array because the pending
 * write queue of {@link WsConnection} may hold on to it.
 */
final class WsFrames {

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    static final int CLOSE_NORMAL = 1000;
    static final int CLOSE_PROTOCOL_ERROR = 1002;
    /** Control frames (close, ping, pong) carry at most this many payload bytes. */
    static final int MAX_CONTROL_PAYLOAD = 125;

    private WsFrames() {
    }

    static ByteBuffer text(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        return clientFrame(TEXT, payload, 0, payload.length);
    }

    /** A pong echoing a ping's payload (whose position is left unchanged). */
    static ByteBuffer pong(ByteBuffer pingPayload) {
        byte[] payload = new byte[pingPayload.remaining()];
        pingPayload.get(pingPayload.position(), payload);
        return clientFrame(PONG, payload, 0, payload.length);
    }

    static ByteBuffer close(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(2 + text.length, MAX_CONTROL_PAYLOAD);
        byte[] payload = new byte[length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, length - 2);
        return clientFrame(CLOSE, payload, 0, length);
    }

    /** A single (FIN) frame with a random mask, ready to write. */
    static ByteBuffer clientFrame(int opcode, byte[] payload, int offset, int length) {
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + 4 + length];
        frame[0] = (byte) (0x80 | opcode);
        if (length < 126) {
            frame[1] = (byte) (0x80 | length);
        } else if (length <= 0xFFFF) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
            }
        }
        int mask = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 4; i++) {
            frame[header + i] = (byte) (mask >>> (24 - 8 * i));
        }
        int start = header + 4;
        for (int i = 0; i < length; i++) {
            frame[start + i] = (byte) (payload[offset + i] ^ frame[header + (i & 3)]);
        }
        return ByteBuffer.wrap(frame);
    }

    /** Status code of a close frame's payload, or -1 when it has none. */
    static int closeCode(ByteBuffer payload) {
        if (payload.remaining() < 2) {
            return -1;
        }
        return (payload.get(payload.position()) & 0xFF) << 8 | payload.get(payload.position() + 1) & 0xFF;
    }

    /** "close 1001 going away", for diagnostics. */
    static String describeClose(ByteBuffer payload) {
        int code = closeCode(payload);
        if (code < 0) {
            return "close without status";
        }
        ByteBuffer reason = payload.duplicate();
        reason.position(reason.position() + 2);
        String text = StandardCharsets.UTF_8.decode(reason).toString();
        return "close " + code + (text.isEmpty() ? "" : " " + text);
    }
}
