package app.chorus.share;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this process. Each session is guarded by its own monitor; creating one also holds
 * the store's, so the session limit cannot be overrun by two starts at once. Thread-safe.
 */
public final class MemoryShareStore implements ShareStore {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Object starting = new Object();

    /** One session's state; every field is guarded by the session's monitor. */
    private static final class Session {
        final String id;
        final long startTime;
        boolean active = true;
        long lastActivity;
        long expiresAt;
        long bytesTransferred;
        long lastChunkAt;
        StoredMetadata metadata;
        final TreeMap<Integer, BufferedChunk> chunks = new TreeMap<>();
        final Map<String, Long> listeners = new HashMap<>();

        Session(String id, long now, long expiresAt) {
            this.id = id;
            this.startTime = now;
            this.lastActivity = now;
            this.expiresAt = expiresAt;
        }

        SessionInfo info(long listenersSince) {
            int listening = 0;
            for (long seenAt : listeners.values()) {
                if (seenAt >= listenersSince) {
                    listening++;
                }
            }
            ShareMetadata latest = metadata == null ? null : metadata.metadata();
            return new SessionInfo(id, active, startTime, lastActivity, expiresAt, bytesTransferred, listening,
                    latest == null ? null : latest.title(), latest == null ? null : latest.artist());
        }
    }

    /** The live session of this id, or null; an expired one is removed on the way. */
    private Session live(String id, long now) {
        Session session = sessions.get(id);
        if (session == null) {
            return null;
        }
        synchronized (session) {
            if (now < session.expiresAt) {
                return session;
            }
        }
        sessions.remove(id, session);
        return null;
    }

    @Override
    public StartResult start(String id, long now, long expiresAt, int maxSessions) {
        synchronized (starting) {
            Session existing = live(id, now);
            if (existing != null) {
                synchronized (existing) {
                    if (existing.active) {
                        return StartResult.CONFLICT;
                    }
                }
            }
            if (activeSessions(now) >= maxSessions) {
                return StartResult.FULL;
            }
            sessions.put(id, new Session(id, now, expiresAt));
            return StartResult.STARTED;
        }
    }

    /** What {@code read} finds in the live session under its monitor; empty without one. */
    private <T> Optional<T> read(String id, long now, java.util.function.Function<Session, Optional<T>> read) {
        Session session = live(id, now);
        if (session == null) {
            return Optional.empty();
        }
        synchronized (session) {
            return read.apply(session);
        }
    }

    /**
     * A broadcaster's write: to a live, active session, whose activity it refreshes first (an
     * ignored write is activity too), then {@code write} under the session's monitor.
     */
    private WriteResult write(String id, long now, long expiresAt, java.util.function.Function<Session, WriteResult> write) {
        Session session = live(id, now);
        if (session == null) {
            return WriteResult.NOT_FOUND;
        }
        synchronized (session) {
            if (!session.active) {
                return WriteResult.ENDED;
            }
            session.lastActivity = now;
            session.expiresAt = expiresAt;
            return write.apply(session);
        }
    }

    @Override
    public Optional<SessionInfo> session(String id, long now, long listenersSince) {
        return read(id, now, session -> Optional.of(session.info(listenersSince)));
    }

    @Override
    public WriteResult putMetadata(String id, StoredMetadata metadata, long now, long expiresAt) {
        return write(id, now, expiresAt, session -> {
            if (session.metadata != null && session.metadata.metadata().timestamp() > metadata.metadata().timestamp()) {
                return WriteResult.IGNORED;
            }
            session.metadata = metadata;
            return WriteResult.STORED;
        });
    }

    @Override
    public Optional<StoredMetadata> metadata(String id, long now, long freshSince) {
        return read(id, now, session -> Optional.ofNullable(session.metadata)
                .filter(metadata -> metadata.receivedAt() >= freshSince));
    }

    @Override
    public WriteResult putChunk(String id, BufferedChunk chunk, long now, long expiresAt, int bufferChunks, long freshSince) {
        return write(id, now, expiresAt, session -> {
            if (session.lastChunkAt < freshSince) {
                session.chunks.clear();
            }
            if (session.chunks.containsKey(chunk.sequenceNumber())) {
                return WriteResult.IGNORED;
            }
            session.chunks.put(chunk.sequenceNumber(), chunk);
            while (session.chunks.size() > bufferChunks) {
                session.chunks.pollFirstEntry();
            }
            if (!session.chunks.containsKey(chunk.sequenceNumber())) {
                // Older than everything a full buffer holds: it went straight out again.
                return WriteResult.IGNORED;
            }
            session.bytesTransferred += chunk.dataBytes();
            session.lastChunkAt = now;
            return WriteResult.STORED;
        });
    }

    @Override
    public List<BufferedChunk> chunksAfter(String id, long since, int limit, long now, long freshSince) {
        return read(id, now, session -> {
            if (session.chunks.isEmpty() || session.lastChunkAt < freshSince) {
                return Optional.<List<BufferedChunk>>empty();
            }
            var newer = since >= Integer.MAX_VALUE ? new TreeMap<Integer, BufferedChunk>()
                    : session.chunks.tailMap((int) Math.max(Integer.MIN_VALUE, since), false);
            List<BufferedChunk> result = new ArrayList<>(newer.values());
            return Optional.of(result.size() > limit ? List.copyOf(result.subList(result.size() - limit, result.size())) : result);
        }).orElse(List.of());
    }

    @Override
    public Optional<SessionInfo> stop(String id, long now, long expiresAt) {
        Session session = live(id, now);
        if (session == null) {
            return Optional.empty();
        }
        synchronized (session) {
            if (!session.active) {
                return Optional.empty();
            }
            SessionInfo stopped = session.info(Long.MIN_VALUE);
            session.active = false;
            session.lastActivity = now;
            session.expiresAt = expiresAt;
            session.chunks.clear();
            return Optional.of(stopped);
        }
    }

    @Override
    public void seen(String id, String listener, long now) {
        Session session = live(id, now);
        if (session != null) {
            synchronized (session) {
                session.listeners.put(listener, now);
            }
        }
    }

    @Override
    public void forget(String id, String listener) {
        Session session = sessions.get(id);
        if (session != null) {
            synchronized (session) {
                session.listeners.remove(listener);
            }
        }
    }

    @Override
    public int activeSessions(long now) {
        int active = 0;
        for (Session session : sessions.values()) {
            synchronized (session) {
                if (session.active && now < session.expiresAt) {
                    active++;
                }
            }
        }
        return active;
    }

    @Override
    public void sweep(long now, long listenersSince) {
        for (String id : List.copyOf(sessions.keySet())) {
            Session session = live(id, now);
            if (session != null) {
                synchronized (session) {
                    session.listeners.values().removeIf(seenAt -> seenAt < listenersSince);
                }
            }
        }
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public void close() {
        sessions.clear();
    }
}
