package app.chorus.share;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Music share on Redis, for several nodes: the {@link ShareStore} and the {@link ShareRelay}s of
 * one Redis, for {@code new Shares(share.store(), share.relays(), limits, clock)}. The store owns
 * the Redis client: {@code Shares.close()} closes the relay, then the store, and with it the client.
 */
public final class RedisShare {
    /** Keys and channels are text; values stay bytes, so chunk JSON and frames pass unchanged. */
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final java.time.Duration COMMAND_TIMEOUT = java.time.Duration.ofSeconds(5);
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/?#@]*)@");

    private final RedisClient client;
    private final RedisShareStore store;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final ShareCodec codec;

    private RedisShare(RedisClient client, StatefulRedisConnection<String, byte[]> connection, ShareCodec codec) {
        this.client = client;
        this.connection = connection;
        this.codec = codec;
        this.store = new RedisShareStore(client, connection, codec);
    }

    /**
     * Connects to Redis and readies the store's scripts. Fails at once, naming the URL (its
     * password masked), when the URL is malformed or Redis does not answer, rather than at the
     * first broadcaster's request.
     *
     * @param redisUrl {@code redis://[[user:]password@]host[:port][/database]}, {@code rediss://...} for TLS
     */
    public static RedisShare connect(String redisUrl, ShareLimits limits) {
        if (redisUrl == null || redisUrl.isBlank()) {
            throw new IllegalArgumentException("The music share's Redis URL is empty");
        }
        String shown = masked(redisUrl);
        RedisURI uri;
        try {
            uri = RedisURI.create(redisUrl);
        } catch (RuntimeException e) {
            // Not chained: the parser's message may quote the URL, password and all.
            throw new IllegalArgumentException("The music share's Redis URL " + shown + " is not valid: "
                    + scrub(String.valueOf(e.getMessage()), redisUrl, shown));
        }
        // A broadcaster's client gives up after 30 s; a Redis that does not answer fails the request well before.
        uri.setTimeout(COMMAND_TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        try {
            StatefulRedisConnection<String, byte[]> connection = client.connect(CODEC);
            try {
                connection.sync().ping();
                return new RedisShare(client, connection, new ShareCodec(limits));
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("Cannot use Redis at " + shown + " for music share: "
                    + scrub(String.valueOf(e.getMessage()), redisUrl, shown), e);
        }
    }

    /** The sessions, in Redis. Closing it closes the Redis client. */
    public ShareStore store() {
        return store;
    }

    /** Makes a node's relay: Redis pub/sub delivering to the given sink. */
    public Function<Consumer<ShareEvent>, ShareRelay> relays() {
        return sink -> new RedisShareRelay(client, connection.sync(), codec, sink);
    }

    /** The URL with its password (or a lone user-info, which Redis URLs take as the password) masked. */
    static String masked(String url) {
        Matcher matcher = USER_INFO.matcher(url);
        if (!matcher.find()) {
            return url;
        }
        String userInfo = matcher.group(2);
        int colon = userInfo.indexOf(':');
        String user = colon > 0 ? userInfo.substring(0, colon) + ":" : "";
        return matcher.group(1) + user + "***@" + url.substring(matcher.end());
    }

    private static String scrub(String message, String url, String shown) {
        String scrubbed = message.replace(url, shown);
        Matcher matcher = USER_INFO.matcher(url);
        if (matcher.find() && !matcher.group(2).isEmpty()) {
            String userInfo = matcher.group(2);
            int colon = userInfo.indexOf(':');
            String secret = colon >= 0 ? userInfo.substring(colon + 1) : userInfo;
            if (!secret.isEmpty()) {
                scrubbed = scrubbed.replace(secret, "***");
            }
        }
        return scrubbed;
    }
}
