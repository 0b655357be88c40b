package app.chorus.transport.ws;

import app.chorus.config.Config;
import app.chorus.transport.websocket.OutgoingFrame;
import java.time.InstantSource;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code ping} to every connection once per ping interval (from connect on, so even a client
 * that never handshakes is reaped when it goes silent) and disconnects a connection whose last pong
 * is older than the pong timeout, then runs normal leave handling. One sweep, many times per
 * interval, does both: each connection is pinged on its own schedule, so pings are spread evenly
 * over the interval, and a silent client goes close to the configured time.
 */
final class Heartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
    private final Collection<WsConnection> connections;
    private final WsFrames frames;
    private final InstantSource clock;
    private final Config.WebSocket limits;
    private final WsStats stats;
    private final Consumer<WsConnection> leave;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chorus-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    Heartbeat(Collection<WsConnection> connections, WsFrames frames, InstantSource clock, Config.WebSocket limits,
              WsStats stats, Consumer<WsConnection> leave) {
        this.connections = connections;
        this.frames = frames;
        this.clock = clock;
        this.limits = limits;
        this.stats = stats;
        this.leave = leave;
    }

    void start() {
        long sweepMillis = sweepMillis(limits);
        scheduler.scheduleAtFixedRate(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * How often the sweep runs: often enough that pings are spread evenly and a silent client goes
     * close to its timeout, rarely enough to cost nothing.
     */
    static long sweepMillis(Config.WebSocket limits) {
        long forPings = limits.pingInterval().toMillis() / 30;
        long forTimeouts = limits.pongTimeout().toMillis() / 20;
        return Math.clamp(Math.min(forPings, forTimeouts), 20, 1000);
    }

    /**
     * When a new connection gets its first ping: a random point within the first interval, so the
     * pings (and the pongs they bring back) of clients that connected together do not arrive as
     * one burst that stalls every room at once.
     */
    long firstPingMillis(long connectedMillis) {
        return connectedMillis + ThreadLocalRandom.current().nextLong(1, limits.pingInterval().toMillis() + 1);
    }

    private void sweep() {
        try {
            long now = clock.millis();
            long deadline = now - limits.pongTimeout().toMillis();
            OutgoingFrame ping = null;
            for (WsConnection connection : connections) {
                if (connection.lastPongMillis < deadline) {
                    stats.heartbeatTimeouts.increment();
                    connection.close(WsCloseCodes.HEARTBEAT_TIMEOUT, "No pong within " + limits.pongTimeout().toSeconds() + " s");
                    leave.accept(connection);
                } else if (connection.nextPingMillis <= now) {
                    if (ping == null) {
                        ping = frames.ping();
                    }
                    connection.nextPingMillis = now + limits.pingInterval().toMillis();
                    connection.send(ping);
                }
            }
        } catch (RuntimeException e) {
            // A failure must not cancel the schedule: log it and try again next time.
            LOG.error("Heartbeat sweep failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
