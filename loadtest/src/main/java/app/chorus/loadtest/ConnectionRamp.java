package app.chorus.loadtest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Opens all connections at a steady rate and waits for their joins. Connects are
 * asynchronous; the only thread that waits is the caller, which paces the attempts. A cap on
 * attempts in flight keeps a slow server from piling up thousands of pending upgrades.
 */
final class ConnectionRamp {

    /** At most this many connects/joins outstanding at once. */
    private static final int MAX_IN_FLIGHT = 1000;
    /** How long the last joins may take after the last connect was started. */
    private static final long JOIN_GRACE_SECONDS = 30;
    /** Failures without a single successful join after which the ramp is abandoned. */
    private static final int GIVE_UP_AFTER_FAILURES = 100;

    private final RunContext ctx;
    private final LoadTestOptions options;
    private final WsClient client;

    ConnectionRamp(RunContext ctx, LoadTestOptions options, WsClient client) {
        this.ctx = ctx;
        this.options = options;
        this.client = client;
    }

    /** Creates the clients room by room: index 0 of each room is its controller. */
    List<ClientConnection> createClients() {
        List<ClientConnection> clients = new ArrayList<>(options.totalClients());
        int clientIndex = 0;
        for (int room = 0; room < options.rooms; room++) {
            String roomIdJson = OutgoingMessages.jsonString(options.roomPrefix + "-" + room);
            for (int member = 0; member < options.clientsPerRoom; member++) {
                clients.add(new ClientConnection(ctx, clientIndex++, room, member == 0, roomIdJson));
            }
        }
        return clients;
    }

    /** Connects every client at --connect-rate, then waits for the joins to settle. */
    void connectAll(List<ClientConnection> clients) throws InterruptedException {
        URI uri = options.url;
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long intervalNanos = (long) (1e9 / options.connectRate);
        long start = System.nanoTime();
        for (int i = 0; i < clients.size(); i++) {
            if (nothingWorks()) {
                System.out.printf("giving up after %d failed connects and no successful join%n",
                        ctx.stats.connectFailed.sum() + ctx.stats.joinFailed.sum());
                for (ClientConnection rest : clients.subList(i, clients.size())) {
                    rest.joinResult.complete(false);
                    rest.closed.complete(null);
                }
                break;
            }
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire(JOIN_GRACE_SECONDS, TimeUnit.SECONDS)) {
                // The server stopped answering joins; carry on so the run still ends and reports.
                System.out.println("warning: " + MAX_IN_FLIGHT + " joins pending for "
                        + JOIN_GRACE_SECONDS + " s, connecting anyway");
            }
            ClientConnection c = clients.get(i);
            c.joinResult.whenComplete((ok, error) -> inFlight.release());
            try {
                client.connect(c, uri).whenComplete((upgraded, error) -> {
                    if (error != null) {
                        connectFailed(c, error);
                    }
                });
            } catch (Exception e) {
                connectFailed(c, e);
            }
        }
        awaitJoins(clients);
    }

    /**
     * True when the server is plainly unreachable or rejecting everyone, so that a run
     * against a dead server fails within seconds instead of trying all 10,000 clients.
     */
    private boolean nothingWorks() {
        long failures = ctx.stats.connectFailed.sum() + ctx.stats.joinFailed.sum();
        return ctx.stats.joined.sum() == 0 && failures >= Math.min(GIVE_UP_AFTER_FAILURES, options.totalClients());
    }

    private void connectFailed(ClientConnection c, Throwable error) {
        ctx.stats.connectFailed.increment();
        ctx.stats.sample("connect failed", String.valueOf(error));
        c.joinResult.complete(false);
        c.closed.complete(null);
    }

    private void awaitJoins(List<ClientConnection> clients) throws InterruptedException {
        CompletableFuture<?> all = CompletableFuture.allOf(
                clients.stream().map(c -> c.joinResult).toArray(CompletableFuture[]::new));
        try {
            all.get(JOIN_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            long pending = clients.stream().filter(c -> !c.joinResult.isDone()).count();
            System.out.printf("warning: %d joins still pending after %d s; counting them as failed%n",
                    pending, JOIN_GRACE_SECONDS);
            for (ClientConnection c : clients) {
                if (c.joinResult.complete(false)) {
                    ctx.stats.joinFailed.increment();
                }
            }
        }
    }
}
