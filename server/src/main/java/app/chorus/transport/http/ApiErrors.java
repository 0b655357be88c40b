package app.chorus.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;

/**
 * Error bodies of the {@code /api} routes, in the shape the Open Karaoke Studio front end reads:
 * {@code {"error": message, "code": CODE, "details": {...}}}.
 */
final class ApiErrors {
    private ApiErrors() {
    }

    /** A query parameter that is not what the route takes; answered with 400 INVALID_PARAMETERS. */
    static final class BadParameter extends RuntimeException {
        final String parameter;

        BadParameter(String parameter, String message) {
            super(message, null, false, false);
            this.parameter = parameter;
        }
    }

    static void send(Context context, int status, String code, String message, Map<String, ?> details) {
        context.status(status).json(Map.of("error", message, "code", code, "details", details));
    }

    static void notFound(Context context, String message) {
        send(context, 404, "RESOURCE_NOT_FOUND", message, Map.of());
    }

    static void invalid(Context context, String code, String message, String field) {
        send(context, 400, code, message, field == null ? Map.of() : Map.of("field", field));
    }

    /** The request's JSON object body; null after answering 400 when it is missing, empty or not an object. */
    static JsonNode objectBody(Context context, ObjectMapper json) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(context.bodyInputStream());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ApiErrors.invalid(context, "INVALID_JSON", "The body is not valid JSON", null);
            return null;
        }
        if (body == null || body.isMissingNode() || body.isNull() || (body.isObject() && body.isEmpty())) {
            ApiErrors.invalid(context, "MISSING_REQUEST_DATA", "The request body is empty", null);
            return null;
        }
        if (!body.isObject()) {
            ApiErrors.invalid(context, "INVALID_JSON", "The body must be a JSON object", null);
            return null;
        }
        return body;
    }
}
