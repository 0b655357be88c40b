package app.chorus.transport.ws;

import app.chorus.config.Config;
import app.chorus.events.EventBus;
import app.chorus.jobs.Jobs;
import app.chorus.rooms.ClientType;
import app.chorus.rooms.Member;
import app.chorus.rooms.RoomAccess;
import app.chorus.rooms.RoomEvent;
import app.chorus.rooms.RoomEventSink;
import app.chorus.rooms.RoomRejection;
import app.chorus.rooms.RoomState;
import app.chorus.rooms.Rooms;
import app.chorus.share.ShareRejection;
import app.chorus.share.ShareTokens;
import app.chorus.share.Shares;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import app.chorus.transport.websocket.OutgoingFrame;
import app.chorus.transport.websocket.UpgradeRefused;
import app.chorus.transport.websocket.UpgradeRequest;
import app.chorus.transport.websocket.WebSocketLimits;
import app.chorus.transport.websocket.WebSocketUpgradeHandler;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The /ws endpoint: the original PWA karaoke protocol ({@code [name, payload]} JSON arrays). It
 * owns the connections, turns frames into room commands, delivers room events (each encoded once
 * per event, then the same text to every recipient) and runs the heartbeat. Thread-safe.
 */
public final class WsGateway implements RoomEventSink, AutoCloseable {
    private static final String SHARE_PREFIX = "share_";
    private static final Logger LOG = LoggerFactory.getLogger(WsGateway.class);
    /** How long a closed socket may take to answer the close frame or take the frames before it. */
    private static final java.time.Duration CLOSE_TIMEOUT = java.time.Duration.ofSeconds(5);
    /** One read's pooled buffer; larger messages are read in several pieces. */
    private static final int READ_BUFFER_BYTES = 8192;
    /** Room above a share broadcaster's body limit for the frame around it (the JSON array, a binary header). */
    private static final int SHARE_FRAME_MARGIN = 4096;

    private final Rooms rooms;
    private final ObjectMapper json;
    private final InstantSource clock;
    private final Config.WebSocket limits;
    private final WsFrames frames;
    private final WsCommands commands;
    private final WsJobFeed jobFeed;
    private final WsShares shares;
    private final WsStats stats = new WsStats();
    private final WsUpgradePolicy upgradePolicy;
    private final Heartbeat heartbeat;
    private final AtomicLong connectionSequence = new AtomicLong();
    private final Map<Long, WsConnection> connections = new ConcurrentHashMap<>();

    public WsGateway(Rooms rooms, Jobs jobs, EventBus events, Shares shares, ShareTokens shareTokens, ObjectMapper json,
                     InstantSource clock, Config config) {
        this.rooms = rooms;
        this.json = json;
        this.clock = clock;
        this.limits = config.websocket();
        this.frames = new WsFrames(json, clock);
        this.jobFeed = new WsJobFeed(jobs, events, frames);
        this.shares = new WsShares(shares, shareTokens, frames, config.share(),
                Math.max(4 * limits.maxFrameBytes(), config.share().maxBodyBytes() + SHARE_FRAME_MARGIN));
        this.commands = new WsCommands(rooms, jobFeed, this.shares, clock);
        this.upgradePolicy = new WsUpgradePolicy(config.server(), limits.maxConnections(), connections::size, stats);
        this.heartbeat = new Heartbeat(connections.values(), frames, clock, limits, stats, this::leaveRoom);
        rooms.connect(this);
    }

    /**
     * The handler that serves /ws in front of the HTTP routes; starts the heartbeat. Call once,
     * when the server is built.
     */
    public WebSocketUpgradeHandler upgradeHandler() {
        heartbeat.start();
        return new WebSocketUpgradeHandler("/ws", this::accept, socketLimits());
    }

