package app.chorus.loadtest;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Frames as a server writes them, and client frames read back, written from RFC 6455 independently of the code under test. */
final class TestFrames {

    /** One frame as read from the wire, unmasked. */
    record Frame(boolean fin, int opcode, boolean masked, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
        }

        String closeReason() {
            return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    private TestFrames() {
    }

    /** An unmasked (server) frame. */
    static byte[] server(boolean fin, int opcode, byte[] payload) {
        int length = payload.length;
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(header + length);
        frame.put((byte) ((fin ? 0x80 : 0) | opcode));
        if (length < 126) {
            frame.put((byte) length);
        } else if (length <= 0xFFFF) {
            frame.put((byte) 126).putShort((short) length);
        } else {
            frame.put((byte) 127).putLong(length);
        }
        return frame.put(payload).array();
    }

    static byte[] serverText(String text) {
        return server(true, WsFrames.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] serverClose(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        return server(true, WsFrames.CLOSE, ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text).array());
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }

    /** Parses the frame at the start of {@code bytes}, unmasking its payload. */
    static Frame parse(byte[] bytes) {
        try {
            return read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("incomplete frame", e);
        }
    }

    static Frame parse(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(buffer.position(), bytes);
        return parse(bytes);
    }

    /** Reads one frame from a stream, unmasking its payload. */
    static Frame read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int first = in.read();
        if (first < 0) {
            throw new EOFException("end of stream");
        }
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        boolean masked = (second & 0x80) != 0;
        byte[] mask = new byte[4];
        if (masked) {
            in.readFully(mask);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        if (masked) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return new Frame((first & 0x80) != 0, first & 0x0F, masked, payload);
    }
}
