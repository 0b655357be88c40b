package app.chorus.testing;

import static org.awaitility.Awaitility.await;

import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socket.engineio.client.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.json.JSONObject;

/**
 * A real Socket.IO peer (the Java {@code io.socket:socket.io-client}) on one namespace that keeps
 * every event it receives and every Engine.IO transport it used, for assertions. Thread-safe.
 */
public final class SocketIoTestClient implements AutoCloseable {
    /** Which Engine.IO transports the client may use. */
    public enum Mode {
        WEBSOCKET_ONLY(new String[] {"websocket"}, false),
        POLLING_ONLY(new String[] {"polling"}, false),
        POLLING_THEN_UPGRADE(new String[] {"polling", "websocket"}, true);

        final String[] transports;
        final boolean upgrade;

        Mode(String[] transports, boolean upgrade) {
            this.transports = transports;
            this.upgrade = upgrade;
        }
    }

    /** One event the server sent: its first argument as an object (or null), and every argument. */
    public record Received(String name, JSONObject payload, Object[] arguments) {
    }

    private final Socket socket;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> transports = new CopyOnWriteArrayList<>();

    private SocketIoTestClient(URI namespace, Mode mode, Map<String, String> auth) {
        IO.Options options = IO.Options.builder().setForceNew(true).setReconnection(false)
                .setTransports(mode.transports).setUpgrade(mode.upgrade).setAuth(auth).build();
        socket = IO.socket(namespace, options);
        socket.io().on(Manager.EVENT_TRANSPORT, arguments -> transports.add(((Transport) arguments[0]).name));
        socket.onAnyIncoming(arguments -> received.add(new Received((String) arguments[0],
                arguments.length > 1 && arguments[1] instanceof JSONObject payload ? payload : null,
                java.util.Arrays.copyOfRange(arguments, 1, arguments.length))));
    }

    /** Connects to {@code namespace} (a full URL such as http://host:port/jobs) and waits for the connection. */
    public static SocketIoTestClient connect(URI namespace, Mode mode) {
        return connect(namespace, mode, Map.of());
    }

    /** Connects with a Socket.IO {@code auth} payload (such as {@code {token}}); a query goes in the URI. */
    public static SocketIoTestClient connect(URI namespace, Mode mode, Map<String, String> auth) {
        SocketIoTestClient client = new SocketIoTestClient(namespace, mode, auth);
        client.socket.connect();
        waiting().until(client.socket::connected);
        return client;
    }

    /** Checks often: the many-sessions tests would otherwise spend their time in Awaitility's 100 ms polls. */
    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2));
    }

    public void emit(String event) {
        socket.emit(event);
    }

    /** Emits an event with one JSON object argument. */
    public void emit(String event, JSONObject payload) {
        socket.emit(event, payload);
    }

    /** Emits with an acknowledgement callback; returns what the server acknowledged with. */
    public Object[] emitWithAck(String event) {
        return emitWithAck(event, new Object[0]);
    }

    /** Emits arguments with an acknowledgement callback; returns what the server acknowledged with. */
    public Object[] emitWithAck(String event, Object... arguments) {
        CompletableFuture<Object[]> reply = new CompletableFuture<>();
        socket.emit(event, arguments, reply::complete);
        try {
            return reply.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no acknowledgement for " + event, e);
        }
    }

    /** Waits for the {@code count}-th event named {@code name} (1-based) and returns it. */
    public Received awaitEvent(String name, int count) {
        waiting().until(() -> named(name).size() >= count);
        return named(name).get(count - 1);
    }

    public List<Received> named(String name) {
        List<Received> matching = new ArrayList<>();
        for (Received event : received) {
            if (event.name().equals(name)) {
                matching.add(event);
            }
        }
        return matching;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The Engine.IO transports used, in order (polling then websocket after an upgrade). */
    public List<String> transports() {
        return List.copyOf(transports);
    }

    @Override
    public void close() {
        socket.close();
    }
}
