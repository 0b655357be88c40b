package app.chorus.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Lenient reads of optional fields: the services leave fields out, send null, or (MusicBrainz in old
 * answers) send numbers as strings; a field of the wrong type reads as absent rather than failing the answer.
 */
final class JsonFields {
    static final JsonNode EMPTY_ARRAY = JsonNodeFactory.instance.arrayNode();

    private JsonFields() {
    }

    static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    static Long longOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isIntegralNumber() || (value.isNumber() && value.canConvertToLong())) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().strip().matches("-?\\d{1,18}")) {
            return Long.parseLong(value.asText().strip());
        }
        return null;
    }

    static Integer intOrNull(JsonNode node, String field) {
        Long value = longOrNull(node, field);
        return value == null || value != value.intValue() ? null : value.intValue();
    }

    static Double doubleOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asDouble() : null;
    }
}
