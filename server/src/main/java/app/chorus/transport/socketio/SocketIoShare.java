package app.chorus.transport.socketio;

import app.chorus.share.ShareEvent;
import app.chorus.share.ShareRejection;
import app.chorus.share.Shares;
import app.chorus.transport.ShareJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.json.JSONObject;

/**
 * Music share push over Socket.IO, namespace {@code /share}: {@code listen {session_id}} (the
 * acknowledgement carries the session's status or an error), then {@code share_metadata
 * {session_id, metadata}}, {@code share_audio (header, bytes)} with the audio as a binary
 * attachment, and {@code share_ended {session_id, reason}}; {@code unlisten {session_id}}.
 *
 * <p>Thread safety: handlers run under the {@link EngineLock}; share events arrive on the
 * broadcaster's thread and are sent from the {@link Outbox}.
 */
final class SocketIoShare {
    static final String NAMESPACE = "/share";

    private final Outbox outbox;
    private final Shares shares;
    private final ObjectMapper json;
    private final SocketAuthenticator authenticator;
    private final int maxListens;

    SocketIoShare(SocketIoServer server, Outbox outbox, Shares shares, ObjectMapper json, SocketAuthenticator authenticator,
                  int maxListens) {
        this.outbox = outbox;
        this.shares = shares;
        this.json = json;
        this.authenticator = authenticator;
        this.maxListens = maxListens;
        SocketIoNamespace namespace = server.namespace(NAMESPACE);
        namespace.on("connection", arguments -> onConnect((SocketIoSocket) arguments[0]));
    }

    private void onConnect(SocketIoSocket socket) {
        if (SocketToken.admit(socket, authenticator).isEmpty()) {
            return;
        }
        Map<String, Shares.Subscription> subscriptions = new ConcurrentHashMap<>();
        socket.on("listen", arguments -> {
            String sessionId = sessionId(arguments);
            JsonText answer;
            Shares.Subscription started = null;
            try {
                if (subscriptions.containsKey(sessionId)) {
                    answer = JsonText.of(json, status(shares.status(sessionId, null)));
                } else if (subscriptions.size() >= maxListens) {
                    answer = error("limit_exceeded", "A connection may listen to at most " + maxListens + " sessions at once");
                } else {
                    started = shares.listen(sessionId, event -> outbox.post(() -> send(socket, event, subscriptions)));
                    if (started.session().active()) {
                        subscriptions.put(sessionId, started);
                    }
                    answer = JsonText.of(json, status(started.session()));
                }
            } catch (ShareRejection rejection) {
                answer = error(rejection.reason() == ShareRejection.Reason.INVALID ? "validation_error" : "not_found",
                        rejection.getMessage());
            }
            acknowledge(arguments, answer);
            if (started != null) {
                // The status answers first; the backlog and live events follow it through the outbox.
                started.start();
            }
        });
        socket.on("unlisten", arguments -> {
            Shares.Subscription subscription = subscriptions.remove(sessionId(arguments));
            if (subscription != null) {
                subscription.close();
            }
            acknowledge(arguments, JsonText.of(json, Map.of("success", true)));
        });
        socket.on("disconnect", arguments -> {
            subscriptions.values().forEach(Shares.Subscription::close);
            subscriptions.clear();
        });
    }

    private void send(SocketIoSocket socket, ShareEvent event, Map<String, Shares.Subscription> subscriptions) {
        switch (event) {
            case ShareEvent.MetadataChanged changed -> socket.send("share_metadata", JsonText.raw(
                    "{\"session_id\":\"" + changed.sessionId() + "\",\"metadata\":"
                            + new String(changed.metadata().json(), StandardCharsets.UTF_8) + "}"));
            case ShareEvent.ChunkArrived chunk -> {
                // The binary frame's own header, as an object, then the bytes as an attachment. A
                // binary packet is taken apart key by key, so the header must be a real org.json object.
                byte[] frame = chunk.frame();
                int headerLength = ((frame[0] & 0xFF) << 8) | (frame[1] & 0xFF);
                socket.send("share_audio", new JSONObject(new String(frame, 2, headerLength, StandardCharsets.UTF_8)),
                        chunk.chunk().data());
            }
            case ShareEvent.SessionEnded ended -> {
                subscriptions.remove(ended.sessionId());
                socket.send("share_ended", JsonText.of(json, Map.of("session_id", ended.sessionId(), "reason", ended.reason())));
            }
        }
    }

    private static String sessionId(Object[] arguments) {
        if (arguments.length > 0 && arguments[0] instanceof JSONObject payload && payload.opt("session_id") instanceof String id) {
            return id;
        }
        return "";
    }

    /** The /ws status with the {@code success} flag an acknowledgement needs in front (acks have no error channel). */
    private static Map<String, Object> status(app.chorus.share.SessionInfo session) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", true);
        result.putAll(ShareJson.status(session));
        return result;
    }

    private JsonText error(String type, String message) {
        return JsonText.of(json, Map.of("success", false, "error", Map.of("error_type", type, "message", message)));
    }

    private static void acknowledge(Object[] arguments, JsonText payload) {
        if (arguments.length > 0
                && arguments[arguments.length - 1] instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback ack) {
            ack.sendAcknowledgement(payload);
        }
    }
}
