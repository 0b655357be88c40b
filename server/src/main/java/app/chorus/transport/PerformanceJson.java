package app.chorus.transport;

import app.chorus.rooms.Performance;
import app.chorus.rooms.RoomEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The performance controls in the Open Karaoke Studio's JSON (protocols/oks-socketio.md section
 * 3), shared by /ws and the Socket.IO default namespace so both speak exactly the same shape and
 * accept exactly the same values. Stateless.
 */
public final class PerformanceJson {
    private static final int MAX_CONTROL_NAME = 512;

    private PerformanceJson() {
    }

    /** The whole state, snake_case, in the original's key order. */
    public static Map<String, Object> state(Performance state) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("vocal_volume", state.vocalVolume());
        payload.put("instrumental_volume", state.instrumentalVolume());
        payload.put("lyrics_size", state.lyricsSize().wireName());
        payload.put("lyrics_offset", state.lyricsOffsetMs());
        payload.put("current_time", state.currentTime());
        payload.put("duration", state.duration());
        payload.put("is_playing", state.playing());
        return payload;
    }

    /**
     * A performance event's name and payload on the wire, the same on /ws and Socket.IO; null
     * for the room's other events.
     */
    public static Map.Entry<String, Object> message(RoomEvent event) {
        return switch (event) {
            case RoomEvent.PerformanceChanged changed -> Map.entry("performance_state", state(changed.performance()));
            case RoomEvent.ControlChanged changed -> {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("control", changed.change().control().wireName());
                payload.put("value", changed.change().wireValue());
                yield Map.entry("control_updated", payload);
            }
            case RoomEvent.PerformancePlayback playback -> Map.entry(playback.play() ? "playback_play" : "playback_pause", Map.of());
            case RoomEvent.PerformanceReset reset -> Map.entry("reset_player_state", Map.of());
            default -> null;
        };
    }

    /**
     * A {@code {control, value}} change, checked: volumes 0-1, a known lyrics size, an offset in
     * whole ms within {@link Performance#MAX_OFFSET_MS}.
     *
     * @throws IllegalArgumentException naming the field and what is wrong with it
     */
    public static Performance.Change change(JsonNode payload) {
        JsonNode name = payload == null ? null : payload.get("control");
        if (name == null || name.isNull()) {
            throw new IllegalArgumentException("control: field required");
        }
        if (!name.isTextual() || name.textValue().length() > MAX_CONTROL_NAME) {
            throw new IllegalArgumentException("control: must be a string of at most " + MAX_CONTROL_NAME + " characters");
        }
        Performance.Control control = Performance.Control.fromWireName(name.textValue()).orElseThrow(() ->
                new IllegalArgumentException(
                        "control: must be one of vocal_volume, instrumental_volume, lyrics_size, lyrics_offset"));
        JsonNode value = payload.get("value");
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("value: field required");
        }
        Object checked = switch (control) {
            case VOCAL_VOLUME, INSTRUMENTAL_VOLUME -> {
                if (!value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= 1)) {
                    throw new IllegalArgumentException("value: a volume must be a number between 0 and 1");
                }
                yield value.asDouble();
            }
            case LYRICS_SIZE -> Performance.LyricsSize.fromWireName(value.asText(""))
                    .orElseThrow(() -> new IllegalArgumentException("value: lyrics_size must be small, medium or large"));
            case LYRICS_OFFSET -> {
                if (!value.canConvertToInt() || !value.isIntegralNumber()
                        || Math.abs(value.asInt()) > Performance.MAX_OFFSET_MS) {
                    throw new IllegalArgumentException("value: lyrics_offset must be whole milliseconds within ±"
                            + Performance.MAX_OFFSET_MS);
                }
                yield value.asInt();
            }
        };
        return new Performance.Change(control, checked);
    }
}