    /** The socket-level limits: four times the frame limit is the hard cap above our own typed error. */
    private WebSocketLimits socketLimits() {
        return new WebSocketLimits(4 * limits.maxFrameBytes(), limits.pongTimeout().plus(limits.pingInterval()),
                CLOSE_TIMEOUT, limits.maxPendingFrames(), READ_BUFFER_BYTES);
    }

    public WsStats stats() {
        return stats;
    }

    /** Connected clients by type, for /health. */
    public Map<String, Integer> clientCounts() {
        int controllers = 0;
        int displays = 0;
        int pending = 0;
        for (WsConnection connection : connections.values()) {
            ClientType type = connection.clientType;
            if (type == ClientType.CONTROLLER) {
                controllers++;
            } else if (type == ClientType.DISPLAY) {
                displays++;
            } else {
                pending++;
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("active_connections", controllers + displays + pending);
        counts.put("controllers_count", controllers);
        counts.put("displays_count", displays);
        counts.put("unidentified_count", pending);
        return counts;
    }

    /** An upgrade to /ws: the origin and connection limit checks, then a connection for the socket. */
    private WsConnection accept(UpgradeRequest request) throws UpgradeRefused {
        upgradePolicy.check(request);
        return new WsConnection(connectionSequence.incrementAndGet(), proofCookies(request.cookies()), socketEvents,
                limits.messagesPerSecond(), limits.messageBurst(), limits.maxFrameBytes(), stats, clock.millis());
    }

    /** The socket's events, handled by the gateway. */
    private final WsConnection.Events socketEvents = new WsConnection.Events() {
        @Override
        public void opened(WsConnection connection) {
            connection.nextPingMillis = heartbeat.firstPingMillis(clock.millis());
            connections.put(connection.id, connection);
            stats.totalConnections.increment();
        }

        @Override
        public void text(WsConnection connection, String text) {
            onMessage(connection, text);
        }

        @Override
        public void binary(WsConnection connection, byte[] data) {
            onBinaryMessage(connection, data);
        }

        @Override
        public void closed(WsConnection connection) {
            stats.disconnections.increment();
            leaveRoom(connection);
        }
    };

    /** Only the room proof cookies matter here; the browser's other cookies are not kept per socket. */
    private static Map<String, String> proofCookies(Map<String, String> cookies) {
        Map<String, String> proofs = new java.util.HashMap<>();
        cookies.forEach((name, value) -> {
            if (name.startsWith(RoomAccess.COOKIE_PREFIX)) {
                proofs.put(name, value);
            }
        });
        return Map.copyOf(proofs);
    }

    /** Normal leave handling, run once per connection (close, heartbeat timeout or shutdown). */
    private void leaveRoom(WsConnection connection) {
        connections.remove(connection.id);
        jobFeed.unsubscribe(connection);
        shares.left(connection);
        String roomId = connection.roomId;
        if (connection.markLeft() && roomId != null) {
            try {
                rooms.leave(roomId, connection.id);
            } catch (RuntimeException e) {
                LOG.warn("Leave handling for connection {} in room {} failed", connection.id, roomId, e);
            }
        }
    }

    void onMessage(WsConnection connection, String text) {
        stats.messagesReceived.increment();
        int maxBytes = connection.maxMessageBytes;
        int size = text.length() <= maxBytes / 3 ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBytes) {
            validationError(connection, null, null, "message of " + size + " bytes is larger than the limit of "
                    + maxBytes + " bytes");
            return;
        }
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (JsonProcessingException e) {
            validationError(connection, null, null, "not valid JSON");
            return;
        }
        if (frame == null || !frame.isArray() || frame.size() != 2 || !frame.get(0).isTextual()) {
            validationError(connection, null, null, "expected a JSON array [name, payload]");
            return;
        }
        String name = frame.get(0).textValue();
        JsonNode payload = frame.get(1);
        String requestId = null;
        if (payload instanceof ObjectNode object && object.hasNonNull("request_id")) {
            JsonNode id = object.remove("request_id");
            requestId = id.isValueNode() ? id.asText() : id.toString();
        }
        if (!connection.tryAcquireMessage()) {
            stats.rateLimited.increment();
            fail(connection, requestId, "rate_limit_exceeded", "Too many messages: the limit is "
                    + limits.messagesPerSecond() + " per second", details("command", name, "limit", limits.messagesPerSecond()));
            return;
        }
        if (connection.clientType == null && !name.startsWith(SHARE_PREFIX)) {
            // Music share commands need no handshake: a listener or broadcaster is not a room's client.
            beforeHandshake(connection, name, payload, requestId);
        } else {
            dispatch(connection, name, payload, requestId);
        }
    }

    /**
     * Binary frames carry a music share broadcaster's audio; from anyone else they are not part
     * of the protocol, and the client is told so rather than ignored.
     */
    private void onBinaryMessage(WsConnection connection, byte[] data) {
        stats.messagesReceived.increment();
        if (!connection.tryAcquireMessage()) {
            stats.rateLimited.increment();
            return;
        }
        if (connection.shareBroadcasts.isEmpty()) {
            validationError(connection, null, null, "binary frames are not part of the protocol (except music share "
                    + "audio after share_start); send JSON text frames");
            return;
        }
        try {
            shares.audio(connection, data);
        } catch (ShareRejection rejection) {
            fail(connection, null, shareErrorType(rejection), rejection.getMessage(),
                    details("command", "share_audio", "error", rejection.getMessage()));
        } catch (WsCommands.Unauthorized refusal) {
            fail(connection, null, RoomRejection.AUTHORIZATION_ERROR, refusal.getMessage(),
                    details("command", "share_audio", "error", refusal.getMessage()));
        }
    }

    /** The /ws error type of a refused music share command. */
    private static String shareErrorType(ShareRejection rejection) {
        return switch (rejection.reason()) {
            case INVALID -> "validation_error";
            case NOT_FOUND, ENDED, NO_METADATA -> RoomRejection.NOT_FOUND;
            case CONFLICT -> RoomRejection.CONFLICT;
            case FULL -> RoomRejection.LIMIT_EXCEEDED;
        };
    }

    private void beforeHandshake(WsConnection connection, String name, JsonNode payload, String requestId) {
        if (name.equals("pong")) {
            // A reconnecting original client answers pings before it handshakes; keep it alive.
            connection.lastPongMillis = clock.millis();
            return;
        }
        if (!name.equals("handshake")) {
            fail(connection, requestId, "handshake_failed", "Handshake failed: the first message must be handshake",
                    details("error", "expected [\"handshake\", {\"client_type\": \"controller\" | \"display\"}], got " + name));
            return;
        }
        JsonNode type = payload == null ? null : payload.get("client_type");
        ClientType clientType = type != null && type.isTextual() ? ClientType.fromWireName(type.textValue()) : null;
        if (clientType == null) {
            fail(connection, requestId, "handshake_failed", "Handshake failed: client_type must be controller or display",
                    details("error", "invalid client_type: " + (type == null ? "missing" : type.toString())));
            return;
        }
        connection.clientType = clientType;
    }

    private void dispatch(WsConnection connection, String name, JsonNode payload, String requestId) {
        Function<ObjectNode, Object> schema = Payloads.SCHEMAS.get(name);
        if (schema == null) {
            validationError(connection, requestId, name, "unknown command '" + name + "'");
            return;
        }
        if (!(payload instanceof ObjectNode object)) {
            validationError(connection, requestId, name, "payload must be a JSON object");
            return;
        }
        Object value;
        try {
            value = schema.apply(object);
        } catch (InvalidPayload e) {
            validationError(connection, requestId, name, e.getMessage());
            return;
        }
        String clientType = connection.clientType == null ? null : connection.clientType.wireName();
        // A second handshake, like ping or ack, has a schema but no handler: invalid_command.
        var handler = commands.handler(connection.clientType, name);
        if (handler.isEmpty()) {
            fail(connection, requestId, "invalid_command", "Unknown command: " + name,
                    details("command", name, "client_type", clientType));
            return;
        }
        Object result;
        try {
            result = handler.get().handle(connection, value);
        } catch (RoomRejection rejection) {
            fail(connection, requestId, rejection.errorType(), rejection.getMessage(),
                    details("command", name, "client_type", clientType, "error", rejection.getMessage()));
            return;
        } catch (ShareRejection rejection) {
            fail(connection, requestId, shareErrorType(rejection), rejection.getMessage(),
                    details("command", name, "client_type", clientType, "error", rejection.getMessage()));
            return;
        } catch (WsCommands.Unauthorized refusal) {
            fail(connection, requestId, RoomRejection.AUTHORIZATION_ERROR, refusal.getMessage(),
                    details("command", name, "client_type", clientType, "error", refusal.getMessage()));
            return;
        } catch (WsCommands.CommandFailure failure) {
            fail(connection, requestId, "command_execution_failed", "Command execution failed: " + failure.getMessage(),
                    details("command", name, "client_type", clientType, "error", failure.getMessage()));
            return;
        } catch (RuntimeException unexpected) {
            LOG.error("Command {} from connection {} failed", name, connection.id, unexpected);
            fail(connection, requestId, "command_execution_failed", "Command execution failed: internal error",
                    details("command", name, "client_type", clientType, "error", "internal error"));
            return;
        }
        Runnable then = null;
        if (result instanceof WsCommands.AfterAck afterAck) {
            result = afterAck.result();
            then = afterAck.then();
        }
        if (requestId != null) {
            connection.send(frames.ack(requestId, result));
        }
        if (then != null) {
            then.run();
        }
    }

    private void validationError(WsConnection connection, String requestId, String command, String problem) {
        fail(connection, requestId, "validation_error", "Invalid message format: " + problem,
                details("command", command, "validation_error", problem));
    }

    private void fail(WsConnection connection, String requestId, String type, String message, Map<String, Object> details) {
        stats.errorsSent.increment();
        connection.send(frames.failure(requestId, type, message, details));
    }

    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            details.put((String) keysAndValues[index], keysAndValues[index + 1]);
        }
        return details;
    }

    /**
     * Sends one command's events: each event is encoded once and the same bytes go to every
     * recipient. A recipient's frames for one command leave in one write: each frame is held back
     * until the recipient's next one arrives and then queued as a batch; the last one is sent
     * unbatched, which writes the batch with it.
     */
    @Override
    public void deliver(RoomState room, List<RoomEvent> events) {
        List<Member> members = room.members();
        WsConnection[] recipients = new WsConnection[members.size()];
        for (int index = 0; index < recipients.length; index++) {
            recipients[index] = connections.get(members.get(index).connectionId());
        }
        OutgoingFrame[] held = new OutgoingFrame[recipients.length];
        for (RoomEvent event : events) {
            OutgoingFrame frame = null;
            for (int index = 0; index < recipients.length; index++) {
                if (recipients[index] == null || !event.audience().includes(members.get(index))) {
                    continue;
                }
                if (frame == null) {
                    frame = frames.event(event);
                }
                if (held[index] != null) {
                    recipients[index].sendBatched(held[index]);
                }
                held[index] = frame;
            }
        }
        for (int index = 0; index < recipients.length; index++) {
            if (held[index] != null) {
                recipients[index].send(held[index]);
            }
        }
    }

    /** Closes every socket with 1001 "going away" and stops the heartbeat. */
    @Override
    public void close() {
        heartbeat.close();
        try {
            jobFeed.close();
        } catch (Exception e) {
            LOG.warn("Could not stop the job feed", e);
        }
        for (WsConnection connection : connections.values()) {
            connection.close(WsCloseCodes.GOING_AWAY, "Server shutting down");
        }
    }
}
