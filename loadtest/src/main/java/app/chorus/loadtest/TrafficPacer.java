package app.chorus.loadtest;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Paces all controllers from one periodic tick. Room r sends its k-th command at
 * {@code start + k * period + r * period / rooms}, which spreads the rooms evenly over each
 * period so that the traffic is smooth rather than a burst per period. Those due times only
 * grow with the send index {@code i = k * rooms + r}, so each tick simply sends everything
 * up to "now" from a cursor.
 *
 * <p>One tick per millisecond instead of one timer per room: at 5,000 commands per second a
 * timer per room meant 5,000 thread wake-ups per second, which cost the single generator core
 * noticeably more than the sends themselves.
 */
final class TrafficPacer implements Runnable {

    private static final long TICK_MICROS = 1000;

    private final RunContext ctx;
    private final List<RoomTraffic> rooms;
    private final long periodNanos;
    private final long startNanos;
    private long nextIndex;

    TrafficPacer(RunContext ctx, List<RoomTraffic> rooms, double ratePerRoom) {
        this.ctx = ctx;
        this.rooms = rooms;
        this.periodNanos = (long) (1e9 / ratePerRoom);
        this.startNanos = System.nanoTime();
    }

    ScheduledFuture<?> start(ScheduledExecutorService scheduler) {
        return scheduler.scheduleAtFixedRate(this, 0, TICK_MICROS, TimeUnit.MICROSECONDS);
    }

    private long dueNanos(long index) {
        long k = index / rooms.size();
        long r = index % rooms.size();
        return startNanos + k * periodNanos + r * periodNanos / rooms.size();
    }

    @Override
    public void run() {
        if (rooms.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        long due;
        while ((due = dueNanos(nextIndex)) <= now) {
            // How late this send is against its schedule: if the generator falls behind, its
            // latencies are not the server's alone, so the report shows this lag.
            ctx.stats.sendLag(System.nanoTime() - due);
            rooms.get((int) (nextIndex % rooms.size())).sendNext();
            nextIndex++;
        }
    }
}
