package app.chorus.transport.websocket;

/** The peer broke the protocol; the connection is closed with {@link #closeCode()}. */
final class ProtocolViolation extends Exception {
    private final int closeCode;

    ProtocolViolation(int closeCode, String reason) {
        super(reason, null, false, false);
        this.closeCode = closeCode;
    }

    int closeCode() {
        return closeCode;
    }
}
