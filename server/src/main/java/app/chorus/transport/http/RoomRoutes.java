package app.chorus.transport.http;

import app.chorus.rooms.RoomAccess;
import app.chorus.rooms.RoomInfo;
import app.chorus.rooms.RoomRejection;
import app.chorus.rooms.RoomSummary;
import app.chorus.rooms.Rooms;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The karaoke room HTTP routes of the original API: list, create, get, verify. Verify also sets
 * the HttpOnly proof cookie that lets this browser's /ws join a password room, and is rate limited
 * per client address. Thread-safe.
 */
final class RoomRoutes {
    private final Rooms rooms;
    private final ObjectMapper json;
    private final InstantSource clock;
    private final int verifyPerMinute;
    private final Cache<String, Bucket> verifyBuckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    RoomRoutes(Rooms rooms, ObjectMapper json, InstantSource clock, int verifyPerMinute) {
        this.rooms = rooms;
        this.json = json;
        this.clock = clock;
        this.verifyPerMinute = verifyPerMinute;
    }

    void register(RouteTable routes) {
        routes.get("/rooms", this::list);
        routes.post("/rooms/create", this::create);
        routes.get("/rooms/{room_id}", this::get);
        routes.post("/rooms/verify", this::verify);
    }

    private void list(Context context) {
        List<Map<String, Object>> listed = rooms.liveRooms().stream()
                .filter(RoomSummary::isPublic)
                .map(RoomRoutes::summary)
                .toList();
        context.json(Map.of("rooms", listed, "timestamp", seconds(clock.instant())));
    }

    private void create(Context context) {
        JsonBody body = JsonBody.of(context, json);
        String roomId = body.requiredText("room_id");
        boolean isPublic = body.optionalBoolean("is_public", true);
        String password = body.optionalText("password");
        try {
            context.json(Map.of("success", true, "room", infoWithCreation(rooms.create(roomId, isPublic, password))));
        } catch (RoomRejection rejection) {
            HttpErrors.detail(context, status(rejection), rejection.getMessage());
        }
    }

    private void get(Context context) {
        rooms.info(context.pathParam("room_id")).ifPresentOrElse(room -> context.json(infoWithCreation(room)),
                () -> HttpErrors.detail(context, 404, "Room not found"));
    }

    private void verify(Context context) {
        JsonBody body = JsonBody.of(context, json);
        String roomId = body.requiredText("room_id");
        String password = body.optionalText("password");
        Bucket bucket = verifyBuckets.get(context.ip(), address -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(verifyPerMinute).refillGreedy(verifyPerMinute, Duration.ofMinutes(1)).build())
                .build());
        if (!bucket.tryConsume(1)) {
            context.header("Retry-After", "60");
            HttpErrors.detail(context, 429, "Too many password attempts; try again in a minute");
            return;
        }
        try {
            Rooms.Verification verification = rooms.verify(roomId, password);
            if (verification.proof() != null) {
                String secure = "https".equals(context.scheme()) ? "; Secure" : "";
                context.header("Set-Cookie", RoomAccess.cookieName(roomId) + "=" + verification.proof()
                        + "; Path=/ws; Max-Age=" + rooms.proofTtl().toSeconds() + "; HttpOnly; SameSite=Strict" + secure);
            }
            context.json(Map.of("success", true, "room", info(verification.room())));
        } catch (RoomRejection rejection) {
            HttpErrors.detail(context, status(rejection), rejection.getMessage());
        }
    }

    private static int status(RoomRejection rejection) {
        return switch (rejection.errorType()) {
            case RoomRejection.NOT_FOUND -> 404;
            case RoomRejection.AUTHORIZATION_ERROR -> 401;
            case RoomRejection.LIMIT_EXCEEDED -> 503;
            case RoomRejection.INVALID -> 422;
            default -> 400;
        };
    }

    private static Map<String, Object> info(RoomInfo room) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", room.id());
        info.put("is_public", room.isPublic());
        info.put("requires_password", room.requiresPassword());
        return info;
    }

    /** What create and get answer: the verify fields plus created_at. */
    private static Map<String, Object> infoWithCreation(RoomInfo room) {
        Map<String, Object> info = info(room);
        info.put("created_at", seconds(room.createdAt()));
        return info;
    }

    static Map<String, Object> summary(RoomSummary room) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", room.id());
        summary.put("name", room.id());
        summary.put("client_count", room.clientCount());
        summary.put("controllers_count", room.controllersCount());
        summary.put("displays_count", room.displaysCount());
        summary.put("has_leader", room.hasLeader());
        summary.put("queue_length", room.queueLength());
        summary.put("is_active", true);
        summary.put("is_public", room.isPublic());
        summary.put("requires_password", room.requiresPassword());
        summary.put("created_at", seconds(room.createdAt()));
        summary.put("current_song", room.currentSong());
        return summary;
    }

    static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }
}
