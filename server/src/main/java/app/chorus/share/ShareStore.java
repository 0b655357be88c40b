package app.chorus.share;

import java.util.List;
import java.util.Optional;

/**
 * Where sessions, their latest metadata, their audio buffers and their listeners live: in this
 * process ({@link MemoryShareStore}) or in Redis, so several nodes serve one session. Every
 * operation is atomic. Times are server milliseconds passed in by {@link Shares}, which owns the
 * clock and the rules; a store compares them and never reads a clock of its own, so expiry
 * behaves the same (and is testable the same way) whatever the store.
 *
 * <p>A session exists while {@code now < expiresAt}; past it, every operation treats it as absent.
 */
public interface ShareStore extends AutoCloseable {
    /** The outcome of {@link #start}. */
    enum StartResult { STARTED, CONFLICT, FULL }

    /** The outcome of a broadcaster's write. */
    enum WriteResult {
        STORED,
        /** Metadata older (by its timestamp) than the stored one, or a chunk already buffered or older than the whole buffer. */
        IGNORED,
        NOT_FOUND,
        /** The session was stopped. */
        ENDED
    }

    /**
     * Creates an active session. Refused with CONFLICT when an active session has the id, with
     * FULL when {@code maxSessions} active sessions exist. A stopped session of the same id is
     * replaced, its metadata, audio and listeners dropped.
     */
    StartResult start(String id, long now, long expiresAt, int maxSessions);

    /** The session, its listeners counted among those seen at or after {@code listenersSince}. */
    Optional<SessionInfo> session(String id, long now, long listenersSince);

    /**
     * Keeps {@code metadata} as the latest unless the stored one has a larger timestamp (then
     * IGNORED). Either way the broadcaster was heard: the session's activity is refreshed
     * ({@code lastActivity = now}, the new {@code expiresAt}).
     */
    WriteResult putMetadata(String id, StoredMetadata metadata, long now, long expiresAt);

    /** The latest metadata if it arrived at or after {@code freshSince}. */
    Optional<StoredMetadata> metadata(String id, long now, long freshSince);

    /**
     * Buffers a chunk by its sequence number, keeping the newest {@code bufferChunks}; a sequence
     * number already buffered is IGNORED. Stored chunks add their size to bytesTransferred. The
     * activity is refreshed as for metadata, and the buffer's age restarts at {@code now}. A
     * buffer whose latest chunk arrived before {@code freshSince} has expired: it is emptied first.
     */
    WriteResult putChunk(String id, BufferedChunk chunk, long now, long expiresAt, int bufferChunks, long freshSince);

    /**
     * Buffered chunks with a sequence number above {@code since}, ascending, at most the newest
     * {@code limit} of them; none when the latest chunk arrived before {@code freshSince} (the
     * buffer has expired) or the session does not exist.
     */
    List<BufferedChunk> chunksAfter(String id, long since, int limit, long now, long freshSince);

    /**
     * Stops an active session: inactive, audio dropped, readable until {@code expiresAt}.
     * Returns the session as it was when stopped, or empty when there is no active session.
     */
    Optional<SessionInfo> stop(String id, long now, long expiresAt);

    /** Notes that a listener (a poller's address, a push subscription) was seen now. */
    void seen(String id, String listener, long now);

    /** Forgets a listener at once (a push subscription ended). */
    void forget(String id, String listener);

    /** Active sessions (not stopped, not expired). */
    int activeSessions(long now);

    /**
     * Deletes what has expired, and listeners not seen since {@code listenersSince}; reading
     * already treats both as gone, this frees the memory.
     */
    void sweep(long now, long listenersSince);

    /** "memory" or "redis", for /health. */
    String kind();

    @Override
    void close();
}
