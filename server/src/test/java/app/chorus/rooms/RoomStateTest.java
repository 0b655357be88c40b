package app.chorus.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.rooms.RoomEvent.ClientCount;
import app.chorus.rooms.RoomEvent.LeaderStatus;
import app.chorus.rooms.RoomEvent.PlayerStateChanged;
import app.chorus.rooms.RoomEvent.PrefetchNeeded;
import app.chorus.rooms.RoomEvent.QueueChanged;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The room rules as a pure state machine: no sockets, no database, no clock. */
class RoomStateTest {
    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private static final Member CONTROLLER_1 = new Member(1, ClientType.CONTROLLER, 1);
    private static final Member DISPLAY_2 = new Member(2, ClientType.DISPLAY, 2);
    private static final Member CONTROLLER_3 = new Member(3, ClientType.CONTROLLER, 3);

    private RoomState room = RoomState.create("party", new RoomSettings(true, null, T0), new RoomLimits(3, 2));
    private Instant now = T0;

    private RoomState.Transition apply(RoomCommand command) {
        now = now.plusMillis(10);
        RoomState.Transition transition = room.apply(command, now);
        room = transition.state();
        return transition;
    }

    private static KaraokeEntry song(String id) {
        return new KaraokeEntry(id, "Title " + id, "Artist", null, "youtube", "uploader", 200.0);
    }

    @Test
    void aJoiningControllerLeadsAnEmptyRoomAndGetsItsSnapshotAfterTheRoomCount() {
        List<RoomEvent> events = apply(new RoomCommand.Join(CONTROLLER_1)).events();

        assertThat(events).containsExactly(
                new LeaderStatus(true, new Audience.Only(1)),
                new ClientCount(1, Audience.EVERYONE),
                new ClientCount(1, new Audience.Only(1)),
                new QueueChanged(List.of(), 1, 0, new Audience.Only(1)),
                new LeaderStatus(true, new Audience.Only(1)));
        assertThat(room.leaderId()).isEqualTo(1L);
    }

    @Test
    void aLaterControllerDoesNotTakeTheLeadAndOnlyHearsItsOwnStatus() {
        apply(new RoomCommand.Join(CONTROLLER_1));
        List<RoomEvent> events = apply(new RoomCommand.Join(CONTROLLER_3)).events();

        assertThat(events).filteredOn(LeaderStatus.class::isInstance)
                .containsExactly(new LeaderStatus(false, new Audience.Only(3)));
        assertThat(room.leaderId()).isEqualTo(1L);
    }

    @Test
    void whenTheLeaderLeavesTheEarliestRemainingControllerLeadsAndAllControllersHear() {
        apply(new RoomCommand.Join(CONTROLLER_1));
        apply(new RoomCommand.Join(DISPLAY_2));
        apply(new RoomCommand.Join(CONTROLLER_3));

        List<RoomEvent> events = apply(new RoomCommand.Leave(1)).events();

        assertThat(events).containsExactly(
                new LeaderStatus(true, new Audience.Only(3)),
                new ClientCount(2, Audience.EVERYONE));
        assertThat(room.leaderId()).isEqualTo(3L);
    }

    @Test
    void aDisplayJoiningGetsNoLeaderStatus() {
        List<RoomEvent> events = apply(new RoomCommand.Join(DISPLAY_2)).events();

        assertThat(events).noneMatch(LeaderStatus.class::isInstance);
        assertThat(room.leaderId()).isNull();
    }

