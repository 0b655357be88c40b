package app.chorus.transport.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Error bodies in the shape the original (FastAPI) clients read: {@code {"detail": "text"}}, and
 * for a body that fails its schema, 422 with {@code detail} as a list of problems.
 */
final class HttpErrors {
    private HttpErrors() {
    }

    /** A request body that fails validation; turned into a 422. */
    static final class InvalidBody extends RuntimeException {
        final String type;
        final List<Object> location;

        InvalidBody(String type, List<Object> location, String message) {
            super(message, null, false, false);
            this.type = type;
            this.location = location;
        }
    }

    static void detail(Context context, int status, String detail) {
        context.status(status).json(Map.of("detail", detail));
    }

    static void invalid(Context context, InvalidBody problem) {
        context.status(422).json(Map.of("detail", List.of(Map.of(
                "type", problem.type, "loc", problem.location, "msg", problem.getMessage()))));
    }
}
