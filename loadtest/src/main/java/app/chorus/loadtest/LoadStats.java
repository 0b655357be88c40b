package app.chorus.loadtest;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counters shared by every connection. Receiving threads update them concurrently, so they
 * are LongAdders (cheap under contention) and latencies go into an HdrHistogram Recorder,
 * which accepts concurrent writers without locks.
 */
final class LoadStats {

    /** Latencies above a minute are clamped: by then the run is meaningless anyway. */
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(1);
    /** How many error texts to echo to stderr, so a broken contract is visible without a flood. */
    private static final int ERROR_SAMPLES = 5;

    private final Recorder latencyMicros = new Recorder(MAX_LATENCY_MICROS, 3);
    /** The same samples, warm-up included, emptied by every progress line: shows when latency rises. */
    private final Recorder recentLatencyMicros = new Recorder(MAX_LATENCY_MICROS, 2);
    /** How late the controllers' sends were against their schedule (the generator's own lag). */
    private final Recorder sendLagMicros = new Recorder(MAX_LATENCY_MICROS, 2);

    /** Deliveries are only counted towards the report while this is set (not in warm-up). */
    private volatile boolean measuring;
    private long measureStartNanos;
    private long measureEndNanos;
    private long measureStartCpuNanos;
    private long measureEndCpuNanos;
    private LongSupplier serverCpuNanos = () -> -1;
    private long measureStartServerCpuNanos = -1;
    private long measureEndServerCpuNanos = -1;

    final AtomicInteger open = new AtomicInteger();
    final LongAdder opened = new LongAdder();
    final LongAdder connectFailed = new LongAdder();
    final LongAdder joined = new LongAdder();
    final LongAdder joinFailed = new LongAdder();
    final LongAdder closedByServer = new LongAdder();

    /** Every broadcast received after joining, warm-up included: feeds the progress lines. */
    final LongAdder allDeliveries = new LongAdder();
    final LongAdder measuredDeliveries = new LongAdder();
    final LongAdder measuredQueueUpdates = new LongAdder();
    final LongAdder measuredPlayerStates = new LongAdder();
    final LongAdder latencySamples = new LongAdder();

    final LongAdder commandsSent = new LongAdder();
    final LongAdder acksExpected = new LongAdder();
    final LongAdder acksOk = new LongAdder();
    final LongAdder acksFailed = new LongAdder();
    final LongAdder errorFrames = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder unparseableFrames = new LongAdder();
    final LongAdder pingsAnswered = new LongAdder();
    private final AtomicInteger samplesPrinted = new AtomicInteger();
    private long[] measureStartGc = {0, 0};
    private long[] measureEndGc = {0, 0};

    /** @param serverCpuNanos the server process's CPU time so far, or -1 (see ServerMemoryProbe) */
    void startMeasuring(LongSupplier serverCpuNanos) {
        this.serverCpuNanos = serverCpuNanos;
        measureStartGc = generatorGc();
        latencyMicros.reset();
        sendLagMicros.reset();
        measureStartServerCpuNanos = serverCpuNanos.getAsLong();
        measureStartCpuNanos = processCpuNanos();
        measureStartNanos = System.nanoTime();
        measuring = true;
    }

    void stopMeasuring() {
        measuring = false;
        measureEndGc = generatorGc();
        measureEndNanos = System.nanoTime();
        measureEndCpuNanos = processCpuNanos();
        measureEndServerCpuNanos = serverCpuNanos.getAsLong();
    }

    /**
     * CPU cores this generator used while measuring, or -1 if unknown. Latencies are only
     * the server's if the generator itself had CPU to spare, so the report shows this.
     */
    double measuredGeneratorCores() {
        return coresWhileMeasuring(measureStartCpuNanos, measureEndCpuNanos);
    }

    /**
     * CPU cores the server used while measuring (all its threads, user and kernel time, which
     * includes the loopback network work done on its behalf), or -1 if unknown.
     */
    double measuredServerCores() {
        return coresWhileMeasuring(measureStartServerCpuNanos, measureEndServerCpuNanos);
    }

    /** CPU time used between two readings over the measured wall time, or -1 if either is unknown. */
    private double coresWhileMeasuring(long startCpuNanos, long endCpuNanos) {
        if (startCpuNanos < 0 || endCpuNanos < 0 || measureEndNanos <= measureStartNanos) {
            return -1;
        }
        return (double) (endCpuNanos - startCpuNanos) / (measureEndNanos - measureStartNanos);
    }

    /** The generator's own collections while measuring: {count, milliseconds}. Its pauses delay every reading. */
    long[] generatorGcWhileMeasuring() {
        return new long[] {measureEndGc[0] - measureStartGc[0], measureEndGc[1] - measureStartGc[1]};
    }

    /** This process's collections so far: {count, milliseconds}. */
    static long[] generatorGc() {
        long count = 0;
        long millis = 0;
        for (java.lang.management.GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /** CPU time this process used so far, or -1 where the JVM cannot tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    double measuredSeconds() {
        return (measureEndNanos - measureStartNanos) / 1e9;
    }

    /**
     * Records one broadcast received by a joined client.
     *
     * @param latencyNanos receive time minus embedded send time, or a negative value when the
     *                     frame carried no fresh send time
     */
    void delivery(boolean queueUpdate, long latencyNanos) {
        allDeliveries.increment();
        if (latencyNanos >= 0) {
            recentLatencyMicros.recordValue(Math.min(MAX_LATENCY_MICROS, latencyNanos / 1000));
        }
        if (!measuring) {
            return;
        }
        measuredDeliveries.increment();
        (queueUpdate ? measuredQueueUpdates : measuredPlayerStates).increment();
        if (latencyNanos >= 0) {
            latencySamples.increment();
            latencyMicros.recordValue(Math.min(MAX_LATENCY_MICROS, latencyNanos / 1000));
        }
    }

    void sendLag(long lagNanos) {
        if (measuring) {
            sendLagMicros.recordValue(Math.max(0, Math.min(MAX_LATENCY_MICROS, lagNanos / 1000)));
        }
    }

    /** Prints the first few problems verbatim: counts alone do not say what went wrong. */
    void sample(String what, String text) {
        if (samplesPrinted.getAndIncrement() < ERROR_SAMPLES) {
            String shown = text.length() > 300 ? text.substring(0, 300) + "..." : text;
            System.err.println("[sample " + what + "] " + shown);
        }
    }

    /** Latencies since the previous call, for the progress lines. */
    Histogram takeRecentLatencyHistogram() {
        return recentLatencyMicros.getIntervalHistogram();
    }

    Histogram takeLatencyHistogram() {
        return latencyMicros.getIntervalHistogram();
    }

    Histogram takeSendLagHistogram() {
        return sendLagMicros.getIntervalHistogram();
    }
}
