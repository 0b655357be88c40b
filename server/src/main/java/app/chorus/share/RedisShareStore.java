package app.chorus.share;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sessions in Redis, in the seed's schema, so every node with the same Redis serves the same
 * sessions: {@code session:{id}} (hash: active, startTime, lastActivity, expiresAt,
 * listenerCount, bytesTransferred, lastChunkAt, title, artist), {@code session:{id}:metadata}
 * (hash of the metadata fields and receivedAt), {@code session:{id}:audio} (sorted set: chunk
 * JSON by sequence number), {@code session:{id}:listeners} (sorted set: listener by last seen),
 * and {@code sessions:active} / {@code sessions:all} (sorted sets: id by expiresAt; active ones,
 * and every one not yet swept, stopped ones included).
 *
 * <p>Every operation that reads and then writes is one Lua script, so two nodes never both take
 * the last free session or both buffer a chunk. Like {@link MemoryShareStore} it reads no clock:
 * expiry compares the passed times. Keys also get Redis TTLs, relative to those times plus
 * {@link #KEY_MARGIN}, but only as garbage collection, so an abandoned session's keys vanish even
 * when no node sweeps. Needs one Redis (not a Cluster: a start touches a session's keys and the
 * shared sets together). Thread-safe: Lettuce multiplexes one connection.
 */
final class RedisShareStore implements ShareStore {
    /** How long a key outlives the session it belongs to. */
    static final Duration KEY_MARGIN = Duration.ofMinutes(1);
    static final String ACTIVE_SESSIONS = "sessions:active";
    static final String ALL_SESSIONS = "sessions:all";

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final RedisCommands<String, byte[]> redis;
    private final RedisShareFields fields;
    private final RedisScript start;
    private final RedisScript session;
    private final RedisScript putMetadata;
    private final RedisScript metadata;
    private final RedisScript putChunk;
    private final RedisScript chunksAfter;
    private final RedisScript stop;
    private final RedisScript seen;
    private final RedisScript forget;
    private final RedisScript sweep;

    /** Takes over {@code client} and {@code connection}: {@link #close} closes both. */
    RedisShareStore(RedisClient client, StatefulRedisConnection<String, byte[]> connection, ShareCodec codec) {
        this.client = client;
        this.connection = connection;
        this.redis = connection.sync();
        this.fields = new RedisShareFields(codec);
        String prelude = "local MARGIN_MS = " + KEY_MARGIN.toMillis() + "\n" + RedisScript.read("common.lua");
        this.start = RedisScript.load("start", prelude);
        this.session = RedisScript.load("session", prelude);
        this.putMetadata = RedisScript.load("put-metadata", prelude);
        this.metadata = RedisScript.load("metadata", prelude);
        this.putChunk = RedisScript.load("put-chunk", prelude);
        this.chunksAfter = RedisScript.load("chunks-after", prelude);
        this.stop = RedisScript.load("stop", prelude);
        this.seen = RedisScript.load("seen", prelude);
        this.forget = RedisScript.load("forget", prelude);
        this.sweep = RedisScript.load("sweep", prelude);
        for (RedisScript script : List.of(start, session, putMetadata, metadata, putChunk, chunksAfter, stop, seen, forget, sweep)) {
            script.preload(redis);
        }
    }

    /** The keys every script gets, in the order common.lua names them. */
    static String[] keys(String id) {
        String session = "session:" + id;
        return new String[] {session, session + ":metadata", session + ":audio", session + ":listeners",
                ACTIVE_SESSIONS, ALL_SESSIONS};
    }

    private static byte[] bytes(String text) {
        return RedisShareFields.bytes(text);
    }

    private static byte[] bytes(long number) {
        return RedisShareFields.bytes(number);
    }

    @Override
    public StartResult start(String id, long now, long expiresAt, int maxSessions) {
        Long code = start.run(redis, ScriptOutputType.INTEGER, keys(id), bytes(id), bytes(now), bytes(expiresAt), bytes(maxSessions));
        return switch (code.intValue()) {
            case 0 -> StartResult.STARTED;
            case 1 -> StartResult.CONFLICT;
            case 2 -> StartResult.FULL;
            default -> throw new IllegalStateException("start.lua answered " + code);
        };
    }

    @Override
    public Optional<SessionInfo> session(String id, long now, long listenersSince) {
        List<Object> reply = session.run(redis, ScriptOutputType.MULTI, keys(id), bytes(now), bytes(listenersSince));
        return sessionInfo(id, reply);
    }

    private static Optional<SessionInfo> sessionInfo(String id, List<Object> reply) {
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RedisShareFields.session(id, RedisShareFields.hash(reply.get(0)), (Long) reply.get(1)));
    }

    @Override
    public WriteResult putMetadata(String id, StoredMetadata stored, long now, long expiresAt) {
        List<byte[]> arguments = new ArrayList<>(List.of(bytes(id), bytes(now), bytes(expiresAt),
                bytes(stored.metadata().timestamp())));
        arguments.addAll(RedisShareFields.metadataFields(stored));
        Long code = putMetadata.run(redis, ScriptOutputType.INTEGER, keys(id), arguments.toArray(byte[][]::new));
        return writeResult(code);
    }

    /** The codes put-metadata.lua and put-chunk.lua answer with. */
    private static WriteResult writeResult(Long code) {
        return switch (code.intValue()) {
            case 0 -> WriteResult.STORED;
            case 1 -> WriteResult.IGNORED;
            case 2 -> WriteResult.NOT_FOUND;
            case 3 -> WriteResult.ENDED;
            default -> throw new IllegalStateException("A music share write script answered " + code);
        };
    }

    @Override
    public Optional<StoredMetadata> metadata(String id, long now, long freshSince) {
        List<Object> reply = metadata.run(redis, ScriptOutputType.MULTI, keys(id), bytes(now), bytes(freshSince));
        return reply.isEmpty() ? Optional.empty() : Optional.of(fields.metadata(RedisShareFields.hash(reply)));
    }

    @Override
    public WriteResult putChunk(String id, BufferedChunk chunk, long now, long expiresAt, int bufferChunks, long freshSince) {
        Long code = putChunk.run(redis, ScriptOutputType.INTEGER, keys(id), bytes(id), bytes(now), bytes(expiresAt),
                bytes(chunk.sequenceNumber()), chunk.json(), bytes(chunk.dataBytes()), bytes(bufferChunks), bytes(freshSince));
        return writeResult(code);
    }

    @Override
    public List<BufferedChunk> chunksAfter(String id, long since, int limit, long now, long freshSince) {
        if (limit <= 0 || since >= Integer.MAX_VALUE) {
            return List.of();
        }
        List<Object> reply = chunksAfter.run(redis, ScriptOutputType.MULTI, keys(id), bytes(now), bytes(freshSince),
                bytes(since), bytes(limit));
        // Newest first from the script (so LIMIT keeps the newest); the contract wants ascending.
        List<BufferedChunk> chunks = new ArrayList<>(reply.size() / 2);
        for (int index = reply.size() - 2; index >= 0; index -= 2) {
            byte[] json = (byte[]) reply.get(index);
            int sequence = Integer.parseInt(new String((byte[]) reply.get(index + 1), StandardCharsets.US_ASCII));
            chunks.add(new BufferedChunk(sequence, fields.dataBytes(json), json));
        }
        return chunks;
    }

    @Override
    public Optional<SessionInfo> stop(String id, long now, long expiresAt) {
        List<Object> reply = stop.run(redis, ScriptOutputType.MULTI, keys(id), bytes(id), bytes(now), bytes(expiresAt));
        return sessionInfo(id, reply);
    }

    @Override
    public void seen(String id, String listener, long now) {
        seen.run(redis, ScriptOutputType.INTEGER, keys(id), bytes(listener), bytes(now));
    }

    @Override
    public void forget(String id, String listener) {
        forget.run(redis, ScriptOutputType.INTEGER, keys(id), bytes(listener));
    }

    @Override
    public int activeSessions(long now) {
        return redis.zcount(ACTIVE_SESSIONS, Range.from(Range.Boundary.excluding(now), Range.Boundary.unbounded())).intValue();
    }

    @Override
    public void sweep(long now, long listenersSince) {
        // One script per session rather than one for all, so each declares the keys it touches.
        for (byte[] id : redis.zrange(ALL_SESSIONS, 0, -1)) {
            String sessionId = new String(id, StandardCharsets.UTF_8);
            sweep.run(redis, ScriptOutputType.INTEGER, keys(sessionId), id, bytes(now), bytes(listenersSince));
        }
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
