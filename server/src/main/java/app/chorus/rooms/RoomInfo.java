package app.chorus.rooms;

import java.time.Instant;

/** What HTTP tells about a room: {@code {id, is_public, requires_password, created_at}}. */
public record RoomInfo(String id, boolean isPublic, boolean requiresPassword, Instant createdAt) {
    static RoomInfo of(String id, RoomSettings settings) {
        return new RoomInfo(id, settings.isPublic(), settings.requiresPassword(), settings.createdAt());
    }
}
