package app.chorus.transport.ws;

import app.chorus.rooms.KaraokeEntry;
import app.chorus.rooms.Performance;
import app.chorus.rooms.PlayState;
import app.chorus.rooms.PlayerState;
import app.chorus.transport.PerformanceJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;

/**
 * The schema of every /ws command the original server knows, as parsers from a JSON payload to
 * a typed value. A name missing from {@link #SCHEMAS} is a {@code validation_error} (as in the
 * original); a known name whose payload breaks its schema throws {@link InvalidPayload}.
 * Strings are bounded so one client cannot grow a room's memory without limit.
 */
final class Payloads {
    static final int MAX_TEXT = 512;
    static final int MAX_SINGER = 200;
    static final int MAX_URL = 4096;

    private Payloads() {
    }

    record Handshake(String clientType) {
    }

    record JoinRoom(String roomId, String password) {
    }

    record EntryRef(String entryId) {
    }

    record Volume(double volume) {
    }

    /** {@code report_performance}: what the player says; absent keys are null. */
    record PerformanceReport(Boolean playing, Double currentTime, Double duration) {
    }

    /** A music share command naming a session. */
    record ShareSession(String sessionId) {
    }

    /** {@code share_start}: the session, the share token, and whether to take over an active session. */
    record ShareStart(String sessionId, String token, boolean resume) {
    }

    /** {@code share_metadata}: the session and the contract's metadata object. */
    record ShareMetadata(String sessionId, JsonNode metadata) {
    }

    /** Commands whose payload is {@code {}} or is not inspected. */
    record Empty() {
    }

    static final Empty EMPTY = new Empty();

    static final Map<String, Function<ObjectNode, Object>> SCHEMAS = Map.ofEntries(
            Map.entry("handshake", payload -> new Handshake(requiredText(payload, "client_type", MAX_TEXT))),
            Map.entry("join_room", payload -> new JoinRoom(requiredText(payload, "room_id", MAX_TEXT),
                    optionalText(payload, "password", MAX_TEXT))),
            Map.entry("pong", payload -> {
                requiredNumber(payload, "timestamp");
                return EMPTY;
            }),
            Map.entry("play_next", payload -> EMPTY),
            Map.entry("share_listen", payload -> new ShareSession(shareSession(payload))),
            Map.entry("share_unlisten", payload -> new ShareSession(shareSession(payload))),
            Map.entry("share_stop", payload -> new ShareSession(shareSession(payload))),
            Map.entry("share_start", payload -> new ShareStart(shareSession(payload), requiredText(payload, "token", MAX_TEXT),
                    payload.hasNonNull("resume") && bool(payload, "resume"))),
            Map.entry("share_metadata", payload -> {
                JsonNode metadata = payload.get("metadata");
                if (metadata == null || !metadata.isObject()) {
                    throw new InvalidPayload("metadata: must be an object");
                }
                return new ShareMetadata(shareSession(payload), metadata);
            }),
            Map.entry("subscribe_jobs", payload -> EMPTY),
            Map.entry("unsubscribe_jobs", payload -> EMPTY),
            Map.entry("clear_queue", payload -> EMPTY),
            Map.entry("play_song", payload -> EMPTY),
            Map.entry("pause_song", payload -> EMPTY),
            Map.entry("queue_song", payload -> new SongRequest(entry(payload), singer(payload))),
            Map.entry("remove_song", payload -> new EntryRef(nonEmptyText(payload, "entry_id"))),
            Map.entry("queue_next_song", payload -> new EntryRef(nonEmptyText(payload, "entry_id"))),
            Map.entry("set_volume", payload -> new Volume(bounded(payload, "volume", 0, 1, null))),
            Map.entry("update_player_state", Payloads::playerState),
            Map.entry("player_state", Payloads::playerState),
            Map.entry("video_loaded", Payloads::playerState),
            Map.entry("queue_update", payload -> {
                JsonNode items = payload.get("items");
                if (items == null || !items.isArray()) {
                    throw new InvalidPayload("items: must be a list");
                }
                if (integer(payload, "version", null) < 1) {
                    throw new InvalidPayload("version: must be at least 1");
                }
                requiredNumber(payload, "timestamp");
                return EMPTY;
            }),
            // Chorus's performance controls (the Open Karaoke Studio's, per room).
            Map.entry("join_performance", payload -> EMPTY),
            Map.entry("update_performance_control", Payloads::performanceChange),
            Map.entry("report_performance", payload -> new PerformanceReport(
                    payload.hasNonNull("is_playing") ? bool(payload, "is_playing") : null,
                    payload.hasNonNull("current_time") ? bounded(payload, "current_time", 0, 86_400, null) : null,
                    payload.hasNonNull("duration") ? bounded(payload, "duration", 0, 86_400, null) : null)),
            Map.entry("playback_play", payload -> EMPTY),
            Map.entry("playback_pause", payload -> EMPTY),
            Map.entry("reset_performance", payload -> EMPTY),
            // Known to the original's schema map but handled by nobody: they end in invalid_command.
            Map.entry("ping", payload -> EMPTY),
            Map.entry("ack", payload -> EMPTY),
            Map.entry("request_full_state", payload -> EMPTY),
            Map.entry("request_queue_update", payload -> EMPTY));

