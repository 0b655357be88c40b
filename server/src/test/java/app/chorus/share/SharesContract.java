package app.chorus.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.testing.ManualClock;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rules of music share sessions, on a clock the test moves. Every store runs these same
 * tests: {@link MemorySharesTest} and the Redis one.
 */
abstract class SharesContract {
    /** Small limits so the tests reach them: 3 sessions, 5 buffered chunks, 3 for a newcomer. */
    static final ShareLimits LIMITS = new ShareLimits(3, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofSeconds(30),
            Duration.ofSeconds(10), 5, 3, Duration.ofSeconds(10), 64 * 1024, 64 * 1024);
    private static final ObjectMapper JSON = new ObjectMapper();

    final ManualClock clock = new ManualClock(1_763_700_000_000L);
    Shares shares;

    /** A fresh, empty store. */
    abstract ShareStore newStore();

    /** The relay for a node of this store. */
    abstract Function<Consumer<ShareEvent>, ShareRelay> relays();

    @BeforeEach
    void startShares() {
        shares = new Shares(newStore(), relays(), LIMITS, clock);
    }

    @AfterEach
    void closeShares() {
        shares.close();
    }

    static AudioChunk chunk(int sequence) {
        ByteBuffer samples = ByteBuffer.allocate(8 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int frame = 0; frame < 4; frame++) {
            samples.putFloat(sequence + frame / 10f).putFloat(-sequence - frame / 10f);
        }
        return new AudioChunk(sequence, 1_763_700_000_000L + sequence * 500L, 44_100, 2, AudioFormat.PCM_F32LE, samples.array());
    }

    static ShareMetadata metadata(String title, long timestamp) {
        return new ShareMetadata(title, "Artist", "[00:01.00]Line", true, 1.5, 180.25, null, timestamp);
    }

    private static List<Integer> sequences(List<BufferedChunk> chunks) {
        return chunks.stream().map(BufferedChunk::sequenceNumber).toList();
    }

    private static ShareRejection.Reason reason(Runnable action) {
        try {
            action.run();
        } catch (ShareRejection rejection) {
            return rejection.reason();
        }
        throw new AssertionError("expected a ShareRejection");
    }

    @Test
    void startingAnActiveSessionIdAgainIsAConflict() {
        SessionInfo started = shares.start("123456");
        assertThat(started.active()).isTrue();
        assertThat(started.startTime()).isEqualTo(clock.millis());
        assertThat(reason(() -> shares.start("123456"))).isEqualTo(ShareRejection.Reason.CONFLICT);
    }

    @Test
    void theSessionBeyondTheLimitIsRefusedUntilOneStops() {
        shares.start("100001");
        shares.start("100002");
        shares.start("100003");
        assertThat(reason(() -> shares.start("100004"))).isEqualTo(ShareRejection.Reason.FULL);
        shares.stop("100002");
        assertThat(shares.start("100004").active()).isTrue();
    }

    @Test
    void expiredSessionsDoNotCountTowardsTheLimit() {
        shares.start("100001");
        shares.start("100002");
        clock.advance(Duration.ofMinutes(10));
        shares.start("100003");
        clock.advance(Duration.ofMinutes(6));
        assertThat(shares.start("100004").id()).isEqualTo("100004");
        assertThat(shares.start("100005").id()).isEqualTo("100005");
        assertThat(reason(() -> shares.start("100006"))).isEqualTo(ShareRejection.Reason.FULL);
    }

    @Test
    void idsThatAreNotSixDigitsAreInvalid() {
        for (String id : new String[] {"12345", "1234567", "abcdef", "12345a", " 12345", "", "١٢٣٤٥٦"}) {
            assertThat(reason(() -> shares.start(id))).as(id).isEqualTo(ShareRejection.Reason.INVALID);
            assertThat(reason(() -> shares.status(id, null))).as(id).isEqualTo(ShareRejection.Reason.INVALID);
        }
        assertThat(reason(() -> shares.start(null))).isEqualTo(ShareRejection.Reason.INVALID);
    }

