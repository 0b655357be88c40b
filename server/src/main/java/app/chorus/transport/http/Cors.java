package app.chorus.transport.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * CORS as the original API has it: any origin, with credentials, any method and header. The
 * request's origin is echoed (a literal {@code *} is not allowed with credentials). Safe because
 * no route acts on ambient authority: the room proof cookie is SameSite=Strict and only read by /ws.
 */
final class Cors {
    private Cors() {
    }

    static void register(RoutesConfig routes) {
        routes.before(Cors::addHeaders);
        routes.options("/<path>", context -> context.status(204));
    }

    private static void addHeaders(Context context) {
        String origin = context.header("Origin");
        if (origin == null) {
            return;
        }
        context.header("Access-Control-Allow-Origin", origin);
        context.header("Access-Control-Allow-Credentials", "true");
        context.header("Vary", "Origin");
        String method = context.header("Access-Control-Request-Method");
        if (method != null) {
            context.header("Access-Control-Allow-Methods", "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
            String headers = context.header("Access-Control-Request-Headers");
            if (headers != null) {
                context.header("Access-Control-Allow-Headers", headers);
            }
            context.header("Access-Control-Max-Age", "600");
        }
    }
}
