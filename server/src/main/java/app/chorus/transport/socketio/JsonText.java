package app.chorus.transport.socketio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.json.JSONObject;
import org.json.JSONString;

/**
 * A Socket.IO event argument (a JSON object) already encoded by Jackson. socket.io-server only
 * accepts org.json values, and org.json objects do not keep key order. This is an org.json object
 * with no keys of its own (so the library's argument check passes) that is also a
 * {@link JSONString}, which org.json writes as is: a Job keeps the key order the protocol
 * documents, and a broadcast is encoded once. Only for sending; immutable after construction.
 */
final class JsonText extends JSONObject implements JSONString {
    private final String json;

    private JsonText(String json) {
        this.json = json;
    }

    static JsonText of(ObjectMapper mapper, Object value) {
        try {
            return new JsonText(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode a Socket.IO payload", e);
        }
    }

    /** Text that already is a JSON object, sent as is. */
    static JsonText raw(String json) {
        return new JsonText(json);
    }

    @Override
    public String toJSONString() {
        return json;
    }

    @Override
    public String toString() {
        return json;
    }
}
