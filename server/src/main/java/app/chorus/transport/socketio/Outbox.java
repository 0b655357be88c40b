package app.chorus.transport.socketio;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where room and job events wait to be sent to Socket.IO clients: one thread takes them in
 * order and runs each under the {@link EngineLock}. The publisher (a room command holding its
 * room's lock, a job worker) only queues, so it never waits for the engine, and the engine's
 * event handlers may run room commands without a lock-order cycle.
 *
 * <p>The queue is bounded ({@code socketio-outbox-size}): when the clients cannot keep up the
 * newest sends are dropped and counted, and the pages catch up on the next event or refetch.
 * Thread-safe.
 */
final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private static final Runnable STOP = () -> { };

    private final EngineLock lock;
    private final BlockingQueue<Runnable> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread worker;
    private volatile boolean closed;

    Outbox(EngineLock lock, int capacity) {
        this.lock = lock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = Thread.ofPlatform().name("socketio-outbox").daemon(true).start(this::drain);
    }

    /** Queues a send; false (and counted) when the outbox is full or closed. */
    boolean post(Runnable send) {
        if (closed || !queue.offer(send)) {
            long count = dropped.incrementAndGet();
            if (!closed && (count == 1 || count % 1000 == 0)) {
                LOG.warn("Socket.IO outbox full: {} sends dropped so far", count);
            }
            return false;
        }
        return true;
    }

    /** Sends dropped because the outbox was full or closed. */
    long dropped() {
        return dropped.get();
    }

    private void drain() {
        while (true) {
            Runnable send;
            try {
                send = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (send == STOP) {
                return;
            }
            try {
                lock.run(send::run);
            } catch (RuntimeException e) {
                // A socket closing while we send: the event is lost for that socket only.
                LOG.debug("Socket.IO send failed", e);
            }
        }
    }

    /** Sends what is queued, then stops the thread (waiting up to a second for it). */
    @Override
    public void close() {
        closed = true;
        // A full queue has no room for the marker: then the thread is interrupted after the wait.
        queue.offer(STOP);
        try {
            worker.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.interrupt();
    }
}
