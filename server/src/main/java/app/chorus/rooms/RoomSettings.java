package app.chorus.rooms;

import java.time.Instant;

/**
 * A room's access settings.
 *
 * @param passwordHash Argon2id hash in PHC format, or null when the room has no password
 */
public record RoomSettings(boolean isPublic, String passwordHash, Instant createdAt) {
    public boolean requiresPassword() {
        return passwordHash != null;
    }
}
