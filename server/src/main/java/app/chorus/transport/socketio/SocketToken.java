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

    /** A socket let into a namespace: the token it brought (or null) and who that is. */
    record Admission(String token, String principal) {
    }

    /**
     * Asks the authenticator about a socket connecting to a namespace: the admission, or empty
     * after the socket was disconnected from that namespace (the client sees "io server disconnect").
     */
    static Optional<Admission> admit(SocketIoSocket socket, SocketAuthenticator authenticator) {
        String token = read(socket.getConnectData(), socket.getInitialQuery());
        Optional<Admission> admitted = authenticator.principal(token).map(principal -> new Admission(token, principal));
        if (admitted.isEmpty()) {
            socket.disconnect(false);
        }
        return admitted;
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
