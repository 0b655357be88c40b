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
 * @param socketIo Socket.IO heartbeat and limits
 * @param rooms   karaoke room limits
 * @param jobs    background jobs: concurrency, lease, attempts
 * @param imports import sources and the vocal separator
 * @param search  search providers, their time-outs and caches
 * @param metadata the metadata and lyrics services used by enrichment
 * @param share   music share: tokens, path prefix, body limit and the session rules
 */
public record Config(Server server, Database database, WebSocket websocket, SocketIo socketIo, Rooms rooms, Jobs jobs,
                     Imports imports, Search search, Metadata metadata, Share share) {

    /** Listening and file-system settings, and the Redis that makes several nodes one ({@code redisUrl} empty: none). */
    public record Server(String host, int port, int acceptBacklog, Path dataDir, Path webDir, List<String> allowedOrigins,
                         Duration shutdownGrace, String redisUrl) {
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

    /** Heartbeat and limits of Socket.IO at {@code /socket.io/}. */
    public record SocketIo(Duration pingInterval, Duration pingTimeout, int maxMessageBytes, int maxPendingFrames,
                           int outboxSize) {
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

    /** Karaoke room limits, and the room the Open Karaoke Studio clients ({@code oksRoom}) are mapped onto. */
    public record Rooms(int maxRooms, int maxClientsPerRoom, int maxQueueLength, Duration proofTtl,
                        int verifyAttemptsPerMinute, String oksRoom) {
    }

    /**
     * Search providers and their caches.
     *
     * @param providerOrder     provider ids in the order their results are listed; "*" stands for every other
     * @param disabled          provider ids left out
     * @param pluginsDir        folder of provider jars
     * @param timeout           per-provider search time-out
     * @param maxQueryChars     longest query accepted
     * @param maxResults        entries taken from each provider
     * @param cacheTtl          default life of a cached provider answer
     * @param cacheSize         most cached answers
     * @param videoUrlTimeout   time-out of one video URL lookup
     * @param videoUrlTtl       default life of a found video URL
     * @param videoUrlFailureTtl life of a failed lookup
     * @param videoUrlCacheSize most cached lookups
     * @param publicUrl         the server's address as clients know it, or empty to use each request's
     * @param providerSettings  plugin settings by their one spelling ({@code provider-<id>-<name>})
     * @param youtube           the YouTube provider's settings
     */
    public record Search(List<String> providerOrder, java.util.Set<String> disabled, Path pluginsDir, Duration timeout,
                         int maxQueryChars, int maxResults, Duration cacheTtl, int cacheSize, Duration videoUrlTimeout,
                         Duration videoUrlTtl, Duration videoUrlFailureTtl, int videoUrlCacheSize, String publicUrl,
                         java.util.Map<String, String> providerSettings, YouTube youtube) {
        public Search {
            providerOrder = List.copyOf(providerOrder);
            disabled = java.util.Set.copyOf(disabled);
            providerSettings = java.util.Map.copyOf(providerSettings);
        }

        /** The YouTube provider: videos per search, the "karaoke" bias, processes at once, tallest picture. */
        public record YouTube(int searchResults, boolean karaokeBias, int maxConcurrent, int maxHeight) {
        }
    }

    /**
     * The metadata and lyrics services: whether imports use them, their base URLs, and how
     * requests to them behave (time-out, retries, cache, MusicBrainz's request spacing).
     */
    public record Metadata(boolean onImport, java.net.URI itunesUrl, java.net.URI musicBrainzUrl, java.net.URI coverArtUrl,
                           java.net.URI lrclibUrl, String contact, Duration timeout, int retries, Duration maxRetryWait, Duration cacheTtl,
                           int cacheSize, Duration musicBrainzInterval) {
    }

    /**
     * Music share: the broadcaster tokens (empty: generated and kept in the data folder), a path
     * the API is also served under ({@code ""} for none), the largest request body, the message
     * rate of a /ws broadcaster, the sessions one push connection may follow, and the session rules.
     */
    public record Share(List<String> tokens, String pathPrefix, int maxBodyBytes, int broadcastMessagesPerSecond,
                        int maxListensPerConnection, app.chorus.share.ShareLimits limits) {
        public Share {
            tokens = List.copyOf(tokens);
        }
    }
}
