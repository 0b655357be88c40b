package app.chorus.transport.socketio;

import io.socket.engineio.server.EngineIoServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Engine.IO long-polling under {@code /socket.io/*}: a plain servlet beside Javalin's (a more
 * specific mapping wins), so engine.io-server can hold a poll open with the servlet async API
 * without Javalin writing its own response when the handler returns. Must be registered with
 * async support.
 *
 * <p>Each request is handled under the {@link EngineLock}. A held poll returns at once (it waits
 * in the async context, outside the lock). A POST body must state its length and stay within
 * {@code socketio-max-message-bytes}: engine.io-server would read any length into one array.
 * Thread-safe.
 */
final class EngineIoServlet extends HttpServlet {
    /** engine.io's own error body for a request it cannot take (its "Bad request", code 3). */
    private static final String BAD_REQUEST = "{\"code\":3,\"message\":\"Bad request\"}";

    private final transient EngineIoServer engine;
    private final transient EngineLock lock;
    private final int maxMessageBytes;

    EngineIoServlet(EngineIoServer engine, EngineLock lock, int maxMessageBytes) {
        this.engine = engine;
        this.lock = lock;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("OPTIONS".equals(request.getMethod())) {
            // engine.io-server has no preflight answer of its own; browsers only preflight a
            // cross-origin POST with custom headers, and Socket.IO allows every origin.
            preflight(request, response);
            return;
        }
        if ("POST".equals(request.getMethod())) {
            long length = request.getContentLengthLong();
            if (length < 0) {
                refuse(response, HttpServletResponse.SC_LENGTH_REQUIRED);
                return;
            }
            if (length > maxMessageBytes) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
        }
        lock.run(() -> engine.handleRequest(request, response));
    }

    private static void refuse(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(BAD_REQUEST.getBytes(StandardCharsets.UTF_8));
    }

    private static void preflight(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Credentials", "true");
            response.setHeader("Access-Control-Allow-Methods", "GET,POST,OPTIONS");
            String requested = request.getHeader("Access-Control-Request-Headers");
            response.setHeader("Access-Control-Allow-Headers", requested == null ? "content-type" : requested);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
