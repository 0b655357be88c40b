package app.chorus.loadtest;

import java.nio.ByteBuffer;

/**
 * What a {@link WsClient} connection reports. Every call comes from the client's single I/O
 * thread, one at a time, so an implementation's per-connection state needs no locking.
 */
interface WsListener {

    /** The upgrade succeeded; the connection may send from now on. */
    void onOpen(WsConnection connection);

    /**
     * A complete text message: its UTF-8 bytes, valid only during the call.
     *
     * @param receivedAt {@link System#nanoTime()} right after the read that completed it
     */
    void onText(ByteBuffer payload, long receivedAt);

    /**
     * A complete binary message: its first bytes (see {@link WsFrameDecoder#BINARY_PREFIX_BYTES}),
     * valid only during the call, and its whole length. Ignored unless overridden.
     *
     * @param receivedAt {@link System#nanoTime()} right after the read that brought its last byte
     */
    default void onBinary(ByteBuffer prefix, long length, long receivedAt) {
    }

    /** The connection is gone (after {@link #onOpen} only, and only once). */
    void onClosed(String reason);
}