    @Test
    void theFirstSongIntoAnIdleRoomStartsPlayingAndLeavesTheQueue() {
        apply(new RoomCommand.Join(DISPLAY_2));
        List<RoomEvent> events = apply(new RoomCommand.QueueSong(song("a"), "item-a")).events();

        assertThat(room.queue()).isEmpty();
        assertThat(room.queueVersion()).isEqualTo(3);
        assertThat(room.player().entry()).isEqualTo(song("a"));
        assertThat(room.player().playState()).isEqualTo(PlayState.PLAYING);
        assertThat(room.player().volume()).isEqualTo(0.5);
        assertThat(room.player().version()).isEqualTo(now.toEpochMilli());
        // queue_update(all), prefetch, then play_next: player_state(all), queue_update(all), player_state(displays);
        // last, for the lineup's watchers: the lineup, then the item played
        assertThat(events).hasSize(7);
        assertThat(events.get(0)).isInstanceOf(QueueChanged.class);
        assertThat(events.get(1)).isInstanceOf(PrefetchNeeded.class);
        assertThat(events.get(2)).isEqualTo(new PlayerStateChanged(room.player(), null, Audience.EVERYONE));
        assertThat(((QueueChanged) events.get(3)).items()).isEmpty();
        assertThat(events.get(4)).isEqualTo(new PlayerStateChanged(room.player(), null, Audience.DISPLAYS));
        assertThat(events.get(5)).isEqualTo(new RoomEvent.LineupChanged(room.lineup()));
        assertThat(events.get(6)).isEqualTo(new RoomEvent.ItemPlayed(room.current()));
        assertThat(room.current().entry()).isEqualTo(song("a"));
    }

    @Test
    void songsQueuedWhilePlayingWaitAndTheFirstTwoArePrefetched() {
        apply(new RoomCommand.QueueSong(song("a"), "item-a"));
        apply(new RoomCommand.QueueSong(song("b"), "item-b"));
        List<RoomEvent> events = apply(new RoomCommand.QueueSong(song("c"), "item-c")).events();

        assertThat(room.queue()).extracting(QueueItem::id).containsExactly("item-b", "item-c");
        assertThat(events).contains(new PrefetchNeeded(room.queue()));
    }

    @Test
    void theQueueVersionRisesOnEveryChangeAndTimestampsNeverRepeat() {
        apply(new RoomCommand.QueueSong(song("a"), "item-a"));
        long version = room.queueVersion();
        double timestamp = room.queueTimestamp();

        apply(new RoomCommand.QueueSong(song("b"), "item-b"));
        assertThat(room.queueVersion()).isEqualTo(version + 1);
        apply(new RoomCommand.QueueNextSong("no-such-item"));
        assertThat(room.queueVersion()).as("moving an unknown id still bumps").isEqualTo(version + 2);
        apply(new RoomCommand.RemoveSong("no-such-item"));
        assertThat(room.queueVersion()).as("removing nothing does not").isEqualTo(version + 2);
        apply(new RoomCommand.RemoveSong("item-b"));
        apply(new RoomCommand.ClearQueue());
        assertThat(room.queueVersion()).isEqualTo(version + 4);
        assertThat(room.queueTimestamp()).isGreaterThan(timestamp);
    }

    @Test
    void removingAnUnknownItemSendsNothing() {
        assertThat(apply(new RoomCommand.RemoveSong("ghost")).events()).isEmpty();
    }

    @Test
    void playNextOnAnEmptyQueueFinishesAndKeepsTheVolume() {
        apply(new RoomCommand.ReportPlayerState(new PlayerState(song("a"), PlayState.PLAYING, 12, 200, 0.8, 5, 1)));
        apply(new RoomCommand.PlayNext());

        assertThat(room.player().entry()).isNull();
        assertThat(room.player().playState()).isEqualTo(PlayState.FINISHED);
        assertThat(room.player().volume()).isEqualTo(0.8);
        assertThat(room.player().currentTime()).isZero();
    }

