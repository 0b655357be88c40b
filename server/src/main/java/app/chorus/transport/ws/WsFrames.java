package app.chorus.transport.ws;

import app.chorus.rooms.KaraokeEntry;
import app.chorus.rooms.QueueItem;
import app.chorus.rooms.RoomEvent;
import app.chorus.transport.PerformanceJson;
import app.chorus.transport.websocket.OutgoingFrame;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes /ws frames: {@code [name, payload]} as one JSON text, wrapped in a complete WebSocket text
 * frame that can be written to any number of sockets as is. Thread-safe.
 */
final class WsFrames {
    private static final TypeReference<LinkedHashMap<String, Object>> PLAYER_STATE_MAP =
            new TypeReference<>() {
            };
    private final ObjectMapper json;
    private final InstantSource clock;

    WsFrames(ObjectMapper json, InstantSource clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The queue_update payload. */
    record QueuePayload(List<WireItem> items, long version, double timestamp) {
    }

    /**
     * A QueueItem as the PWA knows it, {@code {id, entry}}, plus Chorus's {@code singer} (null when
     * none was named), which the PWA ignores. The item's number and album (the Open Karaoke
     * Studio's view) are not sent on /ws.
     */
    record WireItem(String id, KaraokeEntry entry, String singer) {
        static List<WireItem> of(List<QueueItem> items) {
            List<WireItem> wire = new ArrayList<>(items.size());
            for (QueueItem item : items) {
                wire.add(new WireItem(item.id(), item.entry(), item.singer()));
            }
            return wire;
        }
    }

    /** The leader_status payload. */
    record LeaderPayload(boolean isLeader) {
    }

    /** The frame, ready to be sent to any number of sockets. */
    OutgoingFrame frame(String name, Object payload) {
        try {
            return OutgoingFrame.text(json.writeValueAsBytes(new Object[] {name, payload}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode frame " + name, e);
        }
    }

    /** The frame for a room event; encoded once and sent to every recipient as is. */
    OutgoingFrame event(RoomEvent event) {
        return switch (event) {
            case RoomEvent.ClientCount count -> frame("client_count", count.count());
            case RoomEvent.QueueChanged queue -> frame("queue_update",
                    new QueuePayload(WireItem.of(queue.items()), queue.version(), queue.timestamp()));
            case RoomEvent.PlayerStateChanged player -> frame("player_state", playerPayload(player));
            case RoomEvent.PlaybackRequested playback -> frame(playback.play() ? "play_song" : "pause_song", Map.of());
            case RoomEvent.VolumeRequested volume -> frame("set_volume", volume.volume());
            case RoomEvent.LeaderStatus leader -> frame("leader_status", new LeaderPayload(leader.isLeader()));
            case RoomEvent.PerformanceChanged changed -> performanceFrame(changed);
            case RoomEvent.ControlChanged changed -> performanceFrame(changed);
            case RoomEvent.PerformancePlayback playback -> performanceFrame(playback);
            case RoomEvent.PerformanceReset reset -> performanceFrame(reset);
            case RoomEvent.PrefetchNeeded prefetch -> throw new IllegalArgumentException("Prefetch is not sent to clients");
            // The lineup's watchers are Open Karaoke Studio pages on Socket.IO, never /ws members.
            case RoomEvent.LineupChanged lineup -> throw new IllegalArgumentException("The lineup is not sent on /ws");
            case RoomEvent.ItemPlayed played -> throw new IllegalArgumentException("The lineup is not sent on /ws");
        };
    }

    /** DisplayPlayerState plus Chorus's {@code singer} of the current item (null when unknown). */
    private Map<String, Object> playerPayload(RoomEvent.PlayerStateChanged player) {
        Map<String, Object> payload = json.convertValue(player.state(), PLAYER_STATE_MAP);
        payload.put("singer", player.singer());
        return payload;
    }

    /** A performance event, named and shaped as Socket.IO sends it too. */
    private OutgoingFrame performanceFrame(RoomEvent event) {
        Map.Entry<String, Object> message = PerformanceJson.message(event);
        return frame(message.getKey(), message.getValue());
    }

    /** {@code ["ack", {request_id, success: true, result}]}. */
    OutgoingFrame ack(String requestId, Object result) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("request_id", requestId);
        payload.put("success", true);
        payload.put("result", result);
        return frame("ack", payload);
    }

    /** The five-key ErrorObject, inside a failed ack when there is a request id, else an error frame. */
    OutgoingFrame failure(String requestId, String errorType, String message, Map<String, Object> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error_type", errorType);
        error.put("message", message);
        error.put("details", details);
        error.put("timestamp", clock.millis() / 1000.0);
        error.put("request_id", requestId);
        if (requestId == null) {
            return frame("error", error);
        }
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("request_id", requestId);
        ack.put("success", false);
        ack.put("error", error);
        return frame("ack", ack);
    }

    /** {@code ["ping", {timestamp: epoch seconds}]}. */
    OutgoingFrame ping() {
        return frame("ping", Map.of("timestamp", clock.millis() / 1000.0));
    }
}
