package app.chorus.transport.ws;

import app.chorus.rooms.ClientType;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One /ws client. Frames are handled one at a time per connection (Jetty delivers them in order),
 * so {@code clientType} and {@code roomId} are written by that one thread; they are volatile
 * because the heartbeat and room broadcasts read them from others. Sends are asynchronous and
 * counted: a client that lets more than the configured number of frames pile up is cut off
 * rather than allowed to grow the server's memory.
 */
final class WsConnection {
    final long id;
    final Session session;
    private final CoreSession coreSession;
    private final Callback frameWritten;
    /** The room proof cookies sent with the upgrade, by name. */
    final Map<String, String> cookies;
    private final Bucket rateLimit;
    private final int maxPendingFrames;
    private final WsStats stats;
    private final AtomicInteger pendingFrames = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean left = new AtomicBoolean();
    volatile ClientType clientType;
    volatile String roomId;
    volatile long lastPongMillis;
    /** Written only by the heartbeat thread. */
    long nextPingMillis;

    WsConnection(long id, Session session, Map<String, String> cookies, int messagesPerSecond, int burst,
                 int maxPendingFrames, WsStats stats, long nowMillis) {
        this.id = id;
        this.session = session;
        // Jetty's API session hides batching; its core session can queue frames and flush them together.
        this.coreSession = ((WebSocketSession) session).getCoreSession();
        this.frameWritten = Callback.from(pendingFrames::decrementAndGet, failure -> pendingFrames.decrementAndGet());
        this.cookies = cookies;
        this.maxPendingFrames = maxPendingFrames;
        this.stats = stats;
        this.lastPongMillis = nowMillis;
        // Sustained rate with a burst allowance on top, refilled smoothly.
        this.rateLimit = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(messagesPerSecond, Duration.ofSeconds(1)).build())
                .build();
    }

    /** Whether the client may send one more message now. */
    boolean tryAcquireMessage() {
        return rateLimit.tryConsume(1);
    }

    /** Queues a text frame and writes it out now; never blocks. */
    void send(byte[] utf8Frame) {
        enqueue(utf8Frame, false);
    }

    /**
     * Queues a text frame to go out with the next unbatched frame ({@link #send}), so the frames
     * one command produces for this client leave in one write.
     */
    void sendBatched(byte[] utf8Frame) {
        enqueue(utf8Frame, true);
    }

    private void enqueue(byte[] utf8Frame, boolean batch) {
        if (closed.get()) {
            return;
        }
        if (pendingFrames.incrementAndGet() > maxPendingFrames) {
            pendingFrames.decrementAndGet();
            stats.slowConsumerDisconnects.increment();
            close(WsCloseCodes.SLOW_CONSUMER, "Too many frames waiting to be sent");
            return;
        }
        stats.framesSent.increment();
        // The byte array is shared by every recipient of a broadcast; each frame wraps its own view.
        coreSession.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(utf8Frame)), frameWritten, batch);
    }

    /** Closes the socket once; later calls do nothing. */
    void close(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            session.close(code, reason, org.eclipse.jetty.websocket.api.Callback.NOOP);
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
