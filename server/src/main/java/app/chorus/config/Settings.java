package app.chorus.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of every setting Chorus understands. It is the single source of truth for the
 * loader, the {@code --help} text and the README's configuration table.
 */
public final class Settings {
    private Settings() {
    }

    public static final List<Setting> ALL = List.of(
            new Setting("config", "", "Path of a config file (Java properties: name=value per line)."),
            new Setting("host", "0.0.0.0", "Address to listen on."),
            new Setting("port", "8000", "HTTP/WebSocket port (0 picks a free port)."),
            new Setting("accept-backlog", "1024", "Connections waiting to be accepted before the kernel refuses more."),
            new Setting("data-dir", "./data", "Folder for the SQLite database and media files."),
            new Setting("web-dir", "", "Serve the web front end from this folder instead of the bundled one."),
            new Setting("db-url", "", "JDBC URL; empty means SQLite at <data-dir>/chorus.db. A jdbc:postgresql:// URL selects PostgreSQL."),
            new Setting("db-user", "", "Database user (PostgreSQL)."),
            new Setting("db-password", "", "Database password (PostgreSQL)."),
            new Setting("db-pool-size", "8", "Maximum database connections (PostgreSQL; SQLite uses one, its single writer)."),
            new Setting("allowed-origins", "", "Comma-separated origins allowed to open /ws besides the server's own origin and localhost; * allows any."),
            new Setting("shutdown-grace", "10s", "How long a graceful shutdown waits for in-flight work."),
            new Setting("ws-max-frame-bytes", "65536", "Largest /ws text frame accepted; larger frames get a validation_error."),
            new Setting("ws-messages-per-second", "20", "Sustained /ws messages per second allowed per connection."),
            new Setting("ws-message-burst", "40", "Burst of /ws messages allowed per connection above the sustained rate."),
            new Setting("ws-max-connections", "20000", "Most simultaneous /ws connections; more are refused with HTTP 503."),
            new Setting("ws-max-pending-frames", "512", "Outgoing frames queued for one slow client before it is disconnected."),
            new Setting("ws-ping-interval", "30s", "How often the server sends ping to each /ws client."),
            new Setting("ws-pong-timeout", "90s", "A /ws client silent (no pong) for longer is disconnected."),
            new Setting("rooms-max", "10000", "Most karaoke rooms that may exist."),
            new Setting("room-max-clients", "50", "Most clients (displays and controllers) in one room."),
            new Setting("room-max-queue", "100", "Most songs in one room's queue."),
            new Setting("room-proof-ttl", "12h", "How long a successful /rooms/verify lets the same browser join without the password."),
            new Setting("room-verify-per-minute", "10", "Password attempts per minute per client address on /rooms/verify."),
            new Setting("socketio-ping-interval", "25s", "How often Socket.IO (/socket.io/) pings each client; sent to clients in the handshake."),
            new Setting("socketio-ping-timeout", "20s", "How long a Socket.IO client has to answer a ping before it is disconnected."),
            new Setting("socketio-max-message-bytes", "1000000", "Largest Socket.IO message (WebSocket frame or long-polling POST body) accepted."),
            new Setting("socketio-max-pending-frames", "1024", "Outgoing frames queued for one slow Socket.IO WebSocket client before it is disconnected."),
            new Setting("socketio-outbox-size", "10000", "Room and job events waiting to be sent to Socket.IO clients; more are dropped (and counted in /health)."),
            new Setting("oks-room", "main", "The room the Open Karaoke Studio pages (Socket.IO and /api/karaoke-queue, which know no rooms) share their performance controls and karaoke queue with."),
            new Setting("demo-song", "first-run", "Add the generated demo song: first-run (when a new install starts), always (--demo: unless it is there), never."),
            new Setting("upload-max-mb", "1024", "Largest file accepted by /api/songs/upload, in MiB; larger ones are refused with 413."),
            new Setting("jobs-max-concurrent", "1", "Background jobs (imports) run at once on this node; the rest wait in order."),
            new Setting("jobs-lease", "30s", "A running job whose node sent no heartbeat for this long is taken over (re-run or failed)."),
            new Setting("jobs-max-attempts", "3", "Starts a job gets in all before an interruption fails it instead of re-running it."),
            new Setting("ytdlp-path", "yt-dlp", "The yt-dlp program for URL imports: a name looked up on PATH, or a path. Missing: URL import reports itself unavailable."),
            new Setting("url-import-allow-private", "false", "Allow URL imports from loopback, private and link-local addresses (true/false)."),
            new Setting("url-import-timeout", "30m", "Longest a URL download may take before it is stopped; its largest file is upload-max-mb."),
            new Setting("import-folders", "", "Comma-separated folders on the server that POST /api/imports/folder may import from; empty turns it off."),
            new Setting("separator", "builtin", "Vocal separator: builtin (pure Java, fast) or demucs (the demucs program, better, slow without a GPU)."),
            new Setting("demucs-command", "demucs", "The Demucs command (words separated by spaces, e.g. 'python3 -m demucs') for separator=demucs."),
            new Setting("demucs-model", "htdemucs", "The Demucs model for separator=demucs."),
            new Setting("search-providers", "library,youtube,*", "Search providers in the order their results are listed; * stands for every other one found (plugins)."),
            new Setting("search-providers-disabled", "", "Comma-separated search providers to leave out."),
            new Setting("plugins-dir", "", "Folder of provider jars loaded at start-up; empty means <data-dir>/plugins."),
            new Setting("search-timeout", "8s", "How long /search waits for each provider; a slower one is left out of that answer with a note."),
            new Setting("search-max-query-chars", "200", "Longest /search query accepted; longer ones get 422."),
            new Setting("search-max-results", "20", "Most entries /search takes from each provider."),
            new Setting("search-cache-ttl", "10m", "How long a provider's answer to a query is reused (providers may say shorter)."),
            new Setting("search-cache-size", "2000", "Most cached provider answers kept in memory."),
            new Setting("video-url-timeout", "30s", "How long resolving one entry's video URL may take."),
            new Setting("video-url-ttl", "4h", "How long a resolved video URL is reused when its provider gives no expiry."),
            new Setting("video-url-failure-ttl", "30m", "How long a failed video URL lookup is remembered before it is tried again."),
            new Setting("video-url-cache-size", "10000", "Most cached video URL lookups kept in memory."),
            new Setting("youtube-search-results", "10", "Videos the YouTube provider asks yt-dlp for per search (1-50)."),
            new Setting("youtube-karaoke-bias", "true", "Add 'karaoke' to YouTube searches that do not say it (true/false)."),
            new Setting("youtube-max-concurrent", "4", "Most yt-dlp processes the YouTube provider runs at once."),
            new Setting("youtube-max-height", "720", "Tallest video picture chosen when resolving a YouTube stream."),
            new Setting("enrichment", "true", "Look up metadata, cover art and lyrics (iTunes, MusicBrainz, LRCLIB) when a song is imported (true/false)."),
            new Setting("itunes-url", "https://itunes.apple.com", "Base URL of the iTunes Search API."),
            new Setting("musicbrainz-url", "https://musicbrainz.org", "Base URL of the MusicBrainz web service (WS/2)."),
            new Setting("coverart-url", "https://coverartarchive.org", "Base URL of the Cover Art Archive."),
            new Setting("lrclib-url", "https://lrclib.net", "Base URL of the LRCLIB lyrics service."),
            new Setting("metadata-contact", "", "A contact (e-mail or URL) sent in the User-Agent to MusicBrainz and the other services, as MusicBrainz asks of every application."),
            new Setting("metadata-timeout", "10s", "Time-out of one request to a metadata or lyrics service."),
            new Setting("metadata-retries", "2", "Retries of a request that failed with 5xx, 429 or a network error (0-10)."),
            new Setting("metadata-max-retry-wait", "10s", "Longest wait before a retry, whatever Retry-After asks."),
            new Setting("metadata-cache-ttl", "1h", "How long answers of the metadata and lyrics services are reused."),
            new Setting("metadata-cache-size", "2000", "Most cached answers of the metadata and lyrics services."),
            new Setting("musicbrainz-interval", "1s", "Least time between two MusicBrainz requests from this node (its rules ask for 1 per second)."),
            new Setting("redis-url", "", "Redis for running several nodes as one (redis://[:password@]host:6379[/db]); empty keeps shared state in this process. Music share sessions live there, so any node serves them."),
            new Setting("share-tokens", "", "Comma-separated secrets a music share broadcaster (and a polling receiver) sends as its whole Authorization header. Empty: one is generated on the first start, kept in <data-dir>/share-token and printed once."),
            new Setting("share-path-prefix", "", "Also serve the music share API (and /health) under this path, e.g. /songrequests, for clients whose base URL has a path."),
            new Setting("share-max-sessions", "50", "Most music share sessions active at once; one more start gets 503."),
            new Setting("share-session-timeout", "15m", "A music share session the broadcaster has not sent anything to for this long ends."),
            new Setting("share-grace", "5m", "How long a stopped music share session stays readable (status says it is not active)."),
            new Setting("share-metadata-ttl", "30s", "How long a music share session's latest metadata is served after it arrived."),
            new Setting("share-audio-ttl", "10s", "How long a music share session's audio buffer lives after its latest chunk."),
            new Setting("share-buffer-chunks", "50", "Audio chunks kept per music share session (the newest by sequence number)."),
            new Setting("share-join-chunks", "10", "Chunks a newcomer gets first (audio?since=-1, or a push subscription): the newest ones, about 5 s of the desktop sharer's audio."),
            new Setting("share-listener-window", "10s", "A music share listener is counted while it polled (or stayed subscribed) this recently."),
            new Setting("share-max-body-bytes", "8000000", "Largest music share request body (metadata with its cover, or an audio chunk as base64); larger ones get 413."),
            new Setting("share-max-chunk-bytes", "1048576", "Largest audio payload of one music share chunk, decoded; larger ones get 400."),
            new Setting("share-max-thumbnail-bytes", "5242880", "Largest cover picture in music share metadata, decoded; larger ones get 400."),
            new Setting("share-max-listens-per-connection", "4", "Music share sessions one /ws or Socket.IO connection may listen to at once."),
            new Setting("share-broadcast-messages-per-second", "60", "Messages per second a /ws connection broadcasting a music share may send (metadata every 100 ms plus audio), instead of ws-messages-per-second."),
            new Setting("public-url", "", "The address clients reach this server at (https://karaoke.example); empty means the address each request came to."));

