package app.chorus.loadtest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Polling listeners: each one a {@link SharePollListener} with an audio and a metadata timer and
 * a keep-alive connection for each, all driven by one {@link HttpPollLoop} thread.
 *
 * <p>Listener {@code i} starts at {@code i / connectRate} s, and its timers' phase within their
 * periods is {@code i / listeners} of the period, so the polls are spread evenly over each period
 * instead of arriving in bursts, and the connections open at the ramp's rate.
 */
final class SharePollers implements ShareAudience {

    private static final long STOP_WAIT_MILLIS = 15_000;
    private static final long REQUEST_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final List<SharePollListener> listeners = new ArrayList<>();
    private final HttpPollLoop loop;
    private final ShareRunStats stats;
    private final long audioPeriodNanos;
    private final long metadataPeriodNanos;
    private final double connectRate;

    SharePollers(ShareBenchmarkOptions options, String sessionId, ShareRunStats stats, BenchClock clock)
            throws IOException {
        this.stats = stats;
        audioPeriodNanos = options.pollAudio.toNanos();
        metadataPeriodNanos = options.pollMetadata.toNanos();
        connectRate = options.connectRate;
        URI base = options.url;
        int port = base.getPort() > 0 ? base.getPort() : 80;
        InetSocketAddress address = new InetSocketAddress(base.getHost(), port);
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve " + base.getHost());
        }
        String hostHeader = base.getRawAuthority();
        List<HttpPollConnection> connections = new ArrayList<>();
        for (int i = 0; i < options.listeners; i++) {
            connections.add(new HttpPollConnection(address));
            connections.add(new HttpPollConnection(address));
        }
        loop = new HttpPollLoop(connections, REQUEST_TIMEOUT_NANOS);
        for (int i = 0; i < options.listeners; i++) {
            listeners.add(new SharePollListener(i, loop, connections.get(2 * i), connections.get(2 * i + 1), hostHeader,
                    options.token, sessionId, stats, clock));
        }
    }

    @Override
    public void start() throws InterruptedException {
        int count = listeners.size();
        long origin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            SharePollListener listener = listeners.get(i);
            long startNanos = (long) (i * 1e9 / connectRate);
            loop.every(origin + firstTick(startNanos, audioPeriodNanos, i, count), audioPeriodNanos, listener::pollAudio);
            loop.every(origin + firstTick(startNanos, metadataPeriodNanos, i, count), metadataPeriodNanos,
                    listener::pollMetadata);
        }
        loop.start();
        Thread.sleep((long) (count * 1000 / connectRate));
    }

    /** The first time at or after {@code startNanos} that falls on listener {@code i}'s phase of the period. */
    static long firstTick(long startNanos, long periodNanos, int i, int count) {
        long phase = i * periodNanos / count;
        return startNanos + Math.floorMod(phase - startNanos, periodNanos);
    }

    @Override
    public int awaitReady(Duration timeout) throws InterruptedException {
        CompletableFuture<?> all = CompletableFuture.allOf(
                listeners.stream().map(l -> l.firstAnswer).toArray(CompletableFuture[]::new));
        try {
            all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // Reported as fewer listeners ready.
        }
        return (int) listeners.stream().filter(l -> l.firstAnswer.getNow(false)).count();
    }

    @Override
    public void stop() throws InterruptedException {
        loop.stopTimers();
        long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline && !listeners.stream().allMatch(SharePollListener::idle)) {
            Thread.sleep(20);
        }
        long busy = listeners.stream().filter(l -> !l.idle()).count();
        if (busy > 0) {
            System.out.println("warning: " + busy + " pollers still had a request in flight after "
                    + STOP_WAIT_MILLIS / 1000 + " s");
        }
        loop.stop();
    }

    @Override
    public List<ReceiptLedger> ledgers() {
        return listeners.stream().map(l -> l.ledger).toList();
    }

    @Override
    public String notes() {
        return "polls skipped in the window (the listener's previous one still waiting): " + stats.skippedPolls.sum();
    }
}
