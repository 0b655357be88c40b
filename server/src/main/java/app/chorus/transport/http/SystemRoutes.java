package app.chorus.transport.http;

import app.chorus.rooms.RoomSummary;
import app.chorus.rooms.Rooms;
import app.chorus.transport.ws.WsGateway;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Liveness, health figures, the OpenAPI document and Swagger UI. Thread-safe. */
final class SystemRoutes {
    private final Rooms rooms;
    private final WsGateway gateway;
    private final InstantSource clock;
    private final Instant startedAt;
    private final String databaseKind;
    private final String openApi;
    private final String docsPage;
    private final java.util.function.Supplier<Map<String, Object>> imports;
    private final java.util.function.Supplier<Map<String, Object>> sources;
    private final java.util.function.Supplier<Map<String, Object>> socketIo;
    private final java.util.function.Supplier<Map<String, Object>> shares;
    private final String sharePathPrefix;

    SystemRoutes(Rooms rooms, WsGateway gateway, InstantSource clock, String databaseKind,
                 java.util.function.Supplier<Map<String, Object>> imports,
                 java.util.function.Supplier<Map<String, Object>> sources,
                 java.util.function.Supplier<Map<String, Object>> socketIo,
                 java.util.function.Supplier<Map<String, Object>> shares, String sharePathPrefix) {
        this.shares = shares;
        this.sharePathPrefix = sharePathPrefix;
        this.imports = imports;
        this.sources = sources;
        this.socketIo = socketIo;
        this.rooms = rooms;
        this.gateway = gateway;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.databaseKind = databaseKind;
        this.openApi = resource("/openapi.json");
        Properties build = new Properties();
        try {
            build.load(new StringReader(resource("/chorus-build.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.docsPage = resource("/docs.html").replace("${swagger.ui.version}", build.getProperty("swagger.ui.version"));
    }

    void register(RouteTable routes) {
        routes.get("/heartbeat", context -> context.json(Map.of("status", "ok", "timestamp", clock.millis())));
        routes.get("/health", this::health);
        if (!sharePathPrefix.isEmpty()) {
            // The music share spec's monitoring looks for /health beside its API.
            routes.get(sharePathPrefix + "/health", this::health);
        }
        routes.get("/openapi.json", context -> context.contentType("application/json").result(openApi));
        routes.get("/docs", context -> context.html(docsPage));
    }

    private void health(Context context) {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "healthy");
        health.put("timestamp", clock.millis() / 1000.0);
        health.put("uptime_seconds", (clock.millis() - startedAt.toEpochMilli()) / 1000.0);
        health.putAll(gateway.clientCounts());
        health.put("connections", gateway.stats().counters());
        health.put("socketio", socketIo.get());
        var live = rooms.liveRooms();
        health.put("active_rooms_count", live.size());
        Map<String, Object> leadership = new LinkedHashMap<>();
        for (RoomSummary room : live) {
            Map<String, Object> leader = new LinkedHashMap<>();
            leader.put("has_leader", room.hasLeader());
            leader.put("leader_connection_id", room.leaderConnectionId());
            leader.put("controllers_count", room.controllersCount());
            leadership.put(room.id(), leader);
        }
        health.put("room_leadership", leadership);
        health.put("rooms", live.stream().map(RoomRoutes::summary).toList());
        Map<String, Object> search = new LinkedHashMap<>(sources.get());
        health.put("cache", Map.of("rooms_loaded", rooms.loadedRooms(), "search", search.remove("search_cache"),
                "video_url", search.remove("video_url_cache")));
        health.put("sources", search);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        health.put("memory", Map.of("heap_used_bytes", heap.getUsed(), "heap_committed_bytes", heap.getCommitted(),
                "heap_max_bytes", heap.getMax()));
        health.put("database", databaseKind);
        health.put("imports", imports.get());
        Map<String, Object> share = shares.get();
        // The music share spec's own names, beside ours.
        health.put("activeSessions", share.get("active_sessions"));
        health.put("share", share);
        context.json(health);
    }

    private static String resource(String name) {
        try (InputStream input = SystemRoutes.class.getResourceAsStream(name)) {
            if (input == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