    @Test
    void unknownSessionsAreNotFoundEverywhere() {
        assertThat(reason(() -> shares.status("654321", null))).isEqualTo(ShareRejection.Reason.NOT_FOUND);
        assertThat(reason(() -> shares.latestMetadata("654321", null))).isEqualTo(ShareRejection.Reason.NOT_FOUND);
        assertThat(reason(() -> shares.audioSince("654321", -1, null))).isEqualTo(ShareRejection.Reason.NOT_FOUND);
        assertThat(reason(() -> shares.metadata("654321", metadata("x", 1)))).isEqualTo(ShareRejection.Reason.NOT_FOUND);
        assertThat(reason(() -> shares.audio("654321", chunk(0), null))).isEqualTo(ShareRejection.Reason.NOT_FOUND);
        assertThat(reason(() -> shares.stop("654321"))).isEqualTo(ShareRejection.Reason.NOT_FOUND);
        assertThat(reason(() -> shares.listen("654321", event -> { }))).isEqualTo(ShareRejection.Reason.NOT_FOUND);
    }

    @Test
    void chunksComeBackInSequenceOrderWhateverOrderTheyArrived() {
        shares.start("123456");
        for (int sequence : new int[] {3, 0, 2, 1}) {
            assertThat(shares.audio("123456", chunk(sequence), null)).isTrue();
        }
        List<BufferedChunk> chunks = shares.audioSince("123456", 0, null);
        assertThat(sequences(chunks)).containsExactly(1, 2, 3);
        assertThat(sequences(shares.audioSince("123456", 2, null))).containsExactly(3);
        assertThat(shares.audioSince("123456", 3, null)).isEmpty();
    }

    @Test
    void aChunkComesBackAsTheContractsJsonWithItsBytesUnchanged() throws Exception {
        shares.start("123456");
        AudioChunk sent = chunk(7);
        shares.audio("123456", sent, null);
        var json = JSON.readTree(shares.audioSince("123456", -1, null).get(0).json());
        assertThat(json.get("sequenceNumber").isInt()).isTrue();
        assertThat(json.get("sequenceNumber").intValue()).isEqualTo(7);
        assertThat(json.get("sampleRate").intValue()).isEqualTo(44_100);
        assertThat(json.get("channels").intValue()).isEqualTo(2);
        assertThat(json.get("timestamp").isIntegralNumber()).isTrue();
        assertThat(java.util.Base64.getDecoder().decode(json.get("data").textValue())).isEqualTo(sent.data());
    }

    @Test
    void aDuplicateSequenceNumberIsIgnoredAndCountedOnce() {
        shares.start("123456");
        assertThat(shares.audio("123456", chunk(0), null)).isTrue();
        assertThat(shares.audio("123456", chunk(0), null)).isFalse();
        assertThat(sequences(shares.audioSince("123456", -1, null))).containsExactly(0);
        assertThat(shares.stop("123456").bytesTransferred()).isEqualTo(chunk(0).data().length);
    }

    @Test
    void theBufferKeepsTheNewestChunksAndRefusesOlderOnes() {
        shares.start("123456");
        for (int sequence = 0; sequence < 10; sequence++) {
            shares.audio("123456", chunk(sequence), null);
        }
        assertThat(sequences(shares.audioSince("123456", 0, null))).containsExactly(5, 6, 7, 8, 9);
        assertThat(shares.audio("123456", chunk(2), null)).as("older than a full buffer").isFalse();
        assertThat(sequences(shares.audioSince("123456", 0, null))).containsExactly(5, 6, 7, 8, 9);
    }

    @Test
    void aNewcomerGetsTheNewestJoinChunks() {
        shares.start("123456");
        for (int sequence = 0; sequence < 5; sequence++) {
            shares.audio("123456", chunk(sequence), null);
        }
        assertThat(sequences(shares.audioSince("123456", -1, null))).containsExactly(2, 3, 4);
    }

    @Test
    void olderMetadataByTimestampDoesNotReplaceNewer() {
        shares.start("123456");
        shares.metadata("123456", metadata("Second", 2_000));
        shares.metadata("123456", metadata("First", 1_000));
        assertThat(shares.latestMetadata("123456", null).metadata().title()).isEqualTo("Second");
        shares.metadata("123456", metadata("Third", 3_000));
        assertThat(shares.latestMetadata("123456", null).metadata()).isEqualTo(metadata("Third", 3_000));
    }

