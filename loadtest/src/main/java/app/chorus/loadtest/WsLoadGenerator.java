package app.chorus.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * WebSocket load generator for the Chorus {@code /ws} endpoint.
 *
 * <p>Phases: read the server's baseline memory, open all connections at a steady rate (each
 * handshakes and joins its room), stay idle and read the memory again, then let every room's
 * controller send commands at a fixed rate: first a warm-up, then the measured window, in
 * which every client counts the broadcasts it receives and their latency.
 *
 * <p>Everything is asynchronous so that one JVM on a small machine can hold 10,000
 * connections: one I/O thread of our own {@link WsClient} does all connecting and receiving,
 * and one scheduler paces all controllers.
 */
public final class WsLoadGenerator {
    /** Seconds between the generator's own collection and the measured window. */
    private static final int GC_SETTLE_SECONDS = 10;


    /** Exit code for a run that could not get going (no client could connect and join). */
    static final int EXIT_SETUP_FAILURE = 2;
    private static final long PROGRESS_SECONDS = 1;
    private static final long DRAIN_MILLIS = 3000;
    private static final long CLOSE_WAIT_SECONDS = 15;
    /** TCP connect plus WebSocket upgrade; longer counts as a failed connect. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private final LoadTestOptions options;
    private final RunContext ctx = new RunContext();
    private final RunReport report;

    private WsLoadGenerator(LoadTestOptions options) {
        this.options = options;
        this.report = new RunReport(ctx, options, System.out);
    }

    public static void main(String[] args) {
        LoadTestOptions options;
        try {
            options = LoadTestOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(LoadTestOptions.usage());
            System.exit(EXIT_SETUP_FAILURE);
            return;
        }
        if (options.help) {
            System.out.print(LoadTestOptions.usage());
            return;
        }
        int code;
        try {
            code = new WsLoadGenerator(options).run();
        } catch (Exception e) {
            System.err.println("load test failed: " + e);
            e.printStackTrace();
            code = EXIT_SETUP_FAILURE;
        }
        System.out.flush();
        // All our threads are stopped by now; exit explicitly anyway so that a stray
        // non-daemon thread of a library can never keep a finished run alive.
        System.exit(code);
    }

    private int run() throws Exception {
        // One thread paces all controllers and prints progress: both are short, non-blocking
        // tasks, and a single thread avoids hand-offs between timer threads.
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lt-scheduler");
            t.setDaemon(true);
            return t;
        });
        WsClient client = new WsClient(CONNECT_TIMEOUT);
        List<ClientConnection> clients = List.of();
        ServerMemoryProbe.Reading baseline;
        ServerMemoryProbe.Reading idle;
        long idleConnections;
        try (ServerMemoryProbe probe = new ServerMemoryProbe(options.serverPid, options.healthUrl)) {
            report.phase("baseline memory reading");
            baseline = probe.read();
            System.out.println("server before connecting: " + baseline.describe());

            client.start();
            scheduler.scheduleAtFixedRate(report::printProgress, PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);

            report.phase("ramp-up (" + options.totalClients() + " clients at " + options.connectRate + "/s)");
            ConnectionRamp ramp = new ConnectionRamp(ctx, options, client);
            clients = ramp.createClients();
            ramp.connectAll(clients);
            if (ctx.stats.joined.sum() == 0) {
                System.out.println("setup failure: no client could connect and join " + options.url);
                return EXIT_SETUP_FAILURE;
            }
            report.printProgress();

            report.phase("idle");
            sleepSeconds(options.idleSeconds);
            idleConnections = ctx.stats.open.get();
            idle = probe.read();
            System.out.println("server with idle connections: " + idle.describe());

            report.phase("warm-up");
            ScheduledFuture<?> traffic = startTraffic(scheduler, clients);
            double settle = Math.min(GC_SETTLE_SECONDS, options.warmupSeconds / 2);
            sleepSeconds(options.warmupSeconds - settle);
            // Empty the generator's own heap inside the warm-up, early enough for the backlog of its
            // pause to drain before measuring: its young generation then outlasts the measured
            // window, and no pause of the measuring instrument lands in the figures it reports.
            System.gc();
            sleepSeconds(settle);
            report.phase("measure");
            ctx.stats.startMeasuring(probe::cpuNanos);
            sleepSeconds(options.durationSeconds);
            ctx.stats.stopMeasuring();

            report.phase("drain");
            traffic.cancel(false);
            awaitOutstandingAcks();
        } finally {
            closeAll(clients);
            client.stop();
            scheduler.shutdownNow();
        }
        Histogram latency = ctx.stats.takeLatencyHistogram();
        report.printFinal(latency, ctx.stats.takeSendLagHistogram(), baseline, idle, idleConnections);
        return 0;
    }

    /** Starts the pacer for every room whose controller joined; rooms without one stay silent. */
    private ScheduledFuture<?> startTraffic(ScheduledExecutorService scheduler, List<ClientConnection> clients) {
        List<RoomTraffic> rooms = new ArrayList<>(options.rooms);
        for (ClientConnection c : clients) {
            if (c.controller && c.isJoined()) {
                rooms.add(new RoomTraffic(ctx, c));
            }
        }
        System.out.println("traffic: " + rooms.size() + " controllers sending");
        return new TrafficPacer(ctx, rooms, options.rate).start(scheduler);
    }

    /** Gives in-flight commands a moment to be acknowledged so that "unanswered" means lost. */
    private void awaitOutstandingAcks() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        LoadStats s = ctx.stats;
        while (System.nanoTime() < deadline
                && s.acksOk.sum() + s.acksFailed.sum() < s.acksExpected.sum()) {
            Thread.sleep(50);
        }
    }

    /** Closes every connection with a normal close frame and waits (bounded) for the replies. */
    private void closeAll(List<ClientConnection> clients) {
        ctx.shuttingDown = true;
        report.phase("closing " + ctx.stats.open.get() + " connections");
        for (ClientConnection c : clients) {
            c.close();
        }
        CompletableFuture<?> all = CompletableFuture.allOf(
                clients.stream().map(c -> c.closed).toArray(CompletableFuture[]::new));
        try {
            all.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.out.println("warning: " + ctx.stats.open.get() + " connections did not close in "
                    + CLOSE_WAIT_SECONDS + " s; stopping the client anyway");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("close futures never fail", e);
        }
    }

    private static void sleepSeconds(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }
}
