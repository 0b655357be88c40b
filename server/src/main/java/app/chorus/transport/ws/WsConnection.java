package app.chorus.transport.ws;

import app.chorus.rooms.ClientType;
import app.chorus.transport.websocket.OutgoingFrame;
import app.chorus.transport.websocket.WebSocketChannel;
import app.chorus.transport.websocket.WebSocketListener;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One /ws client. Messages are handled one at a time per connection (the channel reads the next
 * only after the previous returned), so {@code clientType} and {@code roomId} are written by one
 * thread at a time; they are volatile because the heartbeat and room broadcasts read them from
 * others. Sends never block: a client that lets more than the configured number of frames pile up
 * is cut off rather than allowed to grow the server's memory.
 */
final class WsConnection implements WebSocketListener {
    /** What the gateway does with this connection's socket events. */
    interface Events {
        void opened(WsConnection connection);

        void text(WsConnection connection, String text);

        void binary(WsConnection connection, byte[] data);

        void closed(WsConnection connection);
    }

    final long id;
    /** The room proof cookies sent with the upgrade, by name. */
    final Map<String, String> cookies;
    private final Events events;
    private volatile Bucket rateLimit;
    private final WsStats stats;
    private final AtomicBoolean left = new AtomicBoolean();
    private volatile WebSocketChannel channel;
    volatile ClientType clientType;
    volatile String roomId;
    volatile long lastPongMillis;
    /** The largest text message accepted: the /ws frame limit, more for a music share broadcaster. */
    volatile int maxMessageBytes;
    /** Music share push subscriptions by session id, and the sessions this connection broadcasts. */
    final Map<String, AutoCloseable> shareSubscriptions = new java.util.concurrent.ConcurrentHashMap<>();
    final java.util.Set<String> shareBroadcasts = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Written only by the heartbeat thread. */
    long nextPingMillis;

    WsConnection(long id, Map<String, String> cookies, Events events, int messagesPerSecond, int burst, int maxMessageBytes,
                 WsStats stats, long nowMillis) {
        this.id = id;
        this.maxMessageBytes = maxMessageBytes;
        this.cookies = cookies;
        this.events = events;
        this.stats = stats;
        this.lastPongMillis = nowMillis;
        this.rateLimit = bucket(messagesPerSecond, burst);
    }

    /** Sustained rate with a burst allowance on top, refilled smoothly. */
    private static Bucket bucket(int messagesPerSecond, int burst) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(messagesPerSecond, Duration.ofSeconds(1)).build())
                .build();
    }

    /**
     * Lets this client send more and larger messages from now on (a music share broadcaster).
     * Called on the connection's reading thread.
     */
    void allowMore(int messagesPerSecond, int burst, int maxMessageBytes, int socketMessageBytes) {
        this.rateLimit = bucket(messagesPerSecond, burst);
        this.maxMessageBytes = Math.max(this.maxMessageBytes, maxMessageBytes);
        WebSocketChannel socket = channel;
        if (socket != null) {
            socket.setMaxMessageBytes(socketMessageBytes);
        }
    }

    @Override
    public void onOpen(WebSocketChannel channel) {
        this.channel = channel;
        events.opened(this);
    }

    @Override
    public void onText(String text) {
        events.text(this, text);
    }

    @Override
    public void onBinary(byte[] data) {
        events.binary(this, data);
    }

    @Override
    public void onClose(int code, String reason) {
        events.closed(this);
    }

    /** Whether the client may send one more message now. */
    boolean tryAcquireMessage() {
        return rateLimit.tryConsume(1);
    }

    /** Sends a frame now (with any batched before it); never blocks. */
    void send(OutgoingFrame frame) {
        enqueue(frame, false);
    }

    /**
     * Queues a frame to go out with the next {@link #send}, so the frames one command produces for
     * this client leave in one write. A {@code send} must follow.
     */
    void sendBatched(OutgoingFrame frame) {
        enqueue(frame, true);
    }

    private void enqueue(OutgoingFrame frame, boolean batch) {
        WebSocketChannel socket = channel;
        if (socket == null) {
            return;
        }
        switch (socket.send(frame, batch)) {
            case SENT -> stats.framesSent.increment();
            case QUEUE_FULL -> {
                stats.slowConsumerDisconnects.increment();
                socket.close(WsCloseCodes.SLOW_CONSUMER, "Too many frames waiting to be sent");
            }
            case CLOSED -> {
                // Closing: the frame has nowhere to go.
            }
        }
    }

    /** Starts the close handshake once; later calls do nothing. */
    void close(int code, String reason) {
        WebSocketChannel socket = channel;
        if (socket != null) {
            socket.close(code, reason);
        }
    }

    /** True the first time only: whoever gets true runs the leave handling. */
    boolean markLeft() {
        return left.compareAndSet(false, true);
    }

    /** Whether leave handling has run (the socket closed, timed out or the server is stopping). */
    boolean hasLeft() {
        return left.get();
    }
}
