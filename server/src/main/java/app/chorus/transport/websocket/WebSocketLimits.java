package app.chorus.transport.websocket;

import java.time.Duration;

/**
 * The limits of one WebSocket endpoint.
 *
 * @param maxMessageBytes  a larger message (its declared length counts) closes the socket with 1009
 * @param idleTimeout      a socket without any traffic for this long is dropped
 * @param closeTimeout     how long a socket may take to answer or drain after this side closed it
 * @param maxQueuedFrames  frames waiting to be written; a send beyond that is refused
 * @param readBufferBytes  the pooled buffer one read uses (held only while reading)
 */
public record WebSocketLimits(int maxMessageBytes, Duration idleTimeout, Duration closeTimeout, int maxQueuedFrames,
                              int readBufferBytes) {
    public WebSocketLimits {
        if (maxMessageBytes < 1 || maxQueuedFrames < 1 || readBufferBytes < 256) {
            throw new IllegalArgumentException("WebSocket limits must be positive (read buffer at least 256 bytes)");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || closeTimeout.isNegative() || closeTimeout.isZero()) {
            throw new IllegalArgumentException("WebSocket timeouts must be positive");
        }
    }
}
