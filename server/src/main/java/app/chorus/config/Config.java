package app.chorus.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The whole configuration, validated. Built by {@link ConfigLoader}; immutable.
 *
 * @param server  listening address, folders, origins
 * @param database JDBC settings
 * @param websocket limits and heartbeat of the /ws endpoint
 * @param rooms   karaoke room limits
 * @param jobs    background jobs: concurrency, lease, attempts
 * @param imports import sources and the vocal separator
 */
public record Config(Server server, Database database, WebSocket websocket, Rooms rooms, Jobs jobs, Imports imports) {

    /** Listening and file-system settings. */
    public record Server(String host, int port, int acceptBacklog, Path dataDir, Path webDir, List<String> allowedOrigins,
                         Duration shutdownGrace) {
        /** Whether any origin may open a WebSocket ({@code allowed-origins=*}). */
        public boolean anyOrigin() {
            return allowedOrigins.contains("*");
        }
    }

    /** Database connection settings; {@code url} is always a full JDBC URL. */
    public record Database(String url, String user, String password, int poolSize) {
        public boolean isPostgres() {
            return url.startsWith("jdbc:postgresql:");
        }
    }

    /** Limits and heartbeat of the /ws endpoint. */
    public record WebSocket(int maxFrameBytes, int messagesPerSecond, int messageBurst, int maxConnections,
                            int maxPendingFrames, Duration pingInterval, Duration pongTimeout) {
    }

    /** Background jobs: how many run at once here, when a silent node's job is taken over, the upload limit. */
    public record Jobs(int maxConcurrent, Duration lease, int maxAttempts, long uploadMaxBytes, DemoSong demoSong) {
        /** When the demo song is added. */
        public enum DemoSong { FIRST_RUN, ALWAYS, NEVER }
    }

    /**
     * Import sources and separation: the yt-dlp program, whether URLs of private addresses may be
     * fetched, the download time limit, the server folders open to folder import, and the separator.
     */
    public record Imports(String ytDlpPath, boolean allowPrivateUrls, Duration downloadTimeout, List<Path> folders,
                          Separator separator, List<String> demucsCommand, String demucsModel) {
        /** Which vocal separator imports use. */
        public enum Separator { BUILTIN, DEMUCS }
    }

    /** Karaoke room limits. */
    public record Rooms(int maxRooms, int maxClientsPerRoom, int maxQueueLength, Duration proofTtl,
                        int verifyAttemptsPerMinute) {
    }
}
