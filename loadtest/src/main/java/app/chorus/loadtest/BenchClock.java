package app.chorus.loadtest;

import java.time.Instant;

/**
 * The wall clock in microseconds, read through {@link System#nanoTime()}: one reading of the
 * wall clock at construction, then the monotonic clock's progress added to it. The broadcaster
 * stamps its chunks with {@link #nowMillis()} and the listeners (in the same process) turn their
 * receipt times into the same clock, so a latency is two readings of one clock; a wall-clock
 * step by NTP during a run cannot distort it. Thread-safe (immutable).
 */
final class BenchClock {

    private final long originNanos;
    private final long originEpochMicros;

    BenchClock() {
        Instant now = Instant.now();
        originNanos = System.nanoTime();
        originEpochMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    /** Epoch microseconds at an earlier or later {@link System#nanoTime()} reading. */
    long micros(long nanoTime) {
        return originEpochMicros + (nanoTime - originNanos) / 1000;
    }

    long nowMicros() {
        return micros(System.nanoTime());
    }

    /** Epoch milliseconds, as a broadcaster's {@code timestamp} field carries them. */
    long nowMillis() {
        return Math.floorDiv(nowMicros(), 1000);
    }
}