    /**
     * Settings of one search provider, not listed above because a plugin brings its own:
     * {@code provider.<id>.<name>} in a file or on the command line, {@code CHORUS_PROVIDER_<ID>_<NAME>}
     * in the environment. Both become {@code provider-<id>-<name>}.
     */
    public static final String PROVIDER_PREFIX = "provider-";

    /** The one spelling of a provider setting's name, whichever way it was written. */
    public static String providerKey(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace('.', '-').replace('_', '-');
    }

    /** Whether {@code name} names a provider setting ({@code provider.<id>.<name>}). */
    public static boolean isProviderSetting(String name) {
        return providerKey(name).matches("provider-[a-z0-9]+(-[a-z0-9]+)+");
    }

    /** The defaults, by name. */
    public static Map<String, String> defaults() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting setting : ALL) {
            values.put(setting.name(), setting.defaultValue());
        }
        return values;
    }

    /** Whether a setting of this name exists. */
    public static boolean isKnown(String name) {
        return isProviderSetting(name) || ALL.stream().anyMatch(setting -> setting.name().equals(name));
    }

    /** Help text listing every setting with its environment variable and default. */
    public static String helpText() {
        StringBuilder text = new StringBuilder("Usage: chorus serve [--name value ...]\n\nSettings (file < environment < command line):\n");
        for (Setting setting : ALL) {
            text.append(String.format("  --%-24s %-32s default: %s%n      %s%n", setting.name(),
                    setting.environmentVariable(), setting.defaultValue().isEmpty() ? "(none)" : setting.defaultValue(),
                    setting.description()));
        }
        return text.toString();
    }
}