    @Test
    void metadataIsServedForThirtySecondsAfterItArrived() {
        shares.start("123456");
        shares.metadata("123456", metadata("Song", 1_000));
        clock.advance(Duration.ofSeconds(29));
        assertThat(shares.latestMetadata("123456", null).metadata().title()).isEqualTo("Song");
        clock.advance(Duration.ofSeconds(2));
        assertThat(reason(() -> shares.latestMetadata("123456", null))).isEqualTo(ShareRejection.Reason.NO_METADATA);
        assertThat(shares.status("123456", null).title()).as("status still names the song").isEqualTo("Song");
    }

    @Test
    void theAudioBufferExpiresTenSecondsAfterTheLatestChunk() {
        shares.start("123456");
        shares.audio("123456", chunk(0), null);
        clock.advance(Duration.ofSeconds(9));
        assertThat(sequences(shares.audioSince("123456", -1, null))).containsExactly(0);
        clock.advance(Duration.ofSeconds(2));
        assertThat(shares.audioSince("123456", -1, null)).isEmpty();
        shares.audio("123456", chunk(1), null);
        assertThat(sequences(shares.audioSince("123456", -1, null))).containsExactly(1);
    }

    @Test
    void aSessionExpiresFifteenMinutesAfterTheBroadcasterWasLastHeard() {
        shares.start("123456");
        clock.advance(Duration.ofMinutes(14));
        shares.metadata("123456", metadata("Song", 1));
        clock.advance(Duration.ofMinutes(14));
        shares.audio("123456", chunk(0), null);
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(shares.status("123456", null).active()).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(reason(() -> shares.status("123456", null))).isEqualTo(ShareRejection.Reason.NOT_FOUND);
        assertThat(reason(() -> shares.audio("123456", chunk(1), null))).isEqualTo(ShareRejection.Reason.NOT_FOUND);
        assertThat(shares.start("123456").active()).as("the id is free again").isTrue();
    }

    @Test
    void listenersPollingDoNotKeepASessionAlive() {
        shares.start("123456");
        for (int minute = 0; minute < 15; minute++) {
            clock.advance(Duration.ofMinutes(1));
            if (minute < 14) {
                shares.status("123456", "listener");
                shares.audioSince("123456", -1, "listener");
            }
        }
        assertThat(reason(() -> shares.status("123456", null))).isEqualTo(ShareRejection.Reason.NOT_FOUND);
    }

    @Test
    void aStoppedSessionIsReadableForTheGraceThenGone() {
        shares.start("123456");
        shares.metadata("123456", metadata("Song", 1));
        shares.audio("123456", chunk(0), null);
        clock.advance(Duration.ofSeconds(90));
        Shares.Stopped stopped = shares.stop("123456");
        assertThat(stopped.durationSeconds()).isEqualTo(90.0);
        assertThat(stopped.bytesTransferred()).isEqualTo(chunk(0).data().length);

        SessionInfo status = shares.status("123456", null);
        assertThat(status.active()).isFalse();
        assertThat(status.title()).isEqualTo("Song");
        assertThat(shares.audioSince("123456", -1, null)).as("the audio is dropped at stop").isEmpty();
        assertThat(reason(() -> shares.audio("123456", chunk(1), null))).isEqualTo(ShareRejection.Reason.ENDED);
        assertThat(reason(() -> shares.metadata("123456", metadata("Late", 2)))).isEqualTo(ShareRejection.Reason.ENDED);
        assertThat(reason(() -> shares.stop("123456"))).isEqualTo(ShareRejection.Reason.NOT_FOUND);

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(shares.status("123456", null).active()).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(reason(() -> shares.status("123456", null))).isEqualTo(ShareRejection.Reason.NOT_FOUND);
    }

    @Test
    void aStoppedSessionsIdCanBeStartedAfresh() {
        shares.start("123456");
        shares.audio("123456", chunk(0), null);
        shares.metadata("123456", metadata("Old", 1));
        shares.stop("123456");
        SessionInfo again = shares.start("123456");
        assertThat(again.active()).isTrue();
        assertThat(again.title()).isNull();
        assertThat(again.bytesTransferred()).isZero();
        assertThat(reason(() -> shares.latestMetadata("123456", null))).isEqualTo(ShareRejection.Reason.NO_METADATA);
    }

