package app.chorus.transport.socketio;

import app.chorus.rooms.Audience;
import app.chorus.rooms.QueueItem;
import app.chorus.rooms.RoomCommand;
import app.chorus.rooms.RoomEvent;
import app.chorus.rooms.RoomEventSink;
import app.chorus.rooms.RoomRejection;
import app.chorus.rooms.RoomState;
import app.chorus.rooms.Rooms;
import app.chorus.transport.KaraokeQueueJson;
import app.chorus.transport.KaraokeQueueJson.Lyrics;
import app.chorus.transport.PerformanceJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default Socket.IO namespace {@code /} of the Open Karaoke Studio protocol
 * (protocols/oks-socketio.md section 3): the Stage and /controls pages share performance
 * controls. Those pages know no rooms, so every socket acts in one configured Chorus room
 * ({@code oks-room}), beside the /ws members of that room. Incoming events only become room
 * commands; what the room answers comes back through {@link #deliver}, this transport's
 * {@link RoomEventSink}, and is translated to the Socket.IO room {@value #PERFORMANCE_ROOM}.
 *
 * <p>Each socket gets a negative pseudo connection id (the /ws ids are positive), so room
 * audiences such as "all but the sender" name Socket.IO sockets and /ws members alike without
 * a collision. Sockets are never members of the Chorus room: a disconnect only forgets the id.
 *
 * <p>Thread safety: handlers run under the {@link EngineLock} (the engine calls them) and may run
 * room commands; {@link #deliver} runs on the thread running a room command, with that room's
 * lock held, so it only builds the payloads and leaves the sending to the {@link Outbox}. The
 * id map is concurrent.
 */
final class SocketIoPerformance implements RoomEventSink {
    static final String PERFORMANCE_ROOM = "global_performance_controls";
    static final String QUEUE_ROOM = "karaoke_queue";
    private static final Logger LOG = LoggerFactory.getLogger(SocketIoPerformance.class);
    private static final double MAX_SECONDS = 86_400;

    private final SocketIoNamespace namespace;
    private final Outbox outbox;
    private final Function<QueueItem, Lyrics> lyrics;
    private final Rooms rooms;
    private final String roomId;
    private final SocketAuthenticator authenticator;
    private final ObjectMapper json;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Peer> peers = new ConcurrentHashMap<>();

    /** A connected socket, its pseudo connection id, and what it authenticated with (kept for accounts). */
    record Peer(long id, SocketIoSocket socket, String token, String principal) {
    }

    SocketIoPerformance(SocketIoServer server, Outbox outbox, Rooms rooms, String roomId,
                        SocketAuthenticator authenticator, ObjectMapper json, Function<QueueItem, Lyrics> lyrics) {
        this.lyrics = lyrics;
        this.namespace = server.namespace("/");
        this.outbox = outbox;
        this.rooms = rooms;
        this.roomId = roomId;
        this.authenticator = authenticator;
        this.json = json;
        namespace.on("connection", arguments -> onConnect((SocketIoSocket) arguments[0]));
    }

    private void onConnect(SocketIoSocket socket) {
        Optional<SocketToken.Admission> admitted = SocketToken.admit(socket, authenticator);
        if (admitted.isEmpty()) {
            return;
        }
        Peer peer = new Peer(ids.decrementAndGet(), socket, admitted.get().token(), admitted.get().principal());
        peers.put(peer.id(), peer);
        socket.on("disconnect", arguments -> peers.remove(peer.id()));
        long id = peer.id();
        on(socket, "join_performance", payload -> {
            socket.joinRoom(PERFORMANCE_ROOM);
            run(new RoomCommand.JoinPerformance(id));
        });
        on(socket, "leave_performance", payload -> socket.leaveRoom(PERFORMANCE_ROOM));
        on(socket, "update_performance_control", payload -> {
            try {
                run(new RoomCommand.ChangePerformance(PerformanceJson.change(payload), id));
            } catch (IllegalArgumentException invalid) {
                // The original ignores a bad change without a word; the pages expect no answer.
                LOG.debug("Ignored update_performance_control {}: {}", payload, invalid.getMessage());
            }
        });
        on(socket, "update_player_state", payload -> {
            try {
                run(new RoomCommand.ReportPerformance(playing(payload), seconds(payload, "currentTime"),
                        seconds(payload, "duration"), id));
            } catch (IllegalArgumentException invalid) {
                LOG.debug("Ignored update_player_state {}: {}", payload, invalid.getMessage());
            }
        });
        on(socket, "playback_play", payload -> run(new RoomCommand.PlayPerformance(true)));
        on(socket, "playback_pause", payload -> run(new RoomCommand.PlayPerformance(false)));
        on(socket, "reset_player_state", payload -> run(new RoomCommand.ResetPerformance(id)));
        on(socket, "join_queue_room", payload -> {
            socket.joinRoom(QUEUE_ROOM);
            socket.send("queue_joined", JsonText.of(json, Map.of("room", QUEUE_ROOM)));
        });
        on(socket, "leave_queue_room", payload -> {
            socket.leaveRoom(QUEUE_ROOM);
            socket.send("queue_left", JsonText.of(json, Map.of("room", QUEUE_ROOM)));
        });
    }

    /** Registers a handler that gets the event's first argument as JSON (an empty object if it had none). */
    private void on(SocketIoSocket socket, String event, Consumer<JsonNode> handler) {
        socket.on(event, arguments -> {
            try {
                handler.accept(payload(arguments));
            } catch (RoomRejection rejected) {
                // Only the room limit can refuse the configured room; the pages have no error event.
                LOG.warn("Socket.IO {} refused by room {}: {}", event, roomId, rejected.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Socket.IO {} failed", event, e);
            }
        });
    }

    private JsonNode payload(Object[] arguments) {
        if (arguments.length > 0 && arguments[0] instanceof JSONObject object) {
            try {
                return json.readTree(object.toString());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("org.json wrote JSON Jackson cannot read", e);
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private void run(RoomCommand command) {
        rooms.executeCreating(roomId, command);
    }

    private static Boolean playing(JsonNode payload) {
        JsonNode value = payload.get("isPlaying");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("isPlaying: must be true or false");
        }
        return value.booleanValue();
    }

    private static Double seconds(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= MAX_SECONDS)) {
            throw new IllegalArgumentException(field + ": must be seconds between 0 and " + MAX_SECONDS);
        }
        return value.asDouble();
    }

    /**
     * The configured room's performance events, to the sockets their audience names, and its
     * lineup events ({@code queue_updated}, {@code play_song}) to the sockets in {@value #QUEUE_ROOM}.
     */
    @Override
    public void deliver(RoomState room, List<RoomEvent> events) {
        if (!room.id().equals(roomId)) {
            return;
        }
        for (RoomEvent event : events) {
            switch (event) {
                // Their lyrics live in the library: read on the outbox's thread, not under the room's lock.
                case RoomEvent.LineupChanged changed -> outbox.post(() -> send(changed.audience(), "queue_updated",
                        JsonText.of(json, Map.of("items", KaraokeQueueJson.items(changed.lineup(), lyrics)))));
                case RoomEvent.ItemPlayed played -> outbox.post(() -> send(played.audience(), "play_song",
                        JsonText.of(json, KaraokeQueueJson.playSong(played.item(), lyrics.apply(played.item())))));
                default -> {
                    // Performance events; the PWA's own room events have no Socket.IO message.
                    Map.Entry<String, Object> message = PerformanceJson.message(event);
                    if (message != null) {
                        JsonText payload = JsonText.of(json, message.getValue());
                        outbox.post(() -> send(event.audience(), message.getKey(), payload));
                    }
                }
            }
        }
    }

    private void send(Audience audience, String event, JsonText payload) {
        try {
            switch (audience) {
                case Audience.Everyone everyone -> namespace.broadcast(PERFORMANCE_ROOM, event, payload);
                // The queue's watchers: the Stage sockets in the Socket.IO room karaoke_queue.
                case Audience.Watchers watchers -> namespace.broadcast(QUEUE_ROOM, event, payload);
                case Audience.AllBut allBut -> {
                    Peer sender = peers.get(allBut.connectionId());
                    if (sender == null) {
                        // A /ws member or a socket gone since: every socket in the room is "the others".
                        namespace.broadcast(PERFORMANCE_ROOM, event, payload);
                    } else {
                        sender.socket().broadcast(new String[] {PERFORMANCE_ROOM}, event, new Object[] {payload});
                    }
                }
                case Audience.Only only -> {
                    // A /ws member's id, or a socket gone since: nobody here.
                    Peer peer = peers.get(only.connectionId());
                    if (peer != null) {
                        peer.socket().send(event, payload);
                    }
                }
                default -> {
                    // Displays, controllers, nobody: audiences of /ws members only.
                }
            }
        } catch (RuntimeException e) {
            // A socket closing while we send must not fail the room command (already stored).
            LOG.debug("Socket.IO {} not delivered", event, e);
        }
    }
}
