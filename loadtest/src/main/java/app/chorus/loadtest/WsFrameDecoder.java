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
 * reassembled.
 *
 * <p>Binary messages are never buffered whole: only their first {@link #BINARY_PREFIX_BYTES}
 * are kept, the rest of the payload is skipped as it arrives, and the sink gets the prefix and
 * the message's length once its last byte was read. A music share audio frame is 35-176 KB
 * of PCM behind a small header; the generator only needs the header, and copying every frame
 * cut by a read boundary (most of them, at that size) into a buffer of its own would cost
 * hundreds of MB/s of allocation for 500 listeners.
 */
final class WsFrameDecoder {

    /** Largest frame, and largest reassembled message, accepted. */
    static final int MAX_FRAME_BYTES = 4 << 20;
    private static final int MIN_BUFFER = 1024;
    /** A partial-frame buffer grown past this is dropped after use instead of being kept. */
    private static final int KEPT_BUFFER = 64 << 10;

    /** Bytes kept from the start of each binary message. */
    static final int BINARY_PREFIX_BYTES = 2048;

    /** Receives what the frames contain; each payload is only valid during the call. */
    interface Sink {
        void onText(ByteBuffer payload);

        /**
         * A complete binary message: its first bytes (at most {@link #BINARY_PREFIX_BYTES}; of a
         * fragmented message, the first fragments' bytes) and its whole payload length.
         */
        default void onBinary(ByteBuffer prefix, long length) {
        }

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
    /** The first bytes of the binary message in progress (write mode); allocated on first use. */
    private ByteBuffer binaryPrefix;
    /** Payload bytes of the binary messages' frames so far. */
    private long binaryLength;
    /** Payload bytes of the current binary frame still to come, skipped as they arrive. */
    private long binarySkip;
    /** Whether the binary frame being skipped ends its message. */
    private boolean binaryFin;

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
            if (binarySkip > 0) {
                int n = (int) Math.min(binarySkip, in.remaining());
                in.position(in.position() + n);
                binarySkip -= n;
                if (binarySkip == 0) {
                    binaryFrameDone(sink);
                }
                continue;
            }
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
     * header is incomplete, else the whole frame's size, or for a binary frame its header and
     * the part of its payload the prefix still takes. So the frame can be handled exactly when
     * {@code available} reaches the returned value.
     */
    private int frameSize(ByteBuffer b, int start, int available) throws ProtocolException {
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
        int opcode = b.get(start) & 0x0F;
        if (isBinaryData(opcode)) {
            int room = opcode == WsFrames.BINARY || binaryPrefix == null ? BINARY_PREFIX_BYTES : binaryPrefix.remaining();
            return header + (int) Math.min(length, room);
        }
        return header + (int) length;
    }

    /** A binary message's first frame, or a continuation of one. */
    private boolean isBinaryData(int opcode) {
        return opcode == WsFrames.BINARY || opcode == WsFrames.CONTINUATION && messageOpcode == WsFrames.BINARY;
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
        if (isBinaryData(opcode)) {
            handleBinary(b, payloadStart, payloadLength(b, start, length7), opcode, fin, sink);
            return;
        }
        int payloadEnd = payloadStart + (int) payloadLength(b, start, length7);
        int limit = b.limit();
        b.limit(payloadEnd).position(payloadStart);
        switch (opcode) {
            case WsFrames.TEXT -> startMessage(b, fin, sink);
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

    /**
     * Keeps what the prefix still takes of a binary frame's payload and consumes what {@code b}
     * holds of it; the rest is skipped by {@link #decode} as it arrives.
     */
    private void handleBinary(ByteBuffer b, int payloadStart, long length, int opcode, boolean fin, Sink sink)
            throws ProtocolException {
        if (opcode == WsFrames.BINARY) {
            if (messageOpcode != -1) {
                throw new ProtocolException("new message before the fragmented one ended");
            }
            messageOpcode = WsFrames.BINARY;
            binaryPrefix = binaryPrefix == null ? ByteBuffer.allocate(BINARY_PREFIX_BYTES) : binaryPrefix.clear();
            binaryLength = 0;
        }
        int available = (int) Math.min(length, b.limit() - payloadStart);
        int keep = Math.min(available, binaryPrefix.remaining());
        binaryPrefix.put(binaryPrefix.position(), b, payloadStart, keep);
        binaryPrefix.position(binaryPrefix.position() + keep);
        binaryLength += length;
        b.position(payloadStart + available);
        binarySkip = length - available;
        binaryFin = fin;
        if (binarySkip == 0) {
            binaryFrameDone(sink);
        }
    }

    /** The current binary frame's last byte was read: a final frame completes the message. */
    private void binaryFrameDone(Sink sink) {
        if (binaryFin) {
            messageOpcode = -1;
            sink.onBinary(binaryPrefix.duplicate().flip(), binaryLength);
        }
    }

    /** A text frame that starts a message (binary ones go to {@link #handleBinary}). */
    private void startMessage(ByteBuffer payload, boolean fin, Sink sink) throws ProtocolException {
        if (messageOpcode != -1) {
            throw new ProtocolException("new message before the fragmented one ended");
        }
        if (fin) {
            sink.onText(payload);
            return;
        }
        messageOpcode = WsFrames.TEXT;
        message = ensureCapacity(null, payload.remaining());
        message.put(payload);
    }

    /** A continuation of a text message (binary ones go to {@link #handleBinary}). */
    private void continueMessage(ByteBuffer payload, boolean fin, Sink sink) throws ProtocolException {
        if (messageOpcode == -1) {
            throw new ProtocolException("continuation frame without a message");
        }
        if ((long) message.position() + payload.remaining() > MAX_FRAME_BYTES) {
            throw new ProtocolException("fragmented message exceeds the limit of " + MAX_FRAME_BYTES);
        }
        message = ensureCapacity(message, message.position() + payload.remaining());
        message.put(payload);
        if (fin) {
            ByteBuffer whole = message.flip();
            message = null;
            messageOpcode = -1;
            sink.onText(whole);
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
