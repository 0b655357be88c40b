package app.chorus.share;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Share events through Redis pub/sub, one channel per session ({@code session:{id}:events}), so a
 * listener on one node hears a broadcaster on another. A node hears its own events through its
 * subscription like everyone else's, so publishing never delivers here directly (that would
 * deliver twice). Messages are delivered to the sink on one thread of this relay, in the order
 * Redis sent them, never on Lettuce's I/O thread, which a slow sink would stall.
 *
 * <p>A message is one of: a chunk's binary frame as it is ({@link ShareCodec#frame(String,
 * AudioChunk)}: it starts with a header length of at most 1024, so its first byte is 0-4), or
 * {@code 'M'} + receivedAt (8 bytes, big-endian) + the metadata JSON, or {@code 'E'} + the
 * reason in UTF-8. Frames, the large and frequent ones, are thus sent and delivered without a
 * copy. Thread-safe.
 */
final class RedisShareRelay implements ShareRelay {
    private static final Logger LOG = LoggerFactory.getLogger(RedisShareRelay.class);
    private static final String PREFIX = "session:";
    private static final String SUFFIX = ":events";
    private static final byte METADATA = 'M';
    private static final byte ENDED = 'E';

    private final RedisCommands<String, byte[]> publisher;
    private final StatefulRedisPubSubConnection<String, byte[]> subscriptions;
    private final ShareCodec codec;
    private final Consumer<ShareEvent> sink;
    private final ExecutorService delivery =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("share-relay").daemon().factory());
    private volatile boolean closed;

    /**
     * @param publisher a connection the relay publishes on and does not close (the store's)
     */
    RedisShareRelay(RedisClient client, RedisCommands<String, byte[]> publisher, ShareCodec codec, Consumer<ShareEvent> sink) {
        this.publisher = publisher;
        this.codec = codec;
        this.sink = sink;
        this.subscriptions = client.connectPubSub(RedisShare.CODEC);
        subscriptions.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                try {
                    delivery.execute(() -> deliver(channel, message));
                } catch (RejectedExecutionException closed) {
                    // The relay is closing: nobody is left to hear it.
                }
            }
        });
    }

    static String channel(String sessionId) {
        return PREFIX + sessionId + SUFFIX;
    }

    @Override
    public void publish(ShareEvent event) {
        publisher.publish(channel(event.sessionId()), encode(event));
    }

    @Override
    public void follow(String sessionId) {
        // Synchronous: once it returns, Redis has the subscription and no later event is missed.
        subscriptions.sync().subscribe(channel(sessionId));
    }

    @Override
    public void unfollow(String sessionId) {
        try {
            subscriptions.sync().unsubscribe(channel(sessionId));
        } catch (RuntimeException e) {
            // A session ending as the node shuts down: the closed connection has no subscriptions left.
            if (!closed) {
                throw e;
            }
        }
    }

    private static byte[] encode(ShareEvent event) {
        return switch (event) {
            case ShareEvent.ChunkArrived chunk -> chunk.frame();
            case ShareEvent.MetadataChanged changed -> {
                byte[] json = changed.metadata().json();
                yield ByteBuffer.allocate(1 + Long.BYTES + json.length)
                        .put(METADATA).putLong(changed.metadata().receivedAt()).put(json).array();
            }
            case ShareEvent.SessionEnded ended -> {
                byte[] reason = ended.reason().getBytes(StandardCharsets.UTF_8);
                yield ByteBuffer.allocate(1 + reason.length).put(ENDED).put(reason).array();
            }
        };
    }

    private void deliver(String channel, byte[] message) {
        try {
            ShareEvent event = decode(channel, message);
            if (event != null) {
                sink.accept(event);
            }
        } catch (RuntimeException e) {
            LOG.warn("A music share event on {} could not be delivered", channel, e);
        }
    }

    /** The event of a message, or null (logged) when it is not one this relay sends. */
    ShareEvent decode(String channel, byte[] message) {
        String sessionId = channel.startsWith(PREFIX) && channel.endsWith(SUFFIX)
                ? channel.substring(PREFIX.length(), channel.length() - SUFFIX.length()) : null;
        if (!ShareCodec.isSessionId(sessionId) || message.length == 0) {
            LOG.warn("Ignoring a message on {} that is not a music share event", channel);
            return null;
        }
        return switch (message[0]) {
            case METADATA -> {
                ByteBuffer buffer = ByteBuffer.wrap(message, 1, message.length - 1);
                long receivedAt = buffer.getLong();
                byte[] json = Arrays.copyOfRange(message, 1 + Long.BYTES, message.length);
                yield new ShareEvent.MetadataChanged(sessionId, codec.storedFromJson(json, receivedAt));
            }
            case ENDED -> new ShareEvent.SessionEnded(sessionId, new String(message, 1, message.length - 1, StandardCharsets.UTF_8));
            default -> {
                ShareCodec.Frame frame = codec.frame(message);
                if (!frame.sessionId().equals(sessionId)) {
                    LOG.warn("Ignoring a frame of session {} on {}", frame.sessionId(), channel);
                    yield null;
                }
                yield new ShareEvent.ChunkArrived(sessionId, frame.chunk(), message);
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        subscriptions.close();
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(5, TimeUnit.SECONDS)) {
                delivery.shutdownNow();
            }
        } catch (InterruptedException e) {
            delivery.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