    @Test
    void distinctListenersAreCountedWhileRecentlySeen() {
        shares.start("123456");
        shares.status("123456", "10.0.0.1");
        shares.audioSince("123456", -1, "10.0.0.2");
        shares.audioSince("123456", -1, "10.0.0.2");
        assertThat(shares.status("123456", null).listenerCount()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(6));
        shares.status("123456", "10.0.0.1");
        clock.advance(Duration.ofSeconds(5));
        assertThat(shares.status("123456", null).listenerCount()).isEqualTo(1);
        assertThat(shares.metadata("123456", metadata("Song", 1))).as("listenersNotified").isEqualTo(1);
    }

    @Test
    void aPushListenerGetsTheBacklogThenLiveEventsThenTheEnd() {
        shares.start("123456");
        shares.metadata("123456", metadata("Song", 1));
        for (int sequence = 0; sequence < 5; sequence++) {
            shares.audio("123456", chunk(sequence), null);
        }
        List<ShareEvent> heard = Collections.synchronizedList(new ArrayList<>());
        Shares.Subscription subscription = shares.listen("123456", heard::add);
        assertThat(subscription.session().listenerCount()).isEqualTo(1);
        shares.audio("123456", chunk(4), null);
        assertThat(heard).as("nothing before start").isEmpty();
        subscription.start();
        shares.audio("123456", chunk(6), null);
        shares.audio("123456", chunk(5), null);
        shares.audio("123456", chunk(5), null);
        shares.metadata("123456", metadata("Next song", 2));
        shares.stop("123456");

        org.awaitility.Awaitility.await().until(() -> heard.size() == 8);
        assertThat(heard.get(0)).isInstanceOf(ShareEvent.MetadataChanged.class);
        assertThat(heard.subList(1, 6)).extracting(event -> ((ShareEvent.ChunkArrived) event).chunk().sequenceNumber())
                .containsExactly(2, 3, 4, 6, 5);
        ShareEvent.ChunkArrived six = (ShareEvent.ChunkArrived) heard.get(4);
        assertThat(six.chunk().data()).isEqualTo(chunk(6).data());
        assertThat(shares.codec().frame(six.frame()).chunk().data()).isEqualTo(chunk(6).data());
        assertThat(((ShareEvent.MetadataChanged) heard.get(6)).metadata().metadata().title()).isEqualTo("Next song");
        assertThat(heard.get(7)).isEqualTo(new ShareEvent.SessionEnded("123456", "stopped"));
    }

    @Test
    void aPushListenerHearsWhenTheSessionExpires() {
        shares.start("123456");
        List<ShareEvent> heard = Collections.synchronizedList(new ArrayList<>());
        shares.listen("123456", heard::add).start();
        clock.advance(Duration.ofMinutes(16));
        shares.tick();
        org.awaitility.Awaitility.await().until(() -> heard.contains(new ShareEvent.SessionEnded("123456", "expired")));
    }

    @Test
    void pushListenersCountUntilTheyLeave() {
        shares.start("123456");
        Shares.Subscription first = shares.listen("123456", event -> { });
        shares.listen("123456", event -> { });
        assertThat(shares.status("123456", null).listenerCount()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(8));
        shares.tick();
        clock.advance(Duration.ofSeconds(8));
        assertThat(shares.status("123456", null).listenerCount()).as("kept fresh by the upkeep").isEqualTo(2);
        first.close();
        assertThat(shares.status("123456", null).listenerCount()).isEqualTo(1);
        assertThat(shares.describe()).containsEntry("push_listeners", 1);
    }

    @Test
    void listeningToAStoppedSessionEndsAtOnce() {
        shares.start("123456");
        shares.stop("123456");
        List<ShareEvent> heard = Collections.synchronizedList(new ArrayList<>());
        Shares.Subscription subscription = shares.listen("123456", heard::add);
        assertThat(subscription.session().active()).isFalse();
        subscription.start();
        assertThat(heard).containsExactly(new ShareEvent.SessionEnded("123456", "stopped"));
    }
}
