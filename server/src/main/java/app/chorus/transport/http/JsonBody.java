package app.chorus.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;

/** Reads and checks a JSON request body field by field, failing with a 422 {@link HttpErrors.InvalidBody}. */
final class JsonBody {
    private final JsonNode body;

    private JsonBody(JsonNode body) {
        this.body = body;
    }

    static JsonBody of(Context context, ObjectMapper json) {
        JsonNode body;
        try {
            body = json.readTree(context.bodyInputStream());
        } catch (IOException e) {
            throw new HttpErrors.InvalidBody("json_invalid", List.of("body"), "JSON decode error");
        }
        if (body == null || !body.isObject()) {
            throw new HttpErrors.InvalidBody("model_attributes_type", List.of("body"), "Input should be a valid dictionary");
        }
        return new JsonBody(body);
    }

    JsonNode node() {
        return body;
    }

    String requiredText(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw new HttpErrors.InvalidBody("missing", List.of("body", field), "Field required");
        }
        return value;
    }

    String optionalText(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new HttpErrors.InvalidBody("string_type", List.of("body", field), "Input should be a valid string");
        }
        return value.textValue();
    }

    boolean optionalBoolean(String field, boolean fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new HttpErrors.InvalidBody("bool_type", List.of("body", field), "Input should be a valid boolean");
        }
        return value.booleanValue();
    }
}
