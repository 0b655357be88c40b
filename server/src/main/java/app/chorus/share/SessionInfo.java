package app.chorus.share;

/**
 * A session as a store reports it.
 *
 * @param id               the 6-digit id
 * @param active           false once stopped (then readable until {@code expiresAt}, the end of its grace)
 * @param startTime        server time of the start, ms
 * @param lastActivity     server time of the broadcaster's latest request, ms
 * @param expiresAt        server time the session ends unless the broadcaster is heard again (or, stopped, is deleted)
 * @param bytesTransferred audio bytes received (decoded), all chunks counted once
 * @param listenerCount    distinct listeners seen within the listener window
 * @param title            title of the latest metadata, or null
 * @param artist           artist of the latest metadata, or null
 */
public record SessionInfo(String id, boolean active, long startTime, long lastActivity, long expiresAt, long bytesTransferred,
                          int listenerCount, String title, String artist) {
}