    @Test
    void aReportedStateIsStampedAboveEveryVersionSeenEvenFromAClockRunningAhead() {
        long farFuture = T0.plusSeconds(3600).toEpochMilli();
        RoomState.Transition report = apply(new RoomCommand.ReportPlayerState(
                new PlayerState(song("a"), PlayState.PLAYING, 3, 200, 1, farFuture, farFuture)));

        assertThat(room.player().version()).isGreaterThan(farFuture);
        assertThat(room.player().timestamp()).isEqualTo(now.toEpochMilli() / 1000.0);
        assertThat(report.events()).containsExactly(new PlayerStateChanged(room.player(), null, Audience.EVERYONE));
        long reported = room.player().version();

        apply(new RoomCommand.PlayNext());
        assertThat(room.player().version()).as("a server state beats the earlier echo").isGreaterThan(reported);
    }

    @Test
    void onlyAChangeOfSongStateOrVolumeIsWorthStoringNotAPositionTick() {
        assertThat(apply(new RoomCommand.ReportPlayerState(
                new PlayerState(song("a"), PlayState.PLAYING, 1, 200, 1, 1, 1))).durableChange()).isTrue();
        assertThat(apply(new RoomCommand.ReportPlayerState(
                new PlayerState(song("a"), PlayState.PLAYING, 2, 200, 1, 2, 2))).durableChange()).isFalse();
        assertThat(apply(new RoomCommand.ReportPlayerState(
                new PlayerState(song("a"), PlayState.PAUSED, 2, 200, 1, 3, 3))).durableChange()).isTrue();
    }

    @Test
    void playPauseAndVolumeGoToDisplaysOnlyAndChangeNothing() {
        RoomState before = room;
        assertThat(apply(new RoomCommand.SetPlaying(false)).events())
                .containsExactly(new RoomEvent.PlaybackRequested(false, Audience.DISPLAYS));
        assertThat(apply(new RoomCommand.SetVolume(0.3)).events())
                .containsExactly(new RoomEvent.VolumeRequested(0.3, Audience.DISPLAYS));
        assertThat(room).isEqualTo(before);
    }

    @Test
    void aResolvedUrlIsWrittenIntoTheQueueWithoutAVersionBumpButWithANewerTimestamp() {
        apply(new RoomCommand.QueueSong(song("a"), "item-a"));
        apply(new RoomCommand.QueueSong(song("b"), "item-b"));
        long version = room.queueVersion();
        double timestamp = room.queueTimestamp();

        List<RoomEvent> events = apply(new RoomCommand.ApplyResolvedUrl("item-b", "https://video/b.mp4")).events();

        assertThat(room.queue().getFirst().entry().videoUrl()).isEqualTo("https://video/b.mp4");
        assertThat(room.queueVersion()).isEqualTo(version);
        assertThat(room.queueTimestamp()).isGreaterThan(timestamp);
        assertThat(events).noneMatch(PrefetchNeeded.class::isInstance);
        assertThat(events.getFirst()).isInstanceOf(QueueChanged.class);
    }

    @Test
    void aFullQueueRejectsTheSongAndKeepsTheRoomAsItWas() {
        apply(new RoomCommand.QueueSong(song("a"), "item-a"));
        apply(new RoomCommand.QueueSong(song("b"), "item-b"));
        apply(new RoomCommand.QueueSong(song("c"), "item-c"));
        RoomState before = room;

        assertThatThrownBy(() -> apply(new RoomCommand.QueueSong(song("d"), "item-d")))
                .isInstanceOfSatisfying(RoomRejection.class,
                        rejection -> assertThat(rejection.errorType()).isEqualTo(RoomRejection.LIMIT_EXCEEDED));
        assertThat(room).isEqualTo(before);
    }

    @Test
    void aFullRoomRejectsAnotherClient() {
        apply(new RoomCommand.Join(CONTROLLER_1));
        apply(new RoomCommand.Join(DISPLAY_2));
        apply(new RoomCommand.Join(CONTROLLER_3));

        assertThatThrownBy(() -> apply(new RoomCommand.Join(new Member(4, ClientType.DISPLAY, 4))))
                .isInstanceOf(RoomRejection.class).hasMessageContaining("full");
        assertThat(room.members()).hasSize(3);
    }

