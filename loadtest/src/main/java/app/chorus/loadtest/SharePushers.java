package app.chorus.loadtest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Push listeners: one /ws connection each ({@link SharePushListener}), all on the generator's own
 * {@link WsClient}, whose single I/O thread reads every socket. Connections open at the ramp's
 * rate; each subscribes as soon as it is open.
 */
final class SharePushers implements ShareAudience {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final long CLOSE_WAIT_SECONDS = 15;

    private final List<SharePushListener> listeners = new ArrayList<>();
    private final WsClient client;
    private final URI wsUrl;
    private final double connectRate;

    SharePushers(ShareBenchmarkOptions options, String sessionId, ShareJson json, ShareRunStats stats, BenchClock clock)
            throws IOException {
        client = new WsClient(CONNECT_TIMEOUT);
        wsUrl = options.wsUrl();
        connectRate = options.connectRate;
        for (int i = 0; i < options.listeners; i++) {
            listeners.add(new SharePushListener(i, sessionId, json, stats, clock));
        }
    }

    @Override
    public void start() {
        client.start();
        long intervalNanos = (long) (1e9 / connectRate);
        long start = System.nanoTime();
        for (int i = 0; i < listeners.size(); i++) {
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            SharePushListener listener = listeners.get(i);
            client.connect(listener, wsUrl).whenComplete((upgraded, error) -> {
                if (error != null) {
                    listener.connectFailed(error);
                }
            });
        }
    }

    @Override
    public int awaitReady(Duration timeout) throws InterruptedException {
        CompletableFuture<?> all = CompletableFuture.allOf(
                listeners.stream().map(l -> l.subscribed).toArray(CompletableFuture[]::new));
        try {
            all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // Reported as fewer listeners ready.
        }
        return (int) listeners.stream().filter(l -> l.subscribed.getNow(false)).count();
    }

    @Override
    public void stop() throws InterruptedException {
        listeners.forEach(SharePushListener::close);
        CompletableFuture<?> all = CompletableFuture.allOf(
                listeners.stream().map(l -> l.closed).toArray(CompletableFuture[]::new));
        try {
            all.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            System.out.println("warning: not every push connection closed within " + CLOSE_WAIT_SECONDS + " s");
        }
        client.stop();
    }

    @Override
    public List<ReceiptLedger> ledgers() {
        return listeners.stream().map(l -> l.ledger).toList();
    }

    @Override
    public String notes() {
        return "";
    }
}
