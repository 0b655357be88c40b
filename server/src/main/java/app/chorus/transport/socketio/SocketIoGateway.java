package app.chorus.transport.socketio;

import app.chorus.config.Config;
import app.chorus.events.EventBus;
import app.chorus.jobs.Jobs;
import app.chorus.library.Library;
import app.chorus.rooms.Rooms;
import app.chorus.share.Shares;
import app.chorus.transport.KaraokeQueueJson;
import app.chorus.transport.websocket.WebSocketLimits;
import app.chorus.transport.websocket.WebSocketUpgradeHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * onto one Chorus room). Pings follow {@code socketio-ping-interval} and {@code socketio-ping-timeout}
 * (the protocol's 25 s and 20 s by default), and CORS is answered for every origin (the original
 * server allows {@code *}).
 *
 * <p>Thread safety: every entry into the libraries runs under one {@link EngineLock}; Chorus's
 * own events reach the clients through the {@link Outbox}. See {@link EngineLock} for why.
 */
public final class SocketIoGateway implements AutoCloseable {
    /** Where the Socket.IO clients connect; their default path. */
    public static final String PATH = "/socket.io/";
    private static final Logger LOG = LoggerFactory.getLogger(SocketIoGateway.class);
    private static final int READ_BUFFER_BYTES = 8192;

    private final Config.SocketIo limits;
    private final EngineLock lock = new EngineLock();
    private final LockedScheduler timer = new LockedScheduler(lock);
    private final Outbox outbox;
    private final EngineIoServer engine;
    private final SocketIoJobs jobsNamespace;
    /** Every open Engine.IO session, so a stop can end them (a held long-poll would block Jetty's stop). */
    private final Set<EngineIoSocket> sessions = ConcurrentHashMap.newKeySet();

    /**
     * @param limits        ping timings, message and queue sizes
     * @param oksRoom       the Chorus room the default namespace's clients act in
     * @param shares        music share sessions the {@code /share} namespace's listeners follow
     * @param maxShareListens sessions one connection may follow at once
     * @param authenticator who may use the namespaces, from the token a connection brings
     */
    public SocketIoGateway(Config.SocketIo limits, Jobs jobs, Library library, EventBus events, ObjectMapper json,
                           Rooms rooms, String oksRoom, Shares shares, int maxShareListens, SocketAuthenticator authenticator) {
        this.limits = limits;
        this.outbox = new Outbox(lock, limits.outboxSize());
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
        // Named, though it is the default: every origin may connect (protocols/oks-socketio.md section 1).
        options.setAllowedCorsOrigins(EngineIoServerOptions.ALLOWED_CORS_ORIGIN_ALL);
        options.setPingInterval(limits.pingInterval().toMillis());
        options.setPingTimeout(limits.pingTimeout().toMillis());
        options.setScheduledExecutorService(timer);
        this.engine = new EngineIoServer(options);
        engine.on("connection", arguments -> {
            EngineIoSocket session = (EngineIoSocket) arguments[0];
            sessions.add(session);
            session.once("close", (Emitter.Listener) closed -> sessions.remove(session));
        });
        SocketIoServer server = new SocketIoServer(engine);
        this.jobsNamespace = new SocketIoJobs(server, outbox, jobs, events, json, authenticator);
        new SocketIoShare(server, outbox, shares, json, authenticator, maxShareListens);
        rooms.connect(new SocketIoPerformance(server, outbox, rooms, oksRoom, authenticator, json,
                KaraokeQueueJson.libraryLyrics(library)));
    }

    /** Adds the long-polling servlet under {@code /socket.io/*} to the servlet context Javalin runs in. */
    public void registerPolling(ServletContextHandler context) {
        ServletHolder holder = new ServletHolder("socket.io", new EngineIoServlet(engine, lock, limits.maxMessageBytes()));
        // engine.io-server holds a poll open with startAsync until it has packets to send.
        holder.setAsyncSupported(true);
        context.addServlet(holder, PATH + "*");
    }

    /** The handler that takes WebSocket upgrades to {@code /socket.io/} ahead of the HTTP routes. */
    public WebSocketUpgradeHandler upgradeHandler() {
        // The engine pings; a socket silent for longer than a missed ping plus its timeout is dead.
        Duration idle = limits.pingInterval().plus(limits.pingTimeout()).plusSeconds(10);
        WebSocketLimits socketLimits = new WebSocketLimits(limits.maxMessageBytes(), idle, Duration.ofSeconds(5),
                limits.maxPendingFrames(), READ_BUFFER_BYTES);
        return WebSocketUpgradeHandler.sharingPath(PATH,
                request -> new EngineIoWebSocketBridge(engine, lock, request.query(), request.headers()), socketLimits);
    }

    /** Figures for {@code /health}: open Engine.IO sessions, and sends dropped because the outbox was full. */
    public Map<String, Object> describe() {
        return Map.of("sessions", sessions.size(), "dropped_sends", outbox.dropped());
    }

    /**
     * Stops job broadcasts, sends what is queued, closes every session (answering any held
     * long-poll, so the HTTP server can stop at once) and stops the engine's timers.
     */
    @Override
    public void close() {
        try {
            jobsNamespace.close();
        } catch (Exception e) {
            LOG.warn("Could not stop the Socket.IO job feed", e);
        }
        outbox.close();
        lock.run(() -> {
            for (EngineIoSocket session : List.copyOf(sessions)) {
                session.close();
            }
            engine.shutdown();
        });
        timer.shutdownNow();
    }
}
