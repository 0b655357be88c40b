package app.chorus.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.chorus.testing.ManualClock;
import app.chorus.testing.RedisServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several nodes, each its own {@link Shares} and Redis connections, on one Redis. */
class RedisSharesAcrossNodesTest {
    private static RedisServer redis;
    private final ManualClock clock = new ManualClock(1_763_700_000_000L);
    private final List<Shares> nodes = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void emptyRedis() {
        redis.flushAll();
    }

    @AfterEach
    void closeNodes() {
        nodes.forEach(Shares::close);
    }

    private Shares node() {
        RedisShare share = RedisShare.connect(redis.url(), SharesContract.LIMITS);
        Shares shares = new Shares(share.store(), share.relays(), SharesContract.LIMITS, clock);
        nodes.add(shares);
        return shares;
    }

    @Test
    void aSessionStartedOnOneNodeIsAConflictOnAnother() {
        Shares first = node();
        Shares second = node();
        first.start("123456");
        assertThatThrownBy(() -> second.start("123456")).isInstanceOfSatisfying(ShareRejection.class,
                rejection -> assertThat(rejection.reason()).isEqualTo(ShareRejection.Reason.CONFLICT));
        assertThat(second.status("123456", null).active()).isTrue();
    }

    @Test
    void aListenerOnAnotherNodeHearsMetadataChunksAndTheStopInOrder() {
        Shares broadcasterNode = node();
        Shares listenerNode = node();
        broadcasterNode.start("123456");
        List<ShareEvent> elsewhere = Collections.synchronizedList(new ArrayList<>());
        List<ShareEvent> here = Collections.synchronizedList(new ArrayList<>());
        listenerNode.listen("123456", elsewhere::add).start();
        broadcasterNode.listen("123456", here::add).start();
        assertThat(broadcasterNode.status("123456", null).listenerCount()).as("both nodes' listeners count").isEqualTo(2);

        ShareMetadata song = SharesContract.metadata("Song", 1_000);
        broadcasterNode.metadata("123456", song);
        for (int sequence : new int[] {0, 2, 1}) {
            broadcasterNode.audio("123456", SharesContract.chunk(sequence), null);
        }
        assertThat(broadcasterNode.audio("123456", SharesContract.chunk(1), null)).as("a duplicate is not relayed").isFalse();
        broadcasterNode.stop("123456");

        await().until(() -> elsewhere.contains(new ShareEvent.SessionEnded("123456", "stopped"))
                && here.contains(new ShareEvent.SessionEnded("123456", "stopped")));
        for (List<ShareEvent> heard : List.of(elsewhere, here)) {
            // The broadcaster's own node hears its events once, through Redis like the others.
            assertThat(heard).hasSize(5);
            ShareEvent.MetadataChanged metadata = (ShareEvent.MetadataChanged) heard.get(0);
            assertThat(metadata.metadata().metadata()).isEqualTo(song);
            assertThat(metadata.metadata().json()).isEqualTo(broadcasterNode.codec().metadataJson(song));
            assertThat(metadata.metadata().receivedAt()).isEqualTo(clock.millis());
            List<ShareEvent.ChunkArrived> chunks = heard.subList(1, 4).stream().map(ShareEvent.ChunkArrived.class::cast).toList();
            assertThat(chunks).extracting(chunk -> chunk.chunk().sequenceNumber()).containsExactly(0, 2, 1);
            for (ShareEvent.ChunkArrived chunk : chunks) {
                AudioChunk sent = SharesContract.chunk(chunk.chunk().sequenceNumber());
                assertThat(chunk.chunk().data()).isEqualTo(sent.data());
                assertThat(chunk.chunk().timestamp()).isEqualTo(sent.timestamp());
                assertThat(chunk.frame()).isEqualTo(broadcasterNode.codec().frame("123456", sent));
            }
            assertThat(heard.get(4)).isEqualTo(new ShareEvent.SessionEnded("123456", "stopped"));
        }
    }

    @Test
    void theSessionLimitHoldsWhenNodesStartSessionsAtOnce() throws Exception {
        List<Shares> four = List.of(node(), node(), node(), node());
        int attempts = 20;
        CountDownLatch ready = new CountDownLatch(attempts);
        List<Future<ShareRejection.Reason>> outcomes = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        try {
            for (int attempt = 0; attempt < attempts; attempt++) {
                Shares shares = four.get(attempt % four.size());
                String sessionId = Integer.toString(200_000 + attempt);
                outcomes.add(threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    try {
                        shares.start(sessionId);
                        return null;
                    } catch (ShareRejection rejection) {
                        return rejection.reason();
                    }
                }));
            }
            List<ShareRejection.Reason> reasons = new ArrayList<>();
            for (Future<ShareRejection.Reason> outcome : outcomes) {
                reasons.add(outcome.get(30, TimeUnit.SECONDS));
            }
            assertThat(reasons.stream().filter(reason -> reason == null).count()).as("started").isEqualTo(3);
            assertThat(reasons.stream().filter(reason -> reason == ShareRejection.Reason.FULL).count()).as("full").isEqualTo(17);
            for (Shares shares : four) {
                assertThat(shares.describe()).containsEntry("active_sessions", 3);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
