package app.chorus.loadtest;

import java.net.ProtocolException;
import java.nio.ByteBuffer;

/**
 * Splits the bytes a server sends into WebSocket frames (RFC 6455, section 5) for one
 * connection.
 *
 * <p>Complete frames are handed on in place, as a view of the buffer that was read into, so
 * the usual case (one read holding one or more whole frames) copies nothing. Only a frame cut
 * off by the end of a read is copied, into a small heap buffer of this connection, and
 * completed from the next read. Fragmented text messages (which servers rarely send) are
 * reassembled; binary messages are skipped, as the generator has no use for them.
 */
final class WsFrameDecoder {

    /** Largest frame, and largest reassembled message, accepted. */
    static final int MAX_FRAME_BYTES = 4 << 20;
    private static final int MIN_BUFFER = 1024;
    /** A partial-frame buffer grown past this is dropped after use instead of being kept. */
    private static final int KEPT_BUFFER = 64 << 10;

    /** Receives what the frames contain; each payload is only valid during the call. */
    interface Sink {
        void onText(ByteBuffer payload);

        void onPing(ByteBuffer payload);

        void onClose(ByteBuffer payload);
    }

    /** The start of a frame that did not fit in the last read (write mode), or null. */
    private ByteBuffer partial;
    /** Opcode of the fragmented message in progress, or -1. */
    private int messageOpcode = -1;
    /** The fragmented text message in progress (write mode), or null. */
    private ByteBuffer message;
    /** Set by a close frame: nothing after it is read. */
    private boolean closed;

    /**
     * Hands every complete frame in {@code in} to the sink and keeps the rest for the next
     * call; {@code in} is consumed entirely.
     *
     * @throws ProtocolException when the server broke the protocol; the connection must be failed
     */
    void decode(ByteBuffer in, Sink sink) throws ProtocolException {
        if (partial != null && partial.position() > 0 && !completePartial(in, sink)) {
            return;
        }
        while (!closed && in.hasRemaining()) {
            int start = in.position();
            int size = frameSize(in, start, in.remaining());
            if (size > in.remaining()) {
                partial = ensureCapacity(partial, size);
                partial.put(in);
                return;
            }
            handleFrame(in, start, sink);
        }
        in.position(in.limit());
    }

    /** Tops up the partial frame from {@code in}; false if {@code in} ran out first. */
    private boolean completePartial(ByteBuffer in, Sink sink) throws ProtocolException {
        int size;
        while ((size = frameSize(partial, 0, partial.position())) > partial.position()) {
            if (!in.hasRemaining()) {
                return false;
            }
            partial = ensureCapacity(partial, size);
            int n = Math.min(size - partial.position(), in.remaining());
            partial.put(partial.position(), in, in.position(), n);
            partial.position(partial.position() + n);
            in.position(in.position() + n);
        }
        partial.flip();
        handleFrame(partial, 0, sink);
        partial = partial.capacity() > KEPT_BUFFER ? null : partial.clear();
        return true;
    }

    /**
     * Bytes needed from {@code start} to make progress: the header's minimum size while the
     * header is incomplete, else the whole frame's size. So the frame is complete exactly
     * when {@code available} reaches the returned value.
     */
    private static int frameSize(ByteBuffer b, int start, int available) throws ProtocolException {
        if (available < 2) {
            return 2;
        }
        int second = b.get(start + 1);
        if ((second & 0x80) != 0) {
            throw new ProtocolException("masked frame from the server");
        }
        int length7 = second & 0x7F;
        int header = length7 < 126 ? 2 : length7 == 126 ? 4 : 10;
        if (available < header) {
            return header;
        }
        long length = payloadLength(b, start, length7);
        if (length > MAX_FRAME_BYTES || length < 0) {
            throw new ProtocolException("frame of " + length + " bytes exceeds the limit of " + MAX_FRAME_BYTES);
        }
        return header + (int) length;
    }

    private static long payloadLength(ByteBuffer b, int start, int length7) {
        if (length7 < 126) {
            return length7;
        }
        if (length7 == 126) {
            return b.getShort(start + 2) & 0xFFFF;
        }
        return b.getLong(start + 2); // a set top bit (negative) is rejected by the caller
    }

    /** Handles the complete frame at {@code start} and leaves {@code b} positioned after it. */
    private void handleFrame(ByteBuffer b, int start, Sink sink) throws ProtocolException {
        int first = b.get(start);
        boolean fin = (first & 0x80) != 0;
        int opcode = first & 0x0F;
        if ((first & 0x70) != 0) {
            throw new ProtocolException("reserved bits set without a negotiated extension");
        }
        int length7 = b.get(start + 1) & 0x7F;
        int payloadStart = start + (length7 < 126 ? 2 : length7 == 126 ? 4 : 10);
        int payloadEnd = payloadStart + (int) payloadLength(b, start, length7);
        int limit = b.limit();
        b.limit(payloadEnd).position(payloadStart);
        switch (opcode) {
            case WsFrames.TEXT, WsFrames.BINARY -> startMessage(b, opcode, fin, sink);
            case WsFrames.CONTINUATION -> continueMessage(b, fin, sink);
            case WsFrames.PING, WsFrames.PONG, WsFrames.CLOSE -> {
                if (!fin || b.remaining() > WsFrames.MAX_CONTROL_PAYLOAD) {
                    throw new ProtocolException("fragmented or oversized control frame");
                }
                if (opcode == WsFrames.PING) {
                    sink.onPing(b);
                } else if (opcode == WsFrames.CLOSE) {
                    closed = true;
                    sink.onClose(b);
                }
            }
            default -> throw new ProtocolException("unknown opcode " + opcode);
        }
        b.limit(limit).position(payloadEnd);
    }

    private void startMessage(ByteBuffer payload, int opcode, boolean fin, Sink sink) throws ProtocolException {
        if (messageOpcode != -1) {
            throw new ProtocolException("new message before the fragmented one ended");
        }
        if (fin) {
            if (opcode == WsFrames.TEXT) {
                sink.onText(payload);
            }
            return;
        }
        messageOpcode = opcode;
        if (opcode == WsFrames.TEXT) {
            message = ensureCapacity(null, payload.remaining());
            message.put(payload);
        }
    }

    private void continueMessage(ByteBuffer payload, boolean fin, Sink sink) throws ProtocolException {
        if (messageOpcode == -1) {
            throw new ProtocolException("continuation frame without a message");
        }
        if (messageOpcode == WsFrames.TEXT) {
            if ((long) message.position() + payload.remaining() > MAX_FRAME_BYTES) {
                throw new ProtocolException("fragmented message exceeds the limit of " + MAX_FRAME_BYTES);
            }
            message = ensureCapacity(message, message.position() + payload.remaining());
            message.put(payload);
            if (fin) {
                ByteBuffer whole = message.flip();
                message = null;
                sink.onText(whole);
            }
        }
        if (fin) {
            messageOpcode = -1;
        }
    }

    /** A heap buffer in write mode holding {@code buffer}'s content and room for {@code size} bytes. */
    private static ByteBuffer ensureCapacity(ByteBuffer buffer, int size) {
        if (buffer != null && buffer.capacity() >= size) {
            return buffer;
        }
        int capacity = Math.max(size, MIN_BUFFER);
        if (buffer != null) {
            capacity = Math.max(capacity, (int) Math.min(MAX_FRAME_BYTES + 14L, 2L * buffer.capacity()));
        }
        ByteBuffer grown = ByteBuffer.allocate(capacity);
        if (buffer != null) {
            grown.put(buffer.flip());
        }
        return grown;
    }
}
