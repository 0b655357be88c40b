package app.chorus.transport.ws;

import app.chorus.rooms.ClientType;
import app.chorus.rooms.Member;
import app.chorus.rooms.PlayerState;
import app.chorus.rooms.Performance;
import app.chorus.rooms.RoomCommand;
import app.chorus.rooms.Rooms;
import app.chorus.rooms.RoomAccess;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The /ws command handlers, per client type, as the original server has them. Each returns the
 * ack's {@code result} ({@code null} except for join_room). Stateless apart from its
 * collaborators; thread-safe.
 */
final class WsCommands {
    /** A command that cannot run in the client's situation (the original's command_execution_failed). */
    static final class CommandFailure extends RuntimeException {
        CommandFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** A command this connection may not send: no valid token, or not its session (authorization_error). */
    static final class Unauthorized extends RuntimeException {
        Unauthorized(String message) {
            super(message, null, false, false);
        }
    }

    /** A handler's result whose {@code then} runs once the ack has been sent (a subscription's backlog, say). */
    record AfterAck(Object result, Runnable then) {
    }

    @FunctionalInterface
    interface Handler {
        Object handle(WsConnection connection, Object payload);
    }

    private final Rooms rooms;
    private final Map<String, Handler> common;
    private final Map<String, Handler> controller;
    private final Map<String, Handler> display;

    WsCommands(Rooms rooms, WsJobFeed jobFeed, WsShares shares, InstantSource clock) {
        this.rooms = rooms;
        this.common = Map.ofEntries(
                Map.entry("share_listen", (connection, payload) ->
                        shares.listen(connection, ((Payloads.ShareSession) payload).sessionId())),
                Map.entry("share_unlisten", (connection, payload) ->
                        shares.unlisten(connection, ((Payloads.ShareSession) payload).sessionId())),
                Map.entry("share_start", (connection, payload) -> shares.start(connection, (Payloads.ShareStart) payload)),
                Map.entry("share_metadata", (connection, payload) -> shares.metadata(connection, (Payloads.ShareMetadata) payload)),
                Map.entry("share_stop", (connection, payload) ->
                        shares.stop(connection, ((Payloads.ShareSession) payload).sessionId())),
                Map.entry("join_performance", (connection, payload) ->
                        run(connection, new RoomCommand.JoinPerformance(connection.id))),
                Map.entry("update_performance_control", (connection, payload) ->
                        run(connection, new RoomCommand.ChangePerformance((Performance.Change) payload, connection.id))),
                Map.entry("report_performance", (connection, payload) -> {
                    Payloads.PerformanceReport report = (Payloads.PerformanceReport) payload;
                    return run(connection, new RoomCommand.ReportPerformance(report.playing(), report.currentTime(),
                            report.duration(), connection.id));
                }),
                Map.entry("playback_play", (connection, payload) -> run(connection, new RoomCommand.PlayPerformance(true))),
                Map.entry("playback_pause", (connection, payload) -> run(connection, new RoomCommand.PlayPerformance(false))),
                Map.entry("reset_performance", (connection, payload) ->
                        run(connection, new RoomCommand.ResetPerformance(connection.id))),
                Map.entry("subscribe_jobs", (connection, payload) -> {
                    jobFeed.subscribe(connection);
                    return null;
                }),
                Map.entry("unsubscribe_jobs", (connection, payload) -> {
                    jobFeed.unsubscribe(connection);
                    return null;
                }),
                Map.entry("join_room", (connection, payload) -> join(connection, (Payloads.JoinRoom) payload)),
                Map.entry("pong", (connection, payload) -> {
                    connection.lastPongMillis = clock.millis();
                    return null;
                }),
                Map.entry("play_next", (connection, payload) -> run(connection, new RoomCommand.PlayNext())));
        this.controller = Map.of(
                "queue_song", (connection, payload) -> {
                    Payloads.SongRequest request = (Payloads.SongRequest) payload;
                    rooms.queueSong(room(connection), request.entry(), request.singer());
                    return null;
                },
                "remove_song", (connection, payload) -> run(connection, new RoomCommand.RemoveSong(((Payloads.EntryRef) payload).entryId())),
                "queue_next_song", (connection, payload) -> run(connection, new RoomCommand.QueueNextSong(((Payloads.EntryRef) payload).entryId())),
                "clear_queue", (connection, payload) -> run(connection, new RoomCommand.ClearQueue()),
                "play_song", (connection, payload) -> run(connection, new RoomCommand.SetPlaying(true)),
                "pause_song", (connection, payload) -> run(connection, new RoomCommand.SetPlaying(false)),
                "set_volume", (connection, payload) -> run(connection, new RoomCommand.SetVolume(((Payloads.Volume) payload).volume())),
                "player_state", (connection, payload) -> run(connection, new RoomCommand.ReportPlayerState((PlayerState) payload)));
        this.display = Map.of(
                "update_player_state", (connection, payload) -> run(connection, new RoomCommand.ReportPlayerState((PlayerState) payload)),
                "video_loaded", (connection, payload) -> run(connection, new RoomCommand.VideoLoaded((PlayerState) payload)),
                "queue_update", (connection, payload) -> run(connection, new RoomCommand.RelayQueue()));
    }

    /** The handler for this command and client type, if the type may send it. */
    Optional<Handler> handler(ClientType type, String command) {
        Handler handler = common.get(command);
        if (handler == null) {
            handler = (type == ClientType.CONTROLLER ? controller : display).get(command);
        }
        return Optional.ofNullable(handler);
    }

    private Object run(WsConnection connection, RoomCommand command) {
        rooms.execute(room(connection), command);
        return null;
    }

    private static String room(WsConnection connection) {
        String roomId = connection.roomId;
        if (roomId == null) {
            throw new CommandFailure("Room ID is required for broadcasting");
        }
        return roomId;
    }

    private Object join(WsConnection connection, Payloads.JoinRoom join) {
        String previous = connection.roomId;
        if (previous != null && !previous.equals(join.roomId())) {
            rooms.leave(previous, connection.id);
        }
        // Set before joining so a disconnect racing with the join still finds the room to leave.
        connection.roomId = join.roomId();
        try {
            String proof = connection.cookies.get(RoomAccess.cookieName(join.roomId()));
            rooms.join(join.roomId(), new Member(connection.id, connection.clientType, connection.id),
                    new Rooms.Credentials(join.password(), proof == null ? List.of() : List.of(proof)));
        } catch (RuntimeException e) {
            connection.roomId = null;
            throw e;
        }
        if (connection.hasLeft()) {
            // The socket went away while we joined: its leave handling may have run before the
            // join added it, so leave again rather than keep a ghost member.
            rooms.leave(join.roomId(), connection.id);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("room_id", join.roomId());
        result.put("success", true);
        return result;
    }
}
