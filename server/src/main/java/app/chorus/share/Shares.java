package app.chorus.share;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Music share: a broadcaster's sessions and the listeners that follow them, by polling (the
 * desktop contract) or by push. The entry point of the feature; it owns the clock and the rules
 * ({@link ShareLimits}) and keeps the state in a {@link ShareStore}, so any node with the same
 * store serves the same sessions. Thread-safe.
 */
public final class Shares implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Shares.class);

    private final ShareStore store;
    private final ShareRelay relay;
    private final ShareLimits limits;
    private final ShareCodec codec;
    private final InstantSource clock;
    /** This node's push subscribers by session; the list's presence means the relay follows the session. */
    private final Map<String, CopyOnWriteArrayList<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private final AtomicLong metadataReceived = new AtomicLong();
    private final AtomicLong chunksReceived = new AtomicLong();
    private final AtomicLong chunksIgnored = new AtomicLong();
    private final AtomicLong audioBytesReceived = new AtomicLong();
    private final AtomicLong sessionsStarted = new AtomicLong();

    /**
     * @param relays makes the relay that carries events to this node's {@link #deliver}; {@code ShareRelay::local} on one node
     */
    public Shares(ShareStore store, Function<java.util.function.Consumer<ShareEvent>, ShareRelay> relays, ShareLimits limits,
                  InstantSource clock) {
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.codec = new ShareCodec(limits);
        this.relay = relays.apply(this::deliver);
        this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("share-ticker").daemon().factory());
    }

    /** Starts the periodic clean-up: expired sessions, stale listeners, subscribers of ended sessions. */
    public Shares startTicking() {
        long period = Math.max(200, Math.min(5_000, limits.listenerWindow().toMillis() / 2));
        ticker.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.warn("Music share clean-up failed", e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The formats, for transports. */
    public ShareCodec codec() {
        return codec;
    }

    public ShareLimits limits() {
        return limits;
    }

    // ---- broadcaster ----

    /** Starts a session; the answer carries its start time. */
    public SessionInfo start(String sessionId) {
        ShareCodec.sessionId(sessionId);
        long now = clock.millis();
        return switch (store.start(sessionId, now, now + limits.inactivity().toMillis(), limits.maxSessions())) {
            case STARTED -> {
                sessionsStarted.incrementAndGet();
                yield store.session(sessionId, now, listenersSince(now))
                        .orElseThrow(() -> new ShareRejection(ShareRejection.Reason.NOT_FOUND, "Session not found"));
            }
            case CONFLICT -> throw new ShareRejection(ShareRejection.Reason.CONFLICT, "Session ID already in use");
            case FULL -> throw new ShareRejection(ShareRejection.Reason.FULL,
                    "The server has the most music share sessions it allows (" + limits.maxSessions() + ")");
        };
    }

    /** Keeps newer metadata and pushes it; returns how many listeners the session has. */
    public int metadata(String sessionId, ShareMetadata metadata) {
        ShareCodec.sessionId(sessionId);
        long now = clock.millis();
        StoredMetadata stored = codec.stored(metadata, now);
        ShareStore.WriteResult result = store.putMetadata(sessionId, stored, now, now + limits.inactivity().toMillis());
        refuseUnwritable(result);
        metadataReceived.incrementAndGet();
        if (result == ShareStore.WriteResult.STORED) {
            relay.publish(new ShareEvent.MetadataChanged(sessionId, stored));
        }
        return store.session(sessionId, now, listenersSince(now)).map(SessionInfo::listenerCount).orElse(0);
    }

    /**
     * Buffers a chunk and pushes it; false when it was not buffered (its sequence number is
     * already there, or it is older than a full buffer). {@code base64} is its data as received, or null.
     */
    public boolean audio(String sessionId, AudioChunk chunk, String base64) {
        ShareCodec.sessionId(sessionId);
        long now = clock.millis();
        ShareStore.WriteResult result = store.putChunk(sessionId, codec.buffered(chunk, base64), now,
                now + limits.inactivity().toMillis(), limits.bufferChunks(), now - limits.audioTtl().toMillis());
        refuseUnwritable(result);
        if (result == ShareStore.WriteResult.IGNORED) {
            chunksIgnored.incrementAndGet();
            return false;
        }
        chunksReceived.incrementAndGet();
        audioBytesReceived.addAndGet(chunk.data().length);
        relay.publish(new ShareEvent.ChunkArrived(sessionId, chunk, codec.frame(sessionId, chunk)));
        return true;
    }

    /** Stops a session: listeners are told, the audio dropped, the rest readable for the grace period. */
    public Stopped stop(String sessionId) {
        ShareCodec.sessionId(sessionId);
        long now = clock.millis();
        SessionInfo stopped = store.stop(sessionId, now, now + limits.grace().toMillis())
                .orElseThrow(() -> new ShareRejection(ShareRejection.Reason.NOT_FOUND, "Session not found"));
        relay.publish(new ShareEvent.SessionEnded(sessionId, "stopped"));
        return new Stopped((now - stopped.startTime()) / 1000.0, stopped.bytesTransferred());
    }

    /** What {@link #stop} reports: seconds since the start, audio bytes received. */
    public record Stopped(double durationSeconds, long bytesTransferred) {
    }

    private static void refuseUnwritable(ShareStore.WriteResult result) {
        switch (result) {
            case NOT_FOUND -> throw new ShareRejection(ShareRejection.Reason.NOT_FOUND, "Session not found");
            case ENDED -> throw new ShareRejection(ShareRejection.Reason.ENDED, "Session has ended");
            case STORED, IGNORED -> {
            }
        }
    }

    // ---- polling listeners ----

    /** The session; {@code listener} (an address, say) is counted as listening, null counts nobody. */
    public SessionInfo status(String sessionId, String listener) {
        ShareCodec.sessionId(sessionId);
        long now = clock.millis();
        seen(sessionId, listener, now);
        return store.session(sessionId, now, listenersSince(now))
                .orElseThrow(() -> new ShareRejection(ShareRejection.Reason.NOT_FOUND, "Session not found"));
    }

    /** The latest metadata while fresh; NOT_FOUND without a session, NO_METADATA without fresh metadata. */
    public StoredMetadata latestMetadata(String sessionId, String listener) {
        ShareCodec.sessionId(sessionId);
        long now = clock.millis();
        seen(sessionId, listener, now);
        Optional<StoredMetadata> metadata = store.metadata(sessionId, now, now - limits.metadataTtl().toMillis());
        if (metadata.isPresent()) {
            return metadata.get();
        }
        if (store.session(sessionId, now, now).isEmpty()) {
            throw new ShareRejection(ShareRejection.Reason.NOT_FOUND, "Session not found");
        }
        throw new ShareRejection(ShareRejection.Reason.NO_METADATA, "Session not found or no metadata available");
    }

    /**
     * Chunks after {@code since}, ascending. {@code since < 0} is a newcomer: it gets the newest
     * {@code joinChunks}, what the receiver's playback buffer holds, rather than a backlog it
     * would have to drop. NOT_FOUND without a session; an empty list when nothing is new.
     */
    public List<BufferedChunk> audioSince(String sessionId, long since, String listener) {
        ShareCodec.sessionId(sessionId);
        long now = clock.millis();
        seen(sessionId, listener, now);
        List<BufferedChunk> chunks = store.chunksAfter(sessionId, since, since < 0 ? limits.joinChunks() : limits.bufferChunks(),
                now, now - limits.audioTtl().toMillis());
        if (chunks.isEmpty() && store.session(sessionId, now, now).isEmpty()) {
            throw new ShareRejection(ShareRejection.Reason.NOT_FOUND, "Session not found");
        }
        return chunks;
    }

    private void seen(String sessionId, String listener, long now) {
        if (listener != null) {
            store.seen(sessionId, listener, now);
        }
    }

    private long listenersSince(long now) {
        return now - limits.listenerWindow().toMillis();
    }

    // ---- push listeners ----

    /**
     * Follows a session. Nothing is delivered until {@link Subscription#start()}: then the listener
     * gets the latest fresh metadata and the newest {@code joinChunks} chunks, then every event as
     * it happens (those that came meanwhile included), and {@link ShareEvent.SessionEnded} last.
     * A stopped session gets the end at once. NOT_FOUND without a session.
     */
    public Subscription listen(String sessionId, ShareListener listener) {
        ShareCodec.sessionId(sessionId);
        long now = clock.millis();
        SessionInfo session = store.session(sessionId, now, listenersSince(now))
                .orElseThrow(() -> new ShareRejection(ShareRejection.Reason.NOT_FOUND, "Session not found"));
        Subscriber subscriber = new Subscriber(sessionId, "push:" + UUID.randomUUID(), listener);
        if (!session.active()) {
            return new Subscription(subscriber, session, () -> List.of(new ShareEvent.SessionEnded(sessionId, "stopped")));
        }
        subscribers.compute(sessionId, (id, list) -> {
            if (list == null) {
                list = new CopyOnWriteArrayList<>();
                relay.follow(id);
            }
            list.add(subscriber);
            return list;
        });
        store.seen(sessionId, subscriber.key, now);
        return new Subscription(subscriber, store.session(sessionId, now, listenersSince(now)).orElse(session),
                () -> backlog(sessionId));
    }

    /** What a newcomer hears first: the fresh metadata and the newest chunks. */
    private List<ShareEvent> backlog(String sessionId) {
        long now = clock.millis();
        List<ShareEvent> backlog = new ArrayList<>();
        store.metadata(sessionId, now, now - limits.metadataTtl().toMillis())
                .ifPresent(metadata -> backlog.add(new ShareEvent.MetadataChanged(sessionId, metadata)));
        for (BufferedChunk buffered : store.chunksAfter(sessionId, -1, limits.joinChunks(), now, now - limits.audioTtl().toMillis())) {
            AudioChunk chunk = codec.fromJson(buffered.json());
            backlog.add(new ShareEvent.ChunkArrived(sessionId, chunk, codec.frame(sessionId, chunk)));
        }
        return backlog;
    }

    /** A push subscription; close it to stop listening. */
    public final class Subscription implements AutoCloseable {
        private final Subscriber subscriber;
        private final SessionInfo session;
        private final java.util.function.Supplier<List<ShareEvent>> backlog;
        private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

        private Subscription(Subscriber subscriber, SessionInfo session, java.util.function.Supplier<List<ShareEvent>> backlog) {
            this.subscriber = subscriber;
            this.session = session;
            this.backlog = backlog;
        }

        /** Delivers the backlog, then what came meanwhile, then live events; once. */
        public void start() {
            if (started.compareAndSet(false, true)) {
                subscriber.ready(backlog.get());
            }
        }

        /** The session as it was when the subscription began. */
        public SessionInfo session() {
            return session;
        }

        @Override
        public void close() {
            remove(subscriber);
        }
    }

    private void remove(Subscriber subscriber) {
        subscribers.computeIfPresent(subscriber.sessionId, (id, list) -> {
            list.remove(subscriber);
            if (list.isEmpty()) {
                relay.unfollow(id);
                return null;
            }
            return list;
        });
        store.forget(subscriber.sessionId, subscriber.key);
    }

    /** An event from the relay: to this node's subscribers of the session. */
    private void deliver(ShareEvent event) {
        List<Subscriber> listeners = subscribers.get(event.sessionId());
        if (listeners == null) {
            return;
        }
        for (Subscriber subscriber : listeners) {
            subscriber.offer(event);
        }
        if (event instanceof ShareEvent.SessionEnded) {
            for (Subscriber subscriber : listeners) {
                remove(subscriber);
            }
        }
    }

    /**
     * One push listener. Until its backlog is delivered, live events wait; afterwards a live
     * chunk the backlog already carried is skipped, so a chunk arriving during the subscription
     * is heard once. Events reach the listener one at a time.
     */
    private static final class Subscriber {
        final String sessionId;
        final String key;
        private final ShareListener listener;
        private List<ShareEvent> waiting = new ArrayList<>();
        private java.util.Set<Integer> backlogChunks = java.util.Set.of();

        Subscriber(String sessionId, String key, ShareListener listener) {
            this.sessionId = sessionId;
            this.key = key;
            this.listener = listener;
        }

        synchronized void offer(ShareEvent event) {
            if (waiting != null) {
                waiting.add(event);
            } else {
                send(event);
            }
        }

        synchronized void ready(List<ShareEvent> backlog) {
            java.util.Set<Integer> sent = new java.util.HashSet<>();
            for (ShareEvent event : backlog) {
                if (event instanceof ShareEvent.ChunkArrived chunk) {
                    sent.add(chunk.chunk().sequenceNumber());
                }
                send(event);
            }
            backlogChunks = sent;
            List<ShareEvent> early = waiting;
            waiting = null;
            for (ShareEvent event : early) {
                send(event);
            }
        }

        private void send(ShareEvent event) {
            if (waiting == null && event instanceof ShareEvent.ChunkArrived chunk
                    && backlogChunks.contains(chunk.chunk().sequenceNumber())) {
                return;
            }
            try {
                listener.event(event);
            } catch (RuntimeException e) {
                LOG.warn("A music share listener of session {} failed", sessionId, e);
            }
        }
    }

    // ---- upkeep ----

    /** One round of upkeep; runs periodically once {@link #startTicking} was called. */
    public void tick() {
        long now = clock.millis();
        store.sweep(now, listenersSince(now));
        for (Map.Entry<String, CopyOnWriteArrayList<Subscriber>> entry : subscribers.entrySet()) {
            String sessionId = entry.getKey();
            Optional<SessionInfo> session = store.session(sessionId, now, now);
            if (session.isEmpty() || !session.get().active()) {
                // Expired without a stop (or stopped on a node whose message we missed).
                deliver(new ShareEvent.SessionEnded(sessionId, session.isEmpty() ? "expired" : "stopped"));
                continue;
            }
            for (Subscriber subscriber : entry.getValue()) {
                store.seen(sessionId, subscriber.key, now);
            }
        }
    }

    /** Figures for /health. */
    public Map<String, Object> describe() {
        long now = clock.millis();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("store", store.kind());
        figures.put("active_sessions", store.activeSessions(now));
        figures.put("max_sessions", limits.maxSessions());
        figures.put("push_listeners", subscribers.values().stream().mapToInt(List::size).sum());
        figures.put("sessions_started", sessionsStarted.get());
        figures.put("metadata_received", metadataReceived.get());
        figures.put("chunks_received", chunksReceived.get());
        figures.put("chunks_ignored", chunksIgnored.get());
        figures.put("audio_bytes_received", audioBytesReceived.get());
        return figures;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        relay.close();
        store.close();
    }
}
