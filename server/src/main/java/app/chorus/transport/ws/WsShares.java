package app.chorus.transport.ws;

import app.chorus.config.Config;
import app.chorus.share.SessionInfo;
import app.chorus.share.ShareCodec;
import app.chorus.share.ShareEvent;
import app.chorus.share.ShareRejection;
import app.chorus.share.ShareTokens;
import app.chorus.share.Shares;
import app.chorus.transport.ShareJson;
import app.chorus.transport.websocket.OutgoingFrame;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Music share over /ws: listeners subscribe to a session and receive its metadata as
 * {@code share_metadata} text frames and its audio as binary frames (no base64), the backlog
 * first; a broadcaster with a share token may start a session and send metadata and binary audio
 * frames instead of the HTTP API. An event is encoded once for all of a node's listeners.
 * Thread-safe.
 */
final class WsShares {
    private final Shares shares;
    private final ShareTokens tokens;
    private final WsFrames frames;
    private final Config.Share settings;
    private final int maxListensPerConnection;
    private final int socketMessageBytes;
    /** The frame of each recent event, by the event's identity: every subscriber gets the same instance. */
    private final Cache<ShareEvent, OutgoingFrame> encoded = Caffeine.newBuilder().weakKeys().maximumSize(1024).build();

    WsShares(Shares shares, ShareTokens tokens, WsFrames frames, Config.Share settings, int socketMessageBytes) {
        this.shares = shares;
        this.tokens = tokens;
        this.frames = frames;
        this.settings = settings;
        this.maxListensPerConnection = settings.maxListensPerConnection();
        this.socketMessageBytes = socketMessageBytes;
    }

    // ---- listening ----

    /** {@code share_listen}: subscribes and answers with the session's status; the backlog follows. */
    Object listen(WsConnection connection, String sessionId) {
        if (connection.shareSubscriptions.containsKey(sessionId)) {
            return ShareJson.status(shares.status(sessionId, null));
        }
        if (connection.shareSubscriptions.size() >= maxListensPerConnection) {
            throw new ShareRejection(ShareRejection.Reason.FULL, "A connection may listen to at most "
                    + maxListensPerConnection + " music share sessions at once");
        }
        Shares.Subscription subscription = shares.listen(sessionId, event -> deliver(connection, event));
        if (connection.hasLeft()) {
            subscription.close();
            return null;
        }
        if (subscription.session().active()) {
            connection.shareSubscriptions.put(sessionId, subscription);
        }
        // The status answers first; the backlog and live events follow it.
        return new WsCommands.AfterAck(ShareJson.status(subscription.session()), subscription::start);
    }

    /** {@code share_unlisten}. */
    Object unlisten(WsConnection connection, String sessionId) {
        close(connection.shareSubscriptions.remove(sessionId));
        return null;
    }

    private void deliver(WsConnection connection, ShareEvent event) {
        connection.send(encoded.get(event, this::encode));
        if (event instanceof ShareEvent.SessionEnded ended) {
            connection.shareSubscriptions.remove(ended.sessionId());
        }
    }

    private OutgoingFrame encode(ShareEvent event) {
        return switch (event) {
            case ShareEvent.ChunkArrived chunk -> OutgoingFrame.binary(chunk.frame());
            case ShareEvent.MetadataChanged changed -> {
                // The metadata goes out as the contract's object, exactly the bytes GET .../metadata answers.
                ByteArrayOutputStream text = new ByteArrayOutputStream(changed.metadata().json().length + 64);
                text.writeBytes(("[\"share_metadata\",{\"session_id\":\"" + changed.sessionId() + "\",\"metadata\":")
                        .getBytes(StandardCharsets.UTF_8));
                text.writeBytes(changed.metadata().json());
                text.writeBytes("}]".getBytes(StandardCharsets.UTF_8));
                yield OutgoingFrame.text(text.toByteArray());
            }
            case ShareEvent.SessionEnded ended ->
                    frames.frame("share_ended", Map.of("session_id", ended.sessionId(), "reason", ended.reason()));
        };
    }

    // ---- broadcasting ----

    /**
     * {@code share_start}: with a share token, starts the session (or with {@code resume}, takes
     * over an active one after a reconnect) and lets this connection send for it.
     */
    Object start(WsConnection connection, Payloads.ShareStart start) {
        if (!tokens.accepts(start.token())) {
            throw new WsCommands.Unauthorized("The music share token is missing or wrong");
        }
        SessionInfo session = start.resume() ? shares.status(start.sessionId(), null) : shares.start(start.sessionId());
        if (!session.active()) {
            throw new ShareRejection(ShareRejection.Reason.ENDED, "Session has ended");
        }
        connection.shareBroadcasts.add(start.sessionId());
        connection.allowMore(settings.broadcastMessagesPerSecond(), 2 * settings.broadcastMessagesPerSecond(),
                settings.maxBodyBytes(), socketMessageBytes);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("session_id", session.id());
        result.put("start_time", session.startTime());
        return result;
    }

    /** {@code share_metadata}: the contract's metadata object for a session this connection broadcasts. */
    Object metadata(WsConnection connection, Payloads.ShareMetadata metadata) {
        requireBroadcaster(connection, metadata.sessionId());
        int listeners = shares.metadata(metadata.sessionId(), shares.codec().metadata(metadata.metadata()));
        return Map.of("listeners_notified", listeners);
    }

    /** A binary audio frame from a broadcaster; nothing is answered unless it is refused. */
    void audio(WsConnection connection, byte[] frame) {
        ShareCodec.Frame decoded = shares.codec().frame(frame);
        requireBroadcaster(connection, decoded.sessionId());
        shares.audio(decoded.sessionId(), decoded.chunk(), null);
    }

    /** {@code share_stop}. */
    Object stop(WsConnection connection, String sessionId) {
        requireBroadcaster(connection, sessionId);
        Shares.Stopped stopped = shares.stop(sessionId);
        connection.shareBroadcasts.remove(sessionId);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("session_duration", stopped.durationSeconds());
        result.put("bytes_transferred", stopped.bytesTransferred());
        return result;
    }

    private static void requireBroadcaster(WsConnection connection, String sessionId) {
        if (!connection.shareBroadcasts.contains(sessionId)) {
            throw new WsCommands.Unauthorized("This connection does not broadcast session " + sessionId
                    + ": send share_start with a share token first");
        }
    }

    /** A connection went away: its subscriptions end (its sessions live on until stopped or expired). */
    void left(WsConnection connection) {
        for (String sessionId : connection.shareSubscriptions.keySet()) {
            close(connection.shareSubscriptions.remove(sessionId));
        }
    }

    private static void close(AutoCloseable subscription) {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
