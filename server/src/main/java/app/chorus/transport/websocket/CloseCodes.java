package app.chorus.transport.websocket;

/** WebSocket close status codes (RFC 6455 section 7.4) used by this package. */
public final class CloseCodes {
    public static final int NORMAL = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int PROTOCOL_ERROR = 1002;
    public static final int UNSUPPORTED_DATA = 1003;
    /** Reported locally when the peer's close frame had no status code; never sent. */
    public static final int NO_STATUS = 1005;
    /** Reported locally when the connection ended without a close frame; never sent. */
    public static final int ABNORMAL = 1006;
    public static final int INVALID_PAYLOAD = 1007;
    public static final int POLICY_VIOLATION = 1008;
    public static final int MESSAGE_TOO_BIG = 1009;
    public static final int SERVER_ERROR = 1011;

    private CloseCodes() {
    }

    /** Whether a peer may send this code in a close frame (RFC 6455 7.4 and the IANA registry). */
    static boolean isValidOnTheWire(int code) {
        return code >= 1000 && code <= 1003
                || code >= 1007 && code <= 1014
                || code >= 3000 && code <= 4999;
    }
}
