package app.chorus.transport.socketio;

import io.socket.engineio.server.EngineIoServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Engine.IO long-polling under {@code /socket.io/*}: a plain servlet beside Javalin's (a more
 * specific mapping wins), so engine.io-server can hold a poll open with the servlet async API
 * without Javalin writing its own response when the handler returns. Must be registered with
 * async support. Stateless, thread-safe.
 */
final class EngineIoServlet extends HttpServlet {
    private final transient EngineIoServer engine;

    EngineIoServlet(EngineIoServer engine) {
        this.engine = engine;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("OPTIONS".equals(request.getMethod())) {
            // engine.io-server has no preflight answer of its own; browsers only preflight a
            // cross-origin POST with custom headers, and Socket.IO allows every origin.
            preflight(request, response);
            return;
        }
        engine.handleRequest(request, response);
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
