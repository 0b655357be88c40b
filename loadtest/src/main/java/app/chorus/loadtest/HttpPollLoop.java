package app.chorus.loadtest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * The pollers' single I/O thread: one {@link Selector} for every {@link HttpPollConnection} and
 * the timers that start the polls, so that a poll, its request, its response and the bookkeeping
 * of what it brought all happen on one thread without locks or hand-offs. (The JDK's HTTP client
 * passes each 16 KB of a body between its selector thread and its executor and collects whole
 * bodies before handing them on; at 500 pollers and 250 MB/s on one core that queueing became
 * most of the latency it measured, and the bodies it held in flight most of the heap.)
 *
 * <p>Timers run at a fixed rate from their first time; a timer whose time has come while the
 * thread was busy runs as soon as it can, and its next time stays on the schedule.
 */
final class HttpPollLoop {

    private static final int READ_BUFFER_BYTES = 256 << 10;
    private static final long STOP_WAIT_MILLIS = 10_000;
    private static final long TIMEOUT_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** A periodic task: its next time and period, in {@link System#nanoTime()} terms. */
    private static final class Timer {
        long dueNanos;
        final long periodNanos;
        final Runnable task;

        Timer(long dueNanos, long periodNanos, Runnable task) {
            this.dueNanos = dueNanos;
            this.periodNanos = periodNanos;
            this.task = task;
        }
    }

    private final Selector selector;
    private final Thread thread;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos, b.dueNanos));
    private final List<HttpPollConnection> connections = new ArrayList<>();
    private final long requestTimeoutNanos;
    private volatile boolean running;
    private volatile boolean timersRunning = true;

    /** @param connections every connection the tasks use, for request time-outs and closing at the end */
    HttpPollLoop(List<HttpPollConnection> connections, long requestTimeoutNanos) throws IOException {
        this.selector = Selector.open();
        this.connections.addAll(connections);
        this.requestTimeoutNanos = requestTimeoutNanos;
        this.thread = new Thread(this::run, "share-poll-io");
        thread.setDaemon(true);
    }

    /** Adds a timer; only before {@link #start}. */
    void every(long firstDueNanos, long periodNanos, Runnable task) {
        if (running) {
            throw new IllegalStateException("timers are added before the loop starts");
        }
        timers.add(new Timer(firstDueNanos, periodNanos, task));
    }

    /** The selector the tasks start their requests with (on the loop's thread only). */
    Selector selector() {
        return selector;
    }

    void start() {
        running = true;
        thread.start();
    }

    /** No timer runs from now on; requests in flight go on. */
    void stopTimers() {
        timersRunning = false;
        selector.wakeup();
    }

    /** Ends the thread, which closes every connection. */
    void stop() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(STOP_WAIT_MILLIS);
    }

    private void run() {
        long nextTimeoutCheck = System.nanoTime() + TIMEOUT_CHECK_NANOS;
        try {
            while (running) {
                long now = System.nanoTime();
                runDueTimers(now);
                if (now - nextTimeoutCheck >= 0) {
                    expireRequests(now);
                    nextTimeoutCheck = now + TIMEOUT_CHECK_NANOS;
                }
                long wait = nextWakeUp(nextTimeoutCheck) - System.nanoTime();
                if (wait <= 0) {
                    selector.selectNow(this::onReady);
                } else {
                    selector.select(this::onReady, Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("share-poll-io: selector failed, closing all connections: " + e);
        } finally {
            for (HttpPollConnection connection : connections) {
                connection.fail("client stopped");
            }
            try {
                selector.close();
            } catch (IOException e) {
                // Every channel is closed already.
            }
        }
    }

    private void runDueTimers(long now) {
        Timer timer;
        while (timersRunning && (timer = timers.peek()) != null && timer.dueNanos - now <= 0) {
            timers.poll();
            timer.task.run();
            timer.dueNanos += timer.periodNanos;
            timers.add(timer);
        }
    }

    /** The next timer's time, or {@code otherwise} when that is sooner or no timer runs. */
    private long nextWakeUp(long otherwise) {
        Timer timer = timers.peek();
        return timersRunning && timer != null && timer.dueNanos - otherwise < 0 ? timer.dueNanos : otherwise;
    }

    private void expireRequests(long now) {
        for (HttpPollConnection connection : connections) {
            if (connection.busy() && now - connection.startedNanos() > requestTimeoutNanos) {
                connection.fail("no complete response within " + TimeUnit.NANOSECONDS.toMillis(requestTimeoutNanos) + " ms");
            }
        }
    }

    private void onReady(SelectionKey key) {
        ((HttpPollConnection) key.attachment()).onReady(readBuffer);
    }
}
