package app.chorus.transport.websocket;

/**
 * Receives one connection's events, in order, each on the thread that read it: a connection's
 * messages are never handled concurrently, and the next one is read only after the handler
 * returned.
 */
public interface WebSocketListener {
    /** The upgrade completed; {@code channel} can send from now on. */
    void onOpen(WebSocketChannel channel);

    /** A complete text message, already checked to be valid UTF-8. */
    void onText(String text);

    /** A complete binary message; the array is the listener's to keep. */
    void onBinary(byte[] data);

    /**
     * The connection is gone, called once. {@code code} is the peer's close code, the one this
     * side sent if it closed first, or {@link CloseCodes#ABNORMAL} when the socket just ended.
     */
    void onClose(int code, String reason);
}
