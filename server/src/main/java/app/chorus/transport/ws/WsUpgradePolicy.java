package app.chorus.transport.ws;

import app.chorus.config.Config;
import app.chorus.transport.websocket.UpgradeRefused;
import app.chorus.transport.websocket.UpgradeRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Decides whether a WebSocket upgrade may proceed: the connection limit, and the Origin check that
 * stops other web sites from driving a visitor's browser into a room (cross-site WebSocket
 * hijacking). Allowed: no Origin (not a browser), the server's own origin, localhost, and the
 * configured origins ({@code *} for any). Thread-safe.
 */
final class WsUpgradePolicy {
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Config.Server server;
    private final int maxConnections;
    private final IntSupplier openConnections;
    private final WsStats stats;

    WsUpgradePolicy(Config.Server server, int maxConnections, IntSupplier openConnections, WsStats stats) {
        this.server = server;
        this.maxConnections = maxConnections;
        this.openConnections = openConnections;
        this.stats = stats;
    }

    /** Refuses with 403 for a foreign origin, else 503 when the server is full. */
    void check(UpgradeRequest request) throws UpgradeRefused {
        String origin = request.origin();
        if (!originAllowed(origin, request.host())) {
            stats.refusedConnections.increment();
            throw new UpgradeRefused(403, "Origin not allowed: " + origin);
        }
        if (openConnections.getAsInt() >= maxConnections) {
            stats.refusedConnections.increment();
            throw new UpgradeRefused(503, "Too many connections (limit " + maxConnections + ")");
        }
    }

    boolean originAllowed(String origin, String hostHeader) {
        if (origin == null || server.anyOrigin()) {
            return true;
        }
        if (server.allowedOrigins().stream().anyMatch(allowed -> allowed.equalsIgnoreCase(origin))) {
            return true;
        }
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getHost() == null) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (LOCAL_HOSTS.contains(host)) {
            return true;
        }
        String authority = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
        return hostHeader != null && (hostHeader.equalsIgnoreCase(authority) || hostHeader.equalsIgnoreCase(host)
                && uri.getPort() < 0);
    }
}
