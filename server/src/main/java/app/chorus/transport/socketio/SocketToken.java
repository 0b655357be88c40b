package app.chorus.transport.socketio;

import io.socket.socketio.server.SocketIoSocket;
import java.util.Map;
import java.util.Optional;
import org.json.JSONObject;

/**
 * Where a Socket.IO client's token is: the Socket.IO {@code auth} payload {@code {token}} (what
 * socket.io-client's {@code auth} option sends, kept out of URLs and logs), else the
 * {@code token} query parameter of the Engine.IO handshake (for clients that cannot set auth).
 * Stateless.
 */
final class SocketToken {
    private SocketToken() {
    }

    /**
     * Asks the authenticator about a socket connecting to a namespace: the principal, or empty
     * after the socket was disconnected from that namespace (the client sees "io server disconnect").
     */
    static Optional<String> admit(SocketIoSocket socket, SocketAuthenticator authenticator) {
        Optional<String> principal = authenticator.principal(read(socket.getConnectData(), socket.getInitialQuery()));
        if (principal.isEmpty()) {
            socket.disconnect(false);
        }
        return principal;
    }

    /** The token, or null when the client sent none (an empty token counts as none). */
    static String read(Object connectData, Map<String, String> query) {
        if (connectData instanceof JSONObject auth && auth.opt("token") instanceof String token && !token.isEmpty()) {
            return token;
        }
        String fromQuery = query == null ? null : query.get("token");
        return fromQuery == null || fromQuery.isEmpty() ? null : fromQuery;
    }
}
