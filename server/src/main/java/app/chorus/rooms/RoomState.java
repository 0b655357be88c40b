package app.chorus.rooms;

import app.chorus.rooms.RoomCommand.ApplyResolvedUrl;
import app.chorus.rooms.RoomCommand.ChangePerformance;
import app.chorus.rooms.RoomCommand.JoinPerformance;
import app.chorus.rooms.RoomCommand.PlayPerformance;
import app.chorus.rooms.RoomCommand.ReportPerformance;
import app.chorus.rooms.RoomCommand.ResetPerformance;
import app.chorus.rooms.RoomCommand.ClearQueue;
import app.chorus.rooms.RoomCommand.Join;
import app.chorus.rooms.RoomCommand.Leave;
import app.chorus.rooms.RoomCommand.PlayItem;
import app.chorus.rooms.RoomCommand.PlayNext;
import app.chorus.rooms.RoomCommand.Placement;
import app.chorus.rooms.RoomCommand.QueueNextSong;
import app.chorus.rooms.RoomCommand.QueueSong;
import app.chorus.rooms.RoomCommand.RelayQueue;
import app.chorus.rooms.RoomCommand.RemoveItem;
import app.chorus.rooms.RoomCommand.RemoveSong;
import app.chorus.rooms.RoomCommand.ReorderQueue;
import app.chorus.rooms.RoomCommand.ReportPlayerState;
import app.chorus.rooms.RoomCommand.SetPlaying;
import app.chorus.rooms.RoomCommand.SetVolume;
import app.chorus.rooms.RoomCommand.VideoLoaded;
import app.chorus.rooms.RoomEvent.ClientCount;
import app.chorus.rooms.RoomEvent.LeaderStatus;
import app.chorus.rooms.RoomEvent.PlayerStateChanged;
import app.chorus.rooms.RoomEvent.PrefetchNeeded;
import app.chorus.rooms.RoomEvent.QueueChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One karaoke room, as a pure value: members, queue and player state. The only way it changes
 * is {@link #apply}, which returns the next state and the events to send, in order. Nothing here
 * does I/O or reads a clock, so every rule of the protocol is testable without a socket.
 *
 * @param queueVersion       increases by one on every queue change, never reused (persisted)
 * @param queueTimestamp     epoch seconds of the last queue broadcast; strictly increasing
 * @param playerVersionFloor the highest player-state version seen or issued; server-issued versions
 *                           are above it, so a server state always wins over any earlier echo, even
 *                           from a display whose clock runs ahead
 * @param current            the item the server last handed the player (play_next, an Open Karaoke
 *                           Studio play or delete), with its number and singer; null once the player
 *                           was told to finish. A display's reports do not change it: they echo it,
 *                           and a late report of the previous song must not replace it (persisted)
 * @param lastItemNumber     the highest item number issued in this room; numbers are never reused (persisted)
 */
public record RoomState(String id, RoomSettings settings, RoomLimits limits, List<QueueItem> queue,
                        long queueVersion, double queueTimestamp, PlayerState player, long playerVersionFloor,
                        List<Member> members, Long leaderId, Performance performance, QueueItem current,
                        int lastItemNumber) {

    private static final double DEFAULT_VOLUME = 0.5;
    private static final int PREFETCH_DEPTH = 2;

    public RoomState {
        queue = List.copyOf(queue);
        members = List.copyOf(members);
        performance = performance == null ? Performance.INITIAL : performance;
    }

    /** A new, empty room. */
    public static RoomState create(String id, RoomSettings settings, RoomLimits limits) {
        return new RoomState(id, settings, limits, List.of(), 1, 0, null, 0, List.of(), null, Performance.INITIAL, null, 0);
    }

    /**
     * This state as loaded from storage, made whole for rooms stored before items had numbers:
     * unnumbered items get the next numbers (the current item first), and an entry the player
     * holds without a current item becomes the current item, so the lineup shows it.
     *
     * @param newItemId makes the id of such a current item
     */
    public RoomState restored(Supplier<String> newItemId) {
        int last = lastItemNumber;
        for (QueueItem item : queue) {
            last = Math.max(last, item.number());
        }
        QueueItem restoredCurrent = current;
        if (restoredCurrent == null && player != null && player.entry() != null) {
            restoredCurrent = new QueueItem(newItemId.get(), player.entry(), 0, null, null);
        }
        if (restoredCurrent != null) {
            last = Math.max(last, restoredCurrent.number());
            if (restoredCurrent.number() <= 0) {
                restoredCurrent = restoredCurrent.withNumber(++last);
            }
        }
        List<QueueItem> numbered = new ArrayList<>(queue.size());
        for (QueueItem item : queue) {
            numbered.add(item.number() > 0 ? item : item.withNumber(++last));
        }
        return new RoomState(id, settings, limits, numbered, queueVersion, queueTimestamp, player, playerVersionFloor,
                members, leaderId, performance, restoredCurrent, last);
    }

    /** The outcome of a command: the next state, its events, and whether durable fields changed. */
    public record Transition(RoomState state, List<RoomEvent> events, boolean durableChange) {
    }

    /**
     * Applies one command.
     *
     * @throws RoomRejection when a limit forbids it (the state is then unchanged)
     */
    public Transition apply(RoomCommand command, Instant now) {
        Builder next = new Builder(this, now);
        switch (command) {
            case Join join -> next.join(join.member());
            case Leave leave -> next.leave(leave.connectionId());
            case QueueSong queueSong -> next.queueSong(queueSong);
            case RemoveSong remove -> next.removeSong(remove.itemId());
            case QueueNextSong moveToFront -> next.moveToFront(moveToFront.itemId());
            case ClearQueue clear -> next.clearQueue();
            case PlayNext playNext -> next.playNext();
            case RemoveItem remove -> next.removeItem(remove.number());
            case PlayItem play -> next.playItem(play.number());
            case ReorderQueue reorder -> next.reorder(reorder.placements());
            case SetPlaying setPlaying -> next.events.add(new RoomEvent.PlaybackRequested(setPlaying.play(), Audience.DISPLAYS));
            case SetVolume setVolume -> next.events.add(new RoomEvent.VolumeRequested(setVolume.volume(), Audience.DISPLAYS));
            case ReportPlayerState report -> next.reportPlayerState(report.state());
            case VideoLoaded loaded -> next.events.add(next.playerEvent(next.stamp(loaded.state()), Audience.CONTROLLERS));
            case RelayQueue relay -> next.events.add(next.queueEvent(Audience.CONTROLLERS));
            case ApplyResolvedUrl resolved -> next.applyResolvedUrl(resolved);
            case JoinPerformance join -> next.events.add(
                    new RoomEvent.PerformanceChanged(next.performance, new Audience.Only(join.connectionId())));
            case ChangePerformance change -> next.changePerformance(change);
            case ReportPerformance report -> next.reportPerformance(report);
            case PlayPerformance play -> next.playPerformance(play.play());
            case ResetPerformance reset -> next.resetPerformance(reset.senderId());
        }
        return next.build();
    }

    /** The member that leads, if any. */
    public Optional<Member> leader() {
        return members.stream().filter(member -> leaderId != null && member.connectionId() == leaderId).findFirst();
    }

    /** The entry the player holds (playing or not), or null. */
    public KaraokeEntry currentEntry() {
        return player == null ? null : player.entry();
    }

    /** The current item and the queue, as the Open Karaoke Studio lists them. */
    public Lineup lineup() {
        return new Lineup(current, queue);
    }

    /** Mutable scratch copy used while one command is applied; never escapes {@link #apply}. */
    private static final class Builder {
        private final RoomState original;
        private final Instant now;
        private final List<RoomEvent> events = new ArrayList<>();
        private List<QueueItem> queue;
        private long queueVersion;
        private double queueTimestamp;
        private PlayerState player;
        private long playerVersionFloor;
        private List<Member> members;
        private Long leaderId;
        private Performance performance;
        private QueueItem current;
        private int lastItemNumber;
        /** The item this command handed the player, if any: announced after the lineup. */
        private QueueItem played;
        private boolean durableChange;

        Builder(RoomState state, Instant now) {
            this.original = state;
            this.now = now;
            this.queue = new ArrayList<>(state.queue);
            this.queueVersion = state.queueVersion;
            this.queueTimestamp = state.queueTimestamp;
            this.player = state.player;
            this.playerVersionFloor = state.playerVersionFloor;
            this.members = new ArrayList<>(state.members);
            this.leaderId = state.leaderId;
            this.performance = state.performance;
            this.current = state.current;
            this.lastItemNumber = state.lastItemNumber;
        }

        Transition build() {
            RoomState state = new RoomState(original.id, original.settings, original.limits, queue, queueVersion,
                    queueTimestamp, player, playerVersionFloor, members, leaderId, performance, current, lastItemNumber);
            boolean currentChanged = current == null ? original.current != null
                    : original.current == null || original.current.number() != current.number();
            if (queueVersion != original.queueVersion || currentChanged || played != null) {
                events.add(new RoomEvent.LineupChanged(state.lineup()));
            }
            if (played != null) {
                events.add(new RoomEvent.ItemPlayed(played));
            }
            return new Transition(state, List.copyOf(events), durableChange);
        }

        void join(Member member) {
            if (members.stream().anyMatch(existing -> existing.connectionId() == member.connectionId())) {
                return;
            }
            if (members.size() >= original.limits.maxClients()) {
                throw new RoomRejection(RoomRejection.LIMIT_EXCEEDED,
                        "Room " + original.id + " is full (" + original.limits.maxClients() + " clients)");
            }
            members.add(member);
            if (member.type() == ClientType.CONTROLLER && !leaderPresent()) {
                electLeader();
            }
            events.add(new ClientCount(members.size(), Audience.EVERYONE));
            Audience joiner = new Audience.Only(member.connectionId());
            events.add(new ClientCount(members.size(), joiner));
            events.add(new QueueChanged(List.copyOf(queue), queueVersion, queueTimestamp, joiner));
            if (player != null) {
                events.add(playerEvent(player, joiner));
            }
            if (member.type() == ClientType.CONTROLLER) {
                events.add(new LeaderStatus(leaderId != null && leaderId == member.connectionId(), joiner));
            }
        }

        void leave(long connectionId) {
            boolean removed = members.removeIf(member -> member.connectionId() == connectionId);
            if (!removed) {
                return;
            }
            if (leaderId != null && leaderId == connectionId) {
                leaderId = null;
                electLeader();
            }
            events.add(new ClientCount(members.size(), Audience.EVERYONE));
        }

        private boolean leaderPresent() {
            return leaderId != null && members.stream().anyMatch(member -> member.connectionId() == leaderId);
        }

        /** The earliest-connected controller leads; every controller hears who it is. */
        private void electLeader() {
            Optional<Member> first = members.stream()
                    .filter(member -> member.type() == ClientType.CONTROLLER)
                    .min(Comparator.comparingLong(Member::connectionOrder));
            leaderId = first.map(Member::connectionId).orElse(null);
            for (Member member : members) {
                if (member.type() == ClientType.CONTROLLER) {
                    events.add(new LeaderStatus(member.connectionId() == leaderId, new Audience.Only(member.connectionId())));
                }
            }
        }

        void queueSong(QueueSong command) {
            if (queue.size() >= original.limits.maxQueueLength()) {
                throw new RoomRejection(RoomRejection.LIMIT_EXCEEDED,
                        "Queue is full (" + original.limits.maxQueueLength() + " songs)");
            }
            boolean wasEmpty = queue.isEmpty();
            queue.add(new QueueItem(command.itemId(), command.entry(), ++lastItemNumber, command.singer(), command.album()));
            queueChanged();
            roomStateBlock(true);
            if (command.playIfIdle() && wasEmpty && (player == null || player.entry() == null)) {
                playNext();
            }
        }

        void removeSong(String itemId) {
            if (queue.removeIf(item -> item.id().equals(itemId))) {
                queueChanged();
                roomStateBlock(true);
            }
        }

        void moveToFront(String itemId) {
            for (int index = 0; index < queue.size(); index++) {
                if (queue.get(index).id().equals(itemId)) {
                    queue.addFirst(queue.remove(index));
                    break;
                }
            }
            // The original bumps the version even when the id is unknown; clients only see a newer queue.
            queueChanged();
            roomStateBlock(true);
        }

        void clearQueue() {
            queue.clear();
            queueChanged();
            roomStateBlock(true);
        }

        void playNext() {
            QueueItem next = null;
            if (!queue.isEmpty()) {
                next = queue.removeFirst();
                queueChanged();
            }
            play(next);
        }

        void removeItem(int number) {
            if (current != null && current.number() == number) {
                playNext();
                return;
            }
            int index = indexOf(number);
            queue.remove(index);
            queueChanged();
            if (current == null && !queue.isEmpty()) {
                // Nothing was current: what remains is renumbered from 0, so the head becomes current.
                playNext();
            } else {
                roomStateBlock(true);
            }
        }

        void playItem(int number) {
            if (current != null && current.number() == number) {
                play(current);
                return;
            }
            QueueItem chosen = queue.remove(indexOf(number));
            queueChanged();
            play(chosen);
        }

        void reorder(List<Placement> placements) {
            Map<Integer, Integer> keys = new HashMap<>();
            for (int index = 0; index < queue.size(); index++) {
                keys.put(queue.get(index).number(), index + 1);
            }
            for (Placement placement : placements) {
                keys.computeIfPresent(placement.number(), (number, present) -> placement.position());
            }
            // List.sort is stable: equal positions keep the present order.
            queue.sort(Comparator.comparingInt(item -> keys.get(item.number())));
            queueChanged();
            roomStateBlock(true);
        }

        /** The queue index of the item with this number; not_found when there is none. */
        private int indexOf(int number) {
            for (int index = 0; index < queue.size(); index++) {
                if (queue.get(index).number() == number) {
                    return index;
                }
            }
            throw new RoomRejection(RoomRejection.NOT_FOUND, "Item not found");
        }

        /** A player_state event, naming the singer of the current item when the state is about it. */
        PlayerStateChanged playerEvent(PlayerState state, Audience audience) {
            boolean aboutCurrent = current != null && state.entry() != null && current.entry().id().equals(state.entry().id());
            return new PlayerStateChanged(state, aboutCurrent ? current.singer() : null, audience);
        }

        /** Hands the player an item (from its start, playing), or tells it to finish when there is none. */
        private void play(QueueItem item) {
            current = item;
            KaraokeEntry entry = item == null ? null : item.entry();
            double volume = player == null ? DEFAULT_VOLUME : player.volume();
            player = new PlayerState(entry, entry == null ? PlayState.FINISHED : PlayState.PLAYING, 0, 0, volume,
                    nextPlayerVersion(), epochSeconds());
            durableChange = true;
            if (item != null) {
                played = item;
            }
            events.add(playerEvent(player, Audience.EVERYONE));
            roomStateBlock(true);
        }

        void reportPlayerState(PlayerState reported) {
            PlayerState stamped = stamp(reported);
            if (stamped.differsMateriallyFrom(player)) {
                durableChange = true;
            }
            player = stamped;
            events.add(playerEvent(stamped, Audience.EVERYONE));
        }

        void applyResolvedUrl(ApplyResolvedUrl resolved) {
            for (int index = 0; index < queue.size(); index++) {
                QueueItem item = queue.get(index);
                if (item.id().equals(resolved.itemId()) && item.entry().videoUrl() == null) {
                    queue.set(index, item.withEntry(item.entry().withVideoUrl(resolved.videoUrl())));
                    durableChange = true;
                    queueTimestamp = nextQueueTimestamp();
                    roomStateBlock(false);
                    return;
                }
            }
        }

        void changePerformance(ChangePerformance change) {
            performance = performance.with(change.change());
            durableChange = true;
            events.add(new RoomEvent.ControlChanged(change.change(), new Audience.AllBut(change.senderId())));
        }

        /** Progress reports come several times a second: kept in memory, stored with the next durable change. */
        void reportPerformance(ReportPerformance report) {
            performance = performance.withPlayback(report.playing(), report.currentTime(), report.duration());
            events.add(new RoomEvent.PerformanceChanged(performance, new Audience.Only(report.senderId())));
        }

        void playPerformance(boolean play) {
            performance = performance.withPlayback(play, null, null);
            durableChange = true;
            events.add(new RoomEvent.PerformancePlayback(play, Audience.EVERYONE));
            events.add(new RoomEvent.PerformanceChanged(performance, Audience.EVERYONE));
        }

        void resetPerformance(long senderId) {
            performance = performance.withPlayback(false, 0.0, null);
            durableChange = true;
            events.add(new RoomEvent.PerformanceReset(new Audience.AllBut(senderId)));
        }

        /** Re-stamps a client-made state with a server version above every version seen so far. */
        PlayerState stamp(PlayerState state) {
            playerVersionFloor = Math.max(playerVersionFloor, state.version());
            PlayerState stamped = state.stamped(nextPlayerVersion(), epochSeconds());
            if (playerVersionFloor > now.toEpochMilli()) {
                // A client clock runs ahead and pushed the floor past ours: store it, or after a
                // restart our clock alone would issue versions below the ones clients hold.
                durableChange = true;
            }
            return stamped;
        }

        private long nextPlayerVersion() {
            playerVersionFloor = Math.max(now.toEpochMilli(), playerVersionFloor + 1);
            return playerVersionFloor;
        }

        private void queueChanged() {
            queueVersion++;
            queueTimestamp = nextQueueTimestamp();
            durableChange = true;
        }

        private double nextQueueTimestamp() {
            return Math.max(epochSeconds(), queueTimestamp + 0.001);
        }

        private double epochSeconds() {
            return now.toEpochMilli() / 1000.0;
        }

        QueueChanged queueEvent(Audience audience) {
            return new QueueChanged(List.copyOf(queue), queueVersion, queueTimestamp, audience);
        }

        /** The contract's "RoomState" block: queue to all, stored player state to displays, prefetch. */
        private void roomStateBlock(boolean prefetch) {
            events.add(queueEvent(Audience.EVERYONE));
            if (player != null) {
                events.add(playerEvent(player, Audience.DISPLAYS));
            }
            if (prefetch) {
                List<QueueItem> unresolved = queue.stream().limit(PREFETCH_DEPTH)
                        .filter(item -> item.entry().videoUrl() == null).toList();
                if (!unresolved.isEmpty()) {
                    events.add(new PrefetchNeeded(unresolved));
                }
            }
        }
    }
}
