package app.chorus.transport.websocket;

/** Decides on each upgrade to its path and gives an accepted connection its listener. */
@FunctionalInterface
public interface WebSocketAcceptor {
    /** The new connection's listener; throws to refuse the upgrade with an HTTP error instead. */
    WebSocketListener accept(UpgradeRequest request) throws UpgradeRefused;
}
