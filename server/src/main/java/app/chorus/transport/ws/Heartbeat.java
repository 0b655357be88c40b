package app.chorus.transport.ws;

import app.chorus.config.Config;
import java.time.InstantSource;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code ping} to every connection each ping interval (from connect on, so even a client that
 * never handshakes is reaped when it goes silent) and disconnects a connection whose last pong is
 * older than the pong timeout, then runs normal leave handling. The timeout sweep runs far more
 * often than pings so a silent client goes close to the configured time, not up to a ping later.
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
        long pingMillis = limits.pingInterval().toMillis();
        long sweepMillis = Math.clamp(limits.pongTimeout().toMillis() / 20, 50, 5000);
        scheduler.scheduleAtFixedRate(this::pingAll, pingMillis, pingMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(this::dropSilent, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    private void pingAll() {
        try {
            String ping = frames.ping();
            for (WsConnection connection : connections) {
                connection.send(ping);
            }
        } catch (RuntimeException e) {
            // A failure must not cancel the schedule: log it and try again next time.
            LOG.error("Sending pings failed", e);
        }
    }

    private void dropSilent() {
        try {
            dropSilentConnections();
        } catch (RuntimeException e) {
            LOG.error("Heartbeat timeout sweep failed", e);
        }
    }

    private void dropSilentConnections() {
        long deadline = clock.millis() - limits.pongTimeout().toMillis();
        for (WsConnection connection : connections) {
            if (connection.lastPongMillis < deadline) {
                stats.heartbeatTimeouts.increment();
                connection.close(WsCloseCodes.HEARTBEAT_TIMEOUT, "No pong within " + limits.pongTimeout().toSeconds() + " s");
                leave.accept(connection);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