    /** A KaraokeEntry: every key but video_url is required; duration may be null. */
    static KaraokeEntry entry(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new InvalidPayload("entry: must be an object");
        }
        String title = requiredText(payload, "title", MAX_TEXT).trim();
        String artist = requiredText(payload, "artist", MAX_TEXT).trim();
        if (title.isEmpty()) {
            throw new InvalidPayload("title: must not be blank");
        }
        if (artist.isEmpty()) {
            throw new InvalidPayload("artist: must not be blank");
        }
        if (!payload.has("duration")) {
            throw new InvalidPayload("duration: field required (may be null)");
        }
        JsonNode duration = payload.get("duration");
        if (!duration.isNull() && (!duration.isNumber() || duration.asDouble() < 0)) {
            throw new InvalidPayload("duration: must be a non-negative number or null");
        }
        return new KaraokeEntry(requiredText(payload, "id", MAX_TEXT), title, artist,
                optionalText(payload, "video_url", MAX_URL), requiredText(payload, "source", MAX_TEXT),
                requiredText(payload, "uploader", MAX_TEXT), duration.isNull() ? null : duration.asDouble());
    }

    /** queue_song: the entry, and (Chorus only) who sings it. */
    record SongRequest(KaraokeEntry entry, String singer) {
    }

    /** The optional singer name of queue_song, trimmed; blank means none. */
    static String singer(JsonNode payload) {
        String singer = optionalText(payload, "singer", MAX_SINGER);
        return singer == null || singer.isBlank() ? null : singer.trim();
    }

    /** A DisplayPlayerState: entry (nullable), play_state and timestamp required; the rest defaulted. */
    static PlayerState playerState(ObjectNode payload) {
        if (!payload.has("entry")) {
            throw new InvalidPayload("entry: field required (may be null)");
        }
        JsonNode entryNode = payload.get("entry");
        KaraokeEntry entry = entryNode.isNull() ? null : entry(entryNode);
        String playStateText = requiredText(payload, "play_state", MAX_TEXT);
        PlayState playState = switch (playStateText) {
            case "playing" -> PlayState.PLAYING;
            case "paused" -> PlayState.PAUSED;
            case "finished" -> PlayState.FINISHED;
            case "buffering" -> PlayState.BUFFERING;
            default -> throw new InvalidPayload("play_state: must be one of playing, paused, finished, buffering");
        };
        double currentTime = bounded(payload, "current_time", 0, Double.MAX_VALUE, 0.0);
        double duration = bounded(payload, "duration", 0, Double.MAX_VALUE, 0.0);
        double volume = bounded(payload, "volume", 0, 1, 1.0);
        long version = integer(payload, "version", 1L);
        if (version < 1) {
            throw new InvalidPayload("version: must be at least 1");
        }
        double timestamp = requiredNumber(payload, "timestamp");
        return new PlayerState(entry, playState, currentTime, duration, volume, version, timestamp);
    }

    /** {@code {control, value}}: the control's wire name and a value of its kind and range. */
    static Performance.Change performanceChange(JsonNode payload) {
        try {
            return PerformanceJson.change(payload);
        } catch (IllegalArgumentException e) {
            throw new InvalidPayload(e.getMessage());
        }
    }

    private static String shareSession(JsonNode payload) {
        String id = requiredText(payload, "session_id", MAX_TEXT);
        if (!app.chorus.share.ShareCodec.isSessionId(id)) {
            throw new InvalidPayload("session_id: must be exactly 6 digits");
        }
        return id;
    }

    private static boolean bool(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (!value.isBoolean()) {
            throw new InvalidPayload(field + ": must be true or false");
        }
        return value.booleanValue();
    }

    private static String requiredText(JsonNode payload, String field, int maxLength) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidPayload(field + ": field required");
        }
        return text(value, field, maxLength);
    }

    private static String optionalText(JsonNode payload, String field, int maxLength) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : text(value, field, maxLength);
    }

    private static String text(JsonNode value, String field, int maxLength) {
        if (!value.isTextual()) {
            throw new InvalidPayload(field + ": must be a string");
        }
        if (value.textValue().length() > maxLength) {
            throw new InvalidPayload(field + ": must be at most " + maxLength + " characters");
        }
        return value.textValue();
    }

    private static String nonEmptyText(JsonNode payload, String field) {
        String text = requiredText(payload, field, MAX_TEXT);
        if (text.isEmpty()) {
            throw new InvalidPayload(field + ": must have at least 1 character");
        }
        return text;
    }

    private static double requiredNumber(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidPayload(field + ": field required");
        }
        if (!value.isNumber()) {
            throw new InvalidPayload(field + ": must be a number");
        }
        return value.asDouble();
    }

    private static double bounded(JsonNode payload, String field, double min, double max, Double fallback) {
        JsonNode value = payload.get(field);
        if ((value == null || value.isNull()) && fallback != null) {
            return fallback;
        }
        double number = requiredNumber(payload, field);
        if (!(number >= min && number <= max)) {
            throw new InvalidPayload(field + ": must be between " + min + " and " + max);
        }
        return number;
    }

    private static long integer(JsonNode payload, String field, Long fallback) {
        JsonNode value = payload.get(field);
        if ((value == null || value.isNull()) && fallback != null) {
            return fallback;
        }
        if (value == null || value.isNull()) {
            throw new InvalidPayload(field + ": field required");
        }
        if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
            throw new InvalidPayload(field + ": must be an integer");
        }
        return value.asLong();
    }
}
