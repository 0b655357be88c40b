package app.chorus.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.rooms.RoomCommand.Placement;
import app.chorus.rooms.RoomEvent.ItemPlayed;
import app.chorus.rooms.RoomEvent.LineupChanged;
import app.chorus.rooms.RoomEvent.PlayerStateChanged;
import app.chorus.rooms.RoomEvent.QueueChanged;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The lineup rules (the Open Karaoke Studio's queue over a room) as a pure state machine: item
 * numbers and singers, add without auto-play, delete, play and reorder, and the events they send.
 */
class RoomLineupTest {
    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

    private RoomState room = RoomState.create("party", new RoomSettings(true, null, T0), new RoomLimits(3, 4));
    private Instant now = T0;

    private RoomState.Transition apply(RoomCommand command) {
        now = now.plusMillis(10);
        RoomState.Transition transition = room.apply(command, now);
        room = transition.state();
        return transition;
    }

    private static KaraokeEntry song(String id) {
        return new KaraokeEntry(id, "Title " + id, "Artist", "/api/songs/" + id + "/download/instrumental", "library",
                "Chorus library", 200.0);
    }

    /** The Open Karaoke Studio's add: a singer, an album, and no auto-play. */
    private RoomState.Transition add(String id) {
        return apply(new RoomCommand.QueueSong(song(id), "item-" + id, "Singer " + id, "Album " + id, false));
    }

    private int number(String id) {
        return room.lineup().placed().stream().filter(placed -> placed.item().entry().id().equals(id)).findFirst()
                .orElseThrow().item().number();
    }

    /** The lineup as {@code id@position} strings, in order. */
    private List<String> lineup() {
        return room.lineup().placed().stream().map(placed -> placed.item().entry().id() + "@" + placed.position()).toList();
    }

    @Test
    void itemsGetRisingNumbersThatAreNeverReused() {
        add("a");
        add("b");
        apply(new RoomCommand.RemoveItem(number("b")));
        add("c");
        apply(new RoomCommand.QueueSong(song("d"), "item-d"));

        assertThat(room.lineup().placed()).extracting(placed -> placed.item().number()).containsExactly(1, 3, 4);
        assertThat(room.lastItemNumber()).isEqualTo(4);
    }

    @Test
    void anAddToAnIdleRoomWaitsAtPositionOneWithNothingCurrent() {
        List<RoomEvent> events = add("a").events();

        assertThat(room.current()).isNull();
        assertThat(room.player()).isNull();
        assertThat(lineup()).containsExactly("a@1");
        QueueItem added = room.queue().getFirst();
        assertThat(added).isEqualTo(new QueueItem("item-a", song("a"), 1, "Singer a", "Album a"));
        assertThat(events).noneMatch(ItemPlayed.class::isInstance);
        assertThat(events.getFirst()).isEqualTo(new QueueChanged(room.queue(), 2, room.queueTimestamp(), Audience.EVERYONE));
        assertThat(events.getLast()).isEqualTo(new LineupChanged(room.lineup()));
    }

    @Test
    void playNextHandsThePlayerTheItemWhichKeepsItsNumberAndSinger() {
        add("a");
        add("b");

        List<RoomEvent> events = apply(new RoomCommand.PlayNext()).events();

        assertThat(room.current()).isEqualTo(new QueueItem("item-a", song("a"), 1, "Singer a", "Album a"));
        assertThat(room.player().entry()).isEqualTo(song("a"));
        assertThat(lineup()).containsExactly("a@0", "b@1");
        assertThat(events.subList(events.size() - 2, events.size()))
                .containsExactly(new LineupChanged(room.lineup()), new ItemPlayed(room.current()));
    }

    @Test
    void playingAnItemDropsTheCurrentOneAndTheChosenOneLeavesTheQueueForThePlayer() {
        add("a");
        add("b");
        add("c");
        apply(new RoomCommand.PlayItem(number("c")));
        assertThat(lineup()).containsExactly("c@0", "a@1", "b@2");

        List<RoomEvent> events = apply(new RoomCommand.PlayItem(number("b"))).events();

        assertThat(lineup()).containsExactly("b@0", "a@1");
        assertThat(room.player().entry()).isEqualTo(song("b"));
        assertThat(room.player().playState()).isEqualTo(PlayState.PLAYING);
        assertThat(room.player().currentTime()).isZero();
        // What /ws hears is what play_next sends; then the lineup, then the item played.
        assertThat(events.get(0)).isEqualTo(new PlayerStateChanged(room.player(), "Singer b", Audience.EVERYONE));
        assertThat(events.get(1)).isEqualTo(new QueueChanged(room.queue(), room.queueVersion(), room.queueTimestamp(),
                Audience.EVERYONE));
        assertThat(events.get(2)).isEqualTo(new PlayerStateChanged(room.player(), "Singer b", Audience.DISPLAYS));
        assertThat(events.subList(events.size() - 2, events.size()))
                .containsExactly(new LineupChanged(room.lineup()), new ItemPlayed(room.current()));
    }

    @Test
    void playingTheCurrentItemStartsItAgainAndLeavesTheQueueAlone() {
        add("a");
        add("b");
        apply(new RoomCommand.PlayNext());
        long version = room.queueVersion();
        long playerVersion = room.player().version();

        List<RoomEvent> events = apply(new RoomCommand.PlayItem(number("a"))).events();

        assertThat(lineup()).containsExactly("a@0", "b@1");
        assertThat(room.queueVersion()).isEqualTo(version);
        assertThat(room.player().version()).isGreaterThan(playerVersion);
        assertThat(events).contains(new ItemPlayed(room.current()), new LineupChanged(room.lineup()));
    }

    @Test
    void playingOrRemovingANumberNoItemHasIsRejectedAndChangesNothing() {
        add("a");
        apply(new RoomCommand.PlayNext());
        add("b");
        RoomState before = room;

        for (RoomCommand command : List.of(new RoomCommand.PlayItem(99), new RoomCommand.RemoveItem(99),
                new RoomCommand.RemoveItem(0))) {
            assertThatThrownBy(() -> apply(command)).isInstanceOfSatisfying(RoomRejection.class, rejection -> {
                assertThat(rejection.errorType()).isEqualTo(RoomRejection.NOT_FOUND);
                assertThat(rejection.getMessage()).isEqualTo("Item not found");
            });
            assertThat(room).isEqualTo(before);
        }
    }

    @Test
    void removingTheCurrentItemPlaysTheHeadOfTheQueue() {
        add("a");
        add("b");
        add("c");
        apply(new RoomCommand.PlayNext());

        List<RoomEvent> events = apply(new RoomCommand.RemoveItem(number("a"))).events();

        assertThat(lineup()).containsExactly("b@0", "c@1");
        assertThat(room.player().entry()).isEqualTo(song("b"));
        assertThat(events).contains(new PlayerStateChanged(room.player(), "Singer b", Audience.EVERYONE));
        assertThat(events.getLast()).isEqualTo(new ItemPlayed(room.current()));
    }

    @Test
    void removingAnyItemWhileNothingIsCurrentMakesTheHeadCurrent() {
        add("a");
        add("b");
        add("c");

        List<RoomEvent> events = apply(new RoomCommand.RemoveItem(number("b"))).events();

        assertThat(lineup()).containsExactly("a@0", "c@1");
        assertThat(room.player().entry()).isEqualTo(song("a"));
        assertThat(events.getLast()).isEqualTo(new ItemPlayed(room.current()));
    }

    @Test
    void removingAnUpcomingItemLeavesTheCurrentOnePlaying() {
        add("a");
        add("b");
        add("c");
        apply(new RoomCommand.PlayNext());
        PlayerState playing = room.player();

        List<RoomEvent> events = apply(new RoomCommand.RemoveItem(number("c"))).events();

        assertThat(lineup()).containsExactly("a@0", "b@1");
        assertThat(room.player()).isEqualTo(playing);
        assertThat(events).noneMatch(ItemPlayed.class::isInstance)
                .noneMatch(event -> event instanceof PlayerStateChanged changed && changed.audience() == Audience.EVERYONE);
        assertThat(events.getLast()).isEqualTo(new LineupChanged(room.lineup()));
    }

    @Test
    void removingTheOnlyItemStopsThePlayer() {
        add("a");
        apply(new RoomCommand.PlayNext());

        List<RoomEvent> events = apply(new RoomCommand.RemoveItem(number("a"))).events();

        assertThat(room.current()).isNull();
        assertThat(room.player().entry()).isNull();
        assertThat(room.player().playState()).isEqualTo(PlayState.FINISHED);
        assertThat(events).noneMatch(ItemPlayed.class::isInstance);
        assertThat(events.getLast()).isEqualTo(new LineupChanged(Lineup.EMPTY));
    }

    @Test
    void aReorderSortsTheQueueByTheGivenPositions() {
        add("x");
        apply(new RoomCommand.PlayNext());
        add("a");
        add("b");
        add("c");
        long version = room.queueVersion();

        List<RoomEvent> events = apply(new RoomCommand.ReorderQueue(List.of(new Placement(number("a"), 3),
                new Placement(number("b"), 1), new Placement(number("c"), 2)))).events();

        assertThat(lineup()).containsExactly("x@0", "b@1", "c@2", "a@3");
        assertThat(room.queueVersion()).isEqualTo(version + 1);
        assertThat(events).contains(new QueueChanged(room.queue(), room.queueVersion(), room.queueTimestamp(),
                Audience.EVERYONE));
        assertThat(events.getLast()).isEqualTo(new LineupChanged(room.lineup()));
    }

    @Test
    void aReorderNeverMovesTheCurrentItemIgnoresUnknownNumbersAndKeepsUnlistedItemsInPlace() {
        add("x");
        apply(new RoomCommand.PlayNext());
        add("a");
        add("b");
        add("c");
        add("d");

        // x is current: its placement is ignored. c at 0 only goes first in the queue. b keeps 2,
        // which it shares with d: the present order breaks the tie. 99 names nothing.
        apply(new RoomCommand.ReorderQueue(List.of(new Placement(number("x"), 5), new Placement(number("c"), 0),
                new Placement(number("a"), 7), new Placement(number("d"), 2), new Placement(99, 1))));

        assertThat(lineup()).containsExactly("x@0", "c@1", "b@2", "d@3", "a@4");
        assertThat(room.player().entry()).isEqualTo(song("x"));
    }

    @Test
    void aDisplaysReportOfAnotherSongDoesNotReplaceTheCurrentItem() {
        add("a");
        add("b");
        apply(new RoomCommand.PlayNext());
        apply(new RoomCommand.PlayNext());

        // A late report from the display still playing a: the room already handed it b.
        List<RoomEvent> events = apply(new RoomCommand.ReportPlayerState(
                new PlayerState(song("a"), PlayState.PLAYING, 190, 200, 1, 1, 1))).events();

        assertThat(room.current().entry()).isEqualTo(song("b"));
        assertThat(events).noneMatch(LineupChanged.class::isInstance);
    }

    @Test
    void aResolvedUrlKeepsTheItemsNumberSingerAndAlbumAndIsNoLineupChange() {
        apply(new RoomCommand.QueueSong(new KaraokeEntry("yt", "T", "A", null, "youtube", "U", 10.0), "item-yt",
                "Ann", null, false));

        List<RoomEvent> events = apply(new RoomCommand.ApplyResolvedUrl("item-yt", "https://video/yt.mp4")).events();

        assertThat(room.queue().getFirst()).isEqualTo(new QueueItem("item-yt",
                new KaraokeEntry("yt", "T", "A", "https://video/yt.mp4", "youtube", "U", 10.0), 1, "Ann", null));
        assertThat(events).noneMatch(LineupChanged.class::isInstance);
    }

    @Test
    void theQueueLimitAppliesToAddsWithoutAutoPlayAndDoesNotCountTheCurrentItem() {
        add("x");
        apply(new RoomCommand.PlayNext());
        for (String id : List.of("a", "b", "c", "d")) {
            add(id);
        }
        RoomState before = room;

        assertThatThrownBy(() -> add("e")).isInstanceOfSatisfying(RoomRejection.class,
                rejection -> assertThat(rejection.errorType()).isEqualTo(RoomRejection.LIMIT_EXCEEDED));
        assertThat(room).isEqualTo(before);
        assertThat(lineup()).hasSize(5);
    }

    @Test
    void aRoomStoredBeforeItemNumbersGetsThemWhenRestoredAndThePlayersEntryBecomesCurrent() {
        PlayerState playing = new PlayerState(song("p"), PlayState.PLAYING, 5, 200, 1, 1, 1);
        RoomState stored = new RoomState("old", room.settings(), room.limits(),
                List.of(new QueueItem("item-a", song("a"), 0, null, null), new QueueItem("item-b", song("b"), 0, null, null)),
                7, 0, playing, 1, List.of(), null, Performance.INITIAL, null, 0);
        AtomicInteger ids = new AtomicInteger();

        RoomState restored = stored.restored(() -> "restored-" + ids.incrementAndGet());

        assertThat(restored.current()).isEqualTo(new QueueItem("restored-1", song("p"), 1, null, null));
        assertThat(restored.queue()).extracting(QueueItem::number).containsExactly(2, 3);
        assertThat(restored.lastItemNumber()).isEqualTo(3);
        assertThat(restored.restored(() -> "unused")).as("restoring twice changes nothing").isEqualTo(restored);
    }
}
