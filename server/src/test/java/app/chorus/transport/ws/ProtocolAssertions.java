package app.chorus.transport.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Field-by-field checks of /ws payloads against docs/protocol.md. */
final class ProtocolAssertions {
    /** Any epoch-millisecond value after 2020. */
    static final long EPOCH_MS_2020 = 1_577_836_800_000L;

    private ProtocolAssertions() {
    }

    /** A queue_update payload: exactly items, version, timestamp (epoch seconds); items are {id, entry}. */
    static void assertQueueUpdate(JsonNode payload, long version, JsonNode... entries) {
        assertThat(fieldNames(payload)).containsExactlyInAnyOrder("items", "version", "timestamp");
        assertThat(payload.get("version").isIntegralNumber()).isTrue();
        assertThat(payload.get("version").asLong()).isEqualTo(version);
        assertEpochSeconds(payload.get("timestamp"));
        JsonNode items = payload.get("items");
        assertThat(items.size()).as("queue %s", items).isEqualTo(entries.length);
        for (int index = 0; index < entries.length; index++) {
            JsonNode item = items.get(index);
            // The PWA's {id, entry}, plus Chorus's singer, null when the PWA (which names none) queued it.
            assertThat(fieldNames(item)).containsExactlyInAnyOrder("id", "entry", "singer");
            assertThat(item.get("singer").isNull()).as("singer of %s", item).isTrue();
            assertThat(item.get("id").asText()).matches("[A-Za-z0-9_-]{21}");
            assertEntry(item.get("entry"), entries[index]);
        }
    }

    /** A KaraokeEntry equal to what was queued, with exactly the seven contract keys. */
    static void assertEntry(JsonNode actual, JsonNode expected) {
        assertThat(fieldNames(actual)).containsExactlyInAnyOrder("id", "title", "artist", "video_url", "source", "uploader", "duration");
        for (String field : List.of("id", "title", "artist", "source", "uploader")) {
            assertThat(actual.get(field).asText()).as(field).isEqualTo(expected.get(field).asText().trim());
        }
        assertThat(actual.get("video_url").isNull()).isEqualTo(expected.get("video_url").isNull());
        assertThat(actual.get("duration").asDouble()).isEqualTo(expected.get("duration").asDouble());
    }

    /** A server-built player_state: the seven DisplayPlayerState keys, an epoch-ms version, an epoch-s timestamp. */
    static void assertPlayerState(JsonNode payload, JsonNode entry, String playState, double currentTime, double volume) {
        // The DisplayPlayerState keys, plus Chorus's singer (the PWA ignores it).
        assertThat(fieldNames(payload)).containsExactlyInAnyOrder("entry", "play_state", "current_time", "duration", "volume", "version", "timestamp", "singer");
        if (entry == null) {
            assertThat(payload.get("entry").isNull()).as("entry is null in %s", payload).isTrue();
        } else {
            assertEntry(payload.get("entry"), entry);
        }
        assertThat(payload.get("play_state").asText()).isEqualTo(playState);
        assertThat(payload.get("current_time").asDouble()).isEqualTo(currentTime);
        assertThat(payload.get("volume").asDouble()).isEqualTo(volume);
        assertThat(payload.get("version").isIntegralNumber()).isTrue();
        assertThat(payload.get("version").asLong()).isGreaterThan(EPOCH_MS_2020);
        assertEpochSeconds(payload.get("timestamp"));
    }

    /** The five-key ErrorObject. */
    static void assertError(JsonNode error, String type, String messagePrefix, String requestId) {
        assertThat(fieldNames(error)).containsExactlyInAnyOrder("error_type", "message", "details", "timestamp", "request_id");
        assertThat(error.get("error_type").asText()).isEqualTo(type);
        assertThat(error.get("message").asText()).startsWith(messagePrefix);
        assertEpochSeconds(error.get("timestamp"));
        if (requestId == null) {
            assertThat(error.get("request_id").isNull()).isTrue();
        } else {
            assertThat(error.get("request_id").asText()).isEqualTo(requestId);
        }
    }

    static void assertEpochSeconds(JsonNode value) {
        assertThat(value.isNumber()).as("%s is a number", value).isTrue();
        assertThat(value.asDouble()).isBetween(EPOCH_MS_2020 / 1000.0, EPOCH_MS_2020 / 10.0);
    }

    static List<String> fieldNames(JsonNode node) {
        assertThat(node.isObject()).as("%s is an object", node).isTrue();
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
