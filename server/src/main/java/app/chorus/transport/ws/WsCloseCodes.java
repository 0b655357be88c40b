package app.chorus.transport.ws;

/** Close codes Chorus uses on /ws (4000-4999 is the range RFC 6455 leaves to applications). */
final class WsCloseCodes {
    static final int GOING_AWAY = 1001;
    static final int HEARTBEAT_TIMEOUT = 4000;
    static final int SLOW_CONSUMER = 4001;

    private WsCloseCodes() {
    }
}
