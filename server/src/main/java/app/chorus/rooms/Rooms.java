package app.chorus.rooms;

import app.chorus.accounts.PasswordHasher;
import app.chorus.rooms.RoomCommand.ApplyResolvedUrl;
import app.chorus.rooms.RoomCommand.Join;
import app.chorus.rooms.RoomCommand.Leave;
import app.chorus.rooms.RoomRepository.StoredRoom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The karaoke rooms feature: creates, verifies, joins and runs rooms. Each room runs its commands
 * one at a time under its own lock (never a global one): apply the pure {@link RoomState}
 * transition, commit durable changes to the database, then hand the events to every connected
 * {@link RoomEventSink} (one per transport: /ws, Socket.IO), so nothing is acknowledged or
 * broadcast before it is stored. Thread-safe.
 */
public final class Rooms implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);
    private static final int MAX_ROOM_ID_LENGTH = 128;

    private final RoomRepository repository;
    private final PasswordHasher passwords;
    private final RoomAccess access;
    private final VideoUrlResolver resolver;
    private final InstantSource clock;
    private final RoomLimits limits;
    private final int maxRooms;
    private final QueueItemIds itemIds = new QueueItemIds();
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final ExecutorService prefetcher = Executors.newVirtualThreadPerTaskExecutor();
    /** Copy-on-write: sinks are added a few times while wiring, then only read, under every room's lock. */
    private final List<RoomEventSink> sinks = new CopyOnWriteArrayList<>();

    /** A loaded room and the lock that makes it single-writer. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        final Set<String> prefetching = ConcurrentHashMap.newKeySet();
        volatile RoomState state;
    }

    /** Optional credentials a client brings to join_room. */
    public record Credentials(String password, List<String> proofs) {
        public static final Credentials NONE = new Credentials(null, List.of());
    }

    /** A successful /rooms/verify: the room, and for a password room a proof to keep in a cookie. */
    public record Verification(RoomInfo room, String proof) {
    }

    public Rooms(RoomRepository repository, PasswordHasher passwords, RoomAccess access, VideoUrlResolver resolver,
                 InstantSource clock, RoomLimits limits, int maxRooms) {
        this.repository = repository;
        this.passwords = passwords;
        this.access = access;
        this.resolver = resolver;
        this.clock = clock;
        this.limits = limits;
        this.maxRooms = maxRooms;
    }

    /** Adds a place events go; each transport calls this once while wiring. Sinks get events in the order added. */
    public void connect(RoomEventSink eventSink) {
        sinks.add(eventSink);
    }

    /** Creates a room. A non-empty password makes it private. */
    public RoomInfo create(String roomId, boolean isPublic, String password) {
        requireValidId(roomId);
        boolean hasPassword = password != null && !password.isEmpty();
        RoomSettings settings = new RoomSettings(isPublic && !hasPassword, hasPassword ? passwords.hash(password) : null,
                truncateToMillis(clock.instant()));
        requireRoomCapacity();
        if (!repository.insert(roomId, settings)) {
            throw new RoomRejection(RoomRejection.CONFLICT, "Room " + roomId + " already exists");
        }
        return RoomInfo.of(roomId, settings);
    }

    /** The room's public facts, if it exists. */
    public Optional<RoomInfo> info(String roomId) {
        return settings(roomId).map(settings -> RoomInfo.of(roomId, settings));
    }

    /**
     * Checks a password against a room.
     *
     * @throws RoomRejection not_found, or authorization_error with the exact strings the original
     *                       front end compares: "Password required", "Invalid password"
     */
    public Verification verify(String roomId, String password) {
        RoomSettings settings = settings(roomId)
                .orElseThrow(() -> new RoomRejection(RoomRejection.NOT_FOUND, "Room not found"));
        RoomInfo info = RoomInfo.of(roomId, settings);
        if (!settings.requiresPassword()) {
            return new Verification(info, null);
        }
        checkPassword(settings, password);
        return new Verification(info, access.issue(roomId, settings.passwordHash(), clock.instant()));
    }

    /** How long a proof from {@link #verify} lasts. */
    public java.time.Duration proofTtl() {
        return access.ttl();
    }

    /**
     * Puts a client in a room, creating it (public, no password) when it does not exist. A password
     * room admits the client only with the right password or a valid proof from {@link #verify}.
     */
    public void join(String roomId, Member member, Credentials credentials) {
        requireValidId(roomId);
        Slot slot = slot(roomId, true);
        RoomSettings settings = slot.state.settings();
        if (settings.requiresPassword()) {
            Instant now = clock.instant();
            boolean proven = credentials.proofs().stream()
                    .anyMatch(proof -> access.accepts(proof, roomId, settings.passwordHash(), now));
            if (!proven) {
                checkPassword(settings, credentials.password());
            }
        }
        execute(slot, new Join(member));
    }

    /** Removes a client from a room; nothing happens if it is not there. */
    public void leave(String roomId, long connectionId) {
        Slot slot = slots.get(roomId);
        if (slot != null && slot.state != null) {
            execute(slot, new Leave(connectionId));
        }
    }

    /**
     * Queues a song for a singer (null for none) with a fresh queue item id: the PWA's queue_song,
     * which plays at once in an idle room.
     */
    public void queueSong(String roomId, KaraokeEntry entry, String singer) {
        execute(roomId, new RoomCommand.QueueSong(entry, itemIds.next(), singer, null, true));
    }

    /**
     * Adds a song for a singer to the end of a room's queue without starting it, even in an idle
     * room (the Open Karaoke Studio's add), creating the room (public, no password) if needed.
     *
     * @param album the library song's album, or null
     * @return the new item, with its number, at its position in the lineup
     * @throws RoomRejection limit_exceeded when the queue is full
     */
    public Lineup.Placed addToLineup(String roomId, KaraokeEntry entry, String singer, String album) {
        String itemId = itemIds.next();
        RoomState state = executeCreating(roomId, new RoomCommand.QueueSong(entry, itemId, singer, album, false));
        return state.lineup().placed().stream().filter(placed -> placed.item().id().equals(itemId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("A queued item is missing from the queue"));
    }

    /**
     * A room's current item and queue, loading the room if it is stored; an unknown room has an
     * empty lineup (and is not created).
     */
    public Lineup lineup(String roomId) {
        try {
            return slot(roomId, false).state.lineup();
        } catch (RoomRejection missing) {
            if (missing.errorType().equals(RoomRejection.NOT_FOUND)) {
                return Lineup.EMPTY;
            }
            throw missing;
        }
    }

    /** Runs a command in a loaded room. */
    public void execute(String roomId, RoomCommand command) {
        Slot slot = slots.get(roomId);
        if (slot == null || slot.state == null) {
            throw new RoomRejection(RoomRejection.NOT_FOUND, "Room not found");
        }
        execute(slot, command);
    }

    /**
     * Runs a command in a room, loading it or creating it (public, no password) first: for clients
     * that send commands without joining, such as the Open Karaoke Studio pages mapped onto one room.
     *
     * @return the room's state right after this command
     */
    public RoomState executeCreating(String roomId, RoomCommand command) {
        requireValidId(roomId);
        return execute(slot(roomId, true), command);
    }

    /** The current state of a loaded room, if any (a snapshot; it may change right after). */
    public Optional<RoomState> snapshot(String roomId) {
        Slot slot = slots.get(roomId);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.state);
    }

    /** Live rooms (with at least one client), the fullest first. */
    public List<RoomSummary> liveRooms() {
        return slots.values().stream()
                .map(slot -> slot.state)
                .filter(state -> state != null && !state.members().isEmpty())
                .map(RoomSummary::of)
                .sorted(Comparator.comparingInt(RoomSummary::clientCount).reversed().thenComparing(RoomSummary::id))
                .toList();
    }

    /** Rooms held in memory (live or recently used). */
    public int loadedRooms() {
        return slots.size();
    }

    private RoomState execute(Slot slot, RoomCommand command) {
        slot.lock.lock();
        try {
            RoomState before = slot.state;
            Instant now = clock.instant();
            RoomState.Transition transition = before.apply(command, now);
            if (transition.durableChange()) {
                repository.saveState(transition.state(), now);
            }
            slot.state = transition.state();
            List<RoomEvent> toSend = new ArrayList<>(transition.events().size());
            for (RoomEvent event : transition.events()) {
                if (event instanceof RoomEvent.PrefetchNeeded prefetch) {
                    prefetch(slot, transition.state().id(), prefetch.items());
                } else {
                    toSend.add(event);
                }
            }
            if (!toSend.isEmpty()) {
                deliver(transition.state(), toSend);
            }
            return transition.state();
        } finally {
            slot.lock.unlock();
        }
    }

    /** The state is already stored: a transport that fails must not keep the others from hearing it. */
    private void deliver(RoomState room, List<RoomEvent> events) {
        for (RoomEventSink sink : sinks) {
            try {
                sink.deliver(room, events);
            } catch (RuntimeException e) {
                LOG.warn("A transport failed to deliver the events of room {}", room.id(), e);
            }
        }
    }

    private void prefetch(Slot slot, String roomId, List<QueueItem> items) {
        if (resolver == VideoUrlResolver.NONE) {
            return;
        }
        for (QueueItem item : items) {
            if (!slot.prefetching.add(item.id())) {
                continue;
            }
            prefetcher.execute(() -> {
                try {
                    resolver.resolve(item.entry())
                            .ifPresent(url -> execute(slot, new ApplyResolvedUrl(item.id(), url)));
                } catch (RuntimeException e) {
                    LOG.warn("Prefetch of a video URL for room {} failed", roomId, e);
                } finally {
                    slot.prefetching.remove(item.id());
                }
            });
        }
    }

    private Optional<RoomSettings> settings(String roomId) {
        Slot slot = slots.get(roomId);
        if (slot != null && slot.state != null) {
            return Optional.of(slot.state.settings());
        }
        return repository.find(roomId).map(StoredRoom::settings);
    }

    /** The room's slot, loading it from the database (and creating the room if asked). */
    private Slot slot(String roomId, boolean createIfMissing) {
        Slot slot = slots.computeIfAbsent(roomId, id -> new Slot());
        if (slot.state != null) {
            return slot;
        }
        slot.lock.lock();
        try {
            if (slot.state == null) {
                Optional<StoredRoom> stored = repository.find(roomId);
                if (stored.isEmpty() && createIfMissing) {
                    requireRoomCapacity();
                    repository.insert(roomId, new RoomSettings(true, null, truncateToMillis(clock.instant())));
                    stored = repository.find(roomId);
                }
                StoredRoom room = stored.orElseThrow(() -> new RoomRejection(RoomRejection.NOT_FOUND, "Room not found"));
                double queueTimestamp = room.updatedAt().toEpochMilli() / 1000.0;
                slot.state = new RoomState(room.id(), room.settings(), limits, room.queue(), room.queueVersion(),
                        queueTimestamp, room.player(), room.playerVersion(), List.of(), null, room.performance(),
                        room.current(), room.lastItemNumber()).restored(itemIds::next);
            }
            return slot;
        } catch (RuntimeException e) {
            slots.remove(roomId, slot);
            throw e;
        } finally {
            slot.lock.unlock();
        }
    }

    private void checkPassword(RoomSettings settings, String password) {
        if (password == null || password.isEmpty()) {
            throw new RoomRejection(RoomRejection.AUTHORIZATION_ERROR, "Password required");
        }
        if (!passwords.verify(password, settings.passwordHash())) {
            throw new RoomRejection(RoomRejection.AUTHORIZATION_ERROR, "Invalid password");
        }
    }

    private void requireRoomCapacity() {
        if (repository.count() >= maxRooms) {
            throw new RoomRejection(RoomRejection.LIMIT_EXCEEDED, "Room limit reached (" + maxRooms + " rooms)");
        }
    }

    private static void requireValidId(String roomId) {
        if (roomId == null || roomId.isBlank() || roomId.length() > MAX_ROOM_ID_LENGTH
                || roomId.chars().anyMatch(Character::isISOControl)) {
            throw new RoomRejection(RoomRejection.INVALID,
                    "room_id must be 1 to " + MAX_ROOM_ID_LENGTH + " characters without control characters");
        }
    }

    private static Instant truncateToMillis(Instant instant) {
        return Instant.ofEpochMilli(instant.toEpochMilli());
    }

    @Override
    public void close() {
        prefetcher.shutdownNow();
    }
}
