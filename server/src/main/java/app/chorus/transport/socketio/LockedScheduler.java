package app.chorus.transport.socketio;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The timer engine.io-server and socket.io-server schedule their pings, ping time-outs and
 * connect time-outs on: each task runs under the {@link EngineLock}, like every other entry
 * into the libraries. They only use {@link #schedule(Runnable, long, TimeUnit)}.
 */
final class LockedScheduler extends ScheduledThreadPoolExecutor {
    private final EngineLock lock;

    LockedScheduler(EngineLock lock) {
        super(1, Thread.ofPlatform().name("socketio-timer").daemon(true).factory());
        this.lock = lock;
        // Ping tasks are rescheduled on every pong; cancelled ones must not pile up in the queue.
        setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return super.schedule(lock.guard(command), delay, unit);
    }
}