    @Test
    void aDisplaysQueueUpdateIsAnsweredWithTheServersOwnQueueToControllers() {
        apply(new RoomCommand.QueueSong(song("a"), "item-a"));
        apply(new RoomCommand.QueueSong(song("b"), "item-b"));

        assertThat(apply(new RoomCommand.RelayQueue()).events()).containsExactly(
                new QueueChanged(room.queue(), room.queueVersion(), room.queueTimestamp(), Audience.CONTROLLERS));
    }

    @Test
    void aPerformanceControlIsStoredAndHeardByEveryoneButTheDeviceThatChangedIt() {
        apply(new RoomCommand.Join(CONTROLLER_1));
        apply(new RoomCommand.Join(DISPLAY_2));
        Performance.Change louder = new Performance.Change(Performance.Control.VOCAL_VOLUME, 0.4);

        RoomState.Transition changed = apply(new RoomCommand.ChangePerformance(louder, 1));

        assertThat(changed.events()).containsExactly(new RoomEvent.ControlChanged(louder, new Audience.AllBut(1)));
        assertThat(changed.durableChange()).isTrue();
        assertThat(room.performance().vocalVolume()).isEqualTo(0.4);
        assertThat(new Audience.AllBut(1).includes(DISPLAY_2)).isTrue();
        assertThat(new Audience.AllBut(1).includes(CONTROLLER_1)).isFalse();
        apply(new RoomCommand.ChangePerformance(new Performance.Change(Performance.Control.LYRICS_SIZE,
                Performance.LyricsSize.LARGE), 2));
        apply(new RoomCommand.ChangePerformance(new Performance.Change(Performance.Control.LYRICS_OFFSET, -400), 2));
        assertThat(room.performance()).isEqualTo(new Performance(0.4, 1, Performance.LyricsSize.LARGE, -400, false, 0, 0));
    }

    @Test
    void progressReportsAnswerOnlyTheReporterAndPlayPauseAndResetReachTheRoom() {
        RoomState.Transition report = apply(new RoomCommand.ReportPerformance(true, 12.5, 200.0, 2));
        Performance playing = new Performance(0, 1, Performance.LyricsSize.MEDIUM, 0, true, 12.5, 200.0);
        assertThat(report.events()).containsExactly(new RoomEvent.PerformanceChanged(playing, new Audience.Only(2)));
        assertThat(report.durableChange()).as("several a second: kept in memory").isFalse();
        assertThat(apply(new RoomCommand.ReportPerformance(null, 13.0, null, 2)).state().performance())
                .isEqualTo(new Performance(0, 1, Performance.LyricsSize.MEDIUM, 0, true, 13.0, 200.0));

        RoomState.Transition pause = apply(new RoomCommand.PlayPerformance(false));
        Performance paused = new Performance(0, 1, Performance.LyricsSize.MEDIUM, 0, false, 13.0, 200.0);
        assertThat(pause.events()).containsExactly(new RoomEvent.PerformancePlayback(false, Audience.EVERYONE),
                new RoomEvent.PerformanceChanged(paused, Audience.EVERYONE));

        RoomState.Transition reset = apply(new RoomCommand.ResetPerformance(1));
        assertThat(reset.events()).containsExactly(new RoomEvent.PerformanceReset(new Audience.AllBut(1)));
        assertThat(room.performance().currentTime()).isZero();
        assertThat(apply(new RoomCommand.JoinPerformance(3)).events()).containsExactly(
                new RoomEvent.PerformanceChanged(room.performance(), new Audience.Only(3)));
    }

    @Test
    void aControlValueOutOfItsRangeOrOfTheWrongKindIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Performance.Change(Performance.Control.VOCAL_VOLUME, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Performance.Change(Performance.Control.LYRICS_OFFSET,
                Performance.MAX_OFFSET_MS + 1)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Performance.Change(Performance.Control.LYRICS_SIZE, "huge"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
