package app.chorus.transport.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test-side RFC 6455 wire helpers, written independently of the code under test: an encoder for
 * masked client frames (what a browser sends) and a decoder for the unmasked frames the server sends.
 */
final class WireFrames {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    private WireFrames() {
    }

    /** A final, masked client frame using the shortest length encoding. */
    static byte[] client(int opcode, byte[] payload) {
        return client(true, opcode, payload);
    }

    static byte[] client(boolean fin, int opcode, byte[] payload) {
        return frame((fin ? 0x80 : 0) | opcode, true, payload.length, payload);
    }

    static byte[] clientText(String text) {
        return client(TEXT, utf8(text));
    }

    static byte[] clientClose(int code, String reason) {
        byte[] reasonBytes = utf8(reason);
        byte[] payload = new byte[2 + reasonBytes.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(reasonBytes, 0, payload, 2, reasonBytes.length);
        return client(CLOSE, payload);
    }

    /**
     * A frame with full control over the header: {@code firstByte} is FIN, RSV and opcode as sent;
     * {@code declaredLength} goes in the length field (shortest encoding) and may differ from the
     * payload actually appended; with {@code masked} the payload is masked with a random key.
     */
    static byte[] frame(int firstByte, boolean masked, long declaredLength, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int maskBit = masked ? 0x80 : 0;
        if (declaredLength < 126) {
            out.write(maskBit | (int) declaredLength);
        } else if (declaredLength <= 0xFFFF) {
            out.write(maskBit | 126);
            out.write((int) (declaredLength >>> 8) & 0xFF);
            out.write((int) declaredLength & 0xFF);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (declaredLength >>> shift) & 0xFF);
            }
        }
        byte[] key = new byte[4];
        if (masked) {
            ThreadLocalRandom.current().nextBytes(key);
            out.writeBytes(key);
        }
        for (int index = 0; index < payload.length; index++) {
            out.write(payload[index] ^ key[index & 3]);
        }
        return out.toByteArray();
    }

    /** A masked header whose 64-bit length field holds exactly {@code lengthField}, with no payload. */
    static byte[] clientHeader64(int firstByte, long lengthField) {
        ByteBuffer header = ByteBuffer.allocate(14);
        header.put((byte) firstByte).put((byte) (0x80 | 127)).putLong(lengthField);
        header.put(new byte[] {1, 2, 3, 4});
        return header.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] ascii(int length) {
        byte[] bytes = new byte[length];
        for (int index = 0; index < length; index++) {
            bytes[index] = (byte) ('a' + index % 26);
        }
        return bytes;
    }

    /** One frame as the server put it on the wire. */
    record ServerFrame(int firstByte, boolean masked, int lengthField, int headerLength, byte[] payload) {
        boolean fin() {
            return (firstByte & 0x80) != 0;
        }

        int rsv() {
            return (firstByte >>> 4) & 0x7;
        }

        int opcode() {
            return firstByte & 0x0F;
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        byte[] closeReasonBytes() {
            byte[] reason = new byte[payload.length - 2];
            System.arraycopy(payload, 2, reason, 0, reason.length);
            return reason;
        }

        String closeReason() {
            return new String(closeReasonBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Decodes a sequence of complete server frames; fails on trailing bytes. */
    static List<ServerFrame> decode(byte[] wire) {
        List<ServerFrame> frames = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(wire);
        while (in.hasRemaining()) {
            int start = in.position();
            int first = in.get() & 0xFF;
            int second = in.get() & 0xFF;
            int lengthField = second & 0x7F;
            long length = lengthField;
            if (lengthField == 126) {
                length = in.getShort() & 0xFFFF;
            } else if (lengthField == 127) {
                length = in.getLong();
            }
            boolean masked = (second & 0x80) != 0;
            byte[] key = new byte[4];
            if (masked) {
                in.get(key);
            }
            int headerLength = in.position() - start;
            if (length > in.remaining()) {
                throw new AssertionError("Frame declares " + length + " bytes but only " + in.remaining() + " follow");
            }
            byte[] payload = new byte[(int) length];
            in.get(payload);
            for (int index = 0; index < payload.length; index++) {
                payload[index] ^= key[index & 3];
            }
            frames.add(new ServerFrame(first, masked, lengthField, headerLength, payload));
        }
        return frames;
    }

    static ServerFrame decodeOne(byte[] wire) {
        List<ServerFrame> frames = decode(wire);
        if (frames.size() != 1) {
            throw new AssertionError("Expected one frame, got " + frames.size());
        }
        return frames.get(0);
    }
}
