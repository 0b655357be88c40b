package app.chorus.transport.socketio;

import java.util.Optional;

/**
 * Decides whether a Socket.IO connection may use a namespace ({@code /jobs} or the default one), from the token it brought
 * (the {@code auth} payload's {@code token}, else the {@code ?token=} query parameter). A hook
 * for accounts: until Chorus has them, {@link #OPEN} lets everyone in. Implementations must be
 * thread-safe; they are called under the engine lock as a socket connects to a namespace.
 */
@FunctionalInterface
public interface SocketAuthenticator {
    /** Without accounts there is nobody to tell apart: every connection is the same guest. */
    SocketAuthenticator OPEN = token -> Optional.of("guest");

    /**
     * Who the token stands for, or empty to refuse the connection.
     *
     * @param token the token the client sent, or null when it sent none
     */
    Optional<String> principal(String token);
}
