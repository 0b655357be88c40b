package app.chorus.transport.socketio;

import app.chorus.events.EventBus;
import app.chorus.jobs.Jobs;
import app.chorus.rooms.Rooms;
import app.chorus.transport.websocket.WebSocketLimits;
import app.chorus.transport.websocket.WebSocketUpgradeHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoServer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket.IO (protocol v5 over Engine.IO 4) at {@code /socket.io/}, on the HTTP server's port,
 * with both transports: long-polling through a servlet beside Javalin's, WebSocket through our
 * own WebSocket layer, and the upgrade from the first to the second. Serves the {@code /jobs}
 * namespace and the default namespace {@code /} (performance controls and queue rooms, mapped
 * onto one Chorus room). engine.io-server's defaults apply: ping every 25 s, 20 s to answer, and CORS
 * answered for every origin (the original server allows {@code *}). Thread-safe.
 */
public final class SocketIoGateway implements AutoCloseable {
    /** Where the Socket.IO clients connect; their default path. */
    public static final String PATH = "/socket.io/";
    private static final Logger LOG = LoggerFactory.getLogger(SocketIoGateway.class);
    private static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    private static final int MAX_QUEUED_FRAMES = 1024;
    private static final int READ_BUFFER_BYTES = 8192;

    private final EngineIoServer engine;
    private final SocketIoJobs jobsNamespace;
    /** Every open Engine.IO session, so a stop can end them (a held long-poll would block Jetty's stop). */
    private final Set<EngineIoSocket> sessions = ConcurrentHashMap.newKeySet();

    /**
     * @param oksRoom       the Chorus room the default namespace's clients act in
     * @param authenticator who may use the default namespace, from the token a connection brings
     */
    public SocketIoGateway(Jobs jobs, EventBus events, ObjectMapper json, Rooms rooms, String oksRoom,
                           SocketAuthenticator authenticator) {
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
        // Named, though it is the default: every origin may connect (protocols/oks-socketio.md section 1).
        options.setAllowedCorsOrigins(EngineIoServerOptions.ALLOWED_CORS_ORIGIN_ALL);
        this.engine = new EngineIoServer(options);
        engine.on("connection", arguments -> {
            EngineIoSocket session = (EngineIoSocket) arguments[0];
            sessions.add(session);
            session.once("close", (Emitter.Listener) closed -> sessions.remove(session));
        });
        SocketIoServer server = new SocketIoServer(engine);
        this.jobsNamespace = new SocketIoJobs(server, jobs, events, json);
        rooms.connect(new SocketIoPerformance(server, rooms, oksRoom, authenticator, json));
    }

    /** Adds the long-polling servlet under {@code /socket.io/*} to the servlet context Javalin runs in. */
    public void registerPolling(ServletContextHandler context) {
        ServletHolder holder = new ServletHolder("socket.io", new EngineIoServlet(engine));
        // engine.io-server holds a poll open with startAsync until it has packets to send.
        holder.setAsyncSupported(true);
        context.addServlet(holder, PATH + "*");
    }

    /** The handler that takes WebSocket upgrades to {@code /socket.io/} ahead of the HTTP routes. */
    public WebSocketUpgradeHandler upgradeHandler() {
        // The engine pings; a socket silent for longer than a missed ping plus its timeout is dead.
        Duration idle = Duration.ofMillis(engine.getOptions().getPingInterval() + engine.getOptions().getPingTimeout())
                .plusSeconds(10);
        WebSocketLimits limits = new WebSocketLimits(MAX_MESSAGE_BYTES, idle, Duration.ofSeconds(5), MAX_QUEUED_FRAMES,
                READ_BUFFER_BYTES);
        return WebSocketUpgradeHandler.sharingPath(PATH,
                request -> new EngineIoWebSocketBridge(engine, request.query(), request.headers()), limits);
    }

    /**
     * Stops job broadcasts, closes every session (answering any held long-poll, so the HTTP
     * server can stop at once) and stops the engine's ping timers.
     */
    @Override
    public void close() {
        try {
            jobsNamespace.close();
        } catch (Exception e) {
            LOG.warn("Could not stop the Socket.IO job feed", e);
        }
        for (EngineIoSocket session : sessions) {
            session.close();
        }
        engine.shutdown();
    }
}
