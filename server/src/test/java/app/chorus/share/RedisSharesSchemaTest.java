package app.chorus.share;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ManualClock;
import app.chorus.testing.RedisServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Redis store leaves in Redis: the seed's keys and fields, typed values back, TTLs. */
class RedisSharesSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SECOND = 1_000;
    private static RedisServer redis;
    private static RedisClient inspector;
    private static RedisCommands<String, String> raw;

    private final ManualClock clock = new ManualClock(1_763_700_000_000L);
    private Shares shares;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
        inspector = RedisClient.create(redis.url());
        StatefulRedisConnection<String, String> connection = inspector.connect();
        raw = connection.sync();
    }

    @AfterAll
    static void stopRedis() {
        inspector.shutdown();
        redis.close();
    }

    @BeforeEach
    void startShares() {
        redis.flushAll();
        RedisShare share = RedisShare.connect(redis.url(), SharesContract.LIMITS);
        shares = new Shares(share.store(), share.relays(), SharesContract.LIMITS, clock);
    }

    @AfterEach
    void closeShares() {
        shares.close();
    }

    private Shares memoryShares() {
        return new Shares(new MemoryShareStore(), ShareRelay::local, SharesContract.LIMITS, clock);
    }

    @Test
    void aSessionIsKeptInTheSeedsHashesAndSortedSets() {
        long started = clock.millis();
        shares.start("123456");
        clock.advance(Duration.ofSeconds(2));
        shares.metadata("123456", new ShareMetadata("Song", "Artist", "[00:12.50]Line 1", true, 45.2, 180.5, null, 1_763_700_000_123L));
        shares.status("123456", "10.0.0.1");
        for (int sequence = 0; sequence < 7; sequence++) {
            shares.audio("123456", SharesContract.chunk(sequence), null);
        }
        long now = clock.millis();

        Map<String, String> session = raw.hgetall("session:123456");
        assertThat(session).containsEntry("active", "true").containsEntry("startTime", Long.toString(started))
                .containsEntry("lastActivity", Long.toString(now)).containsEntry("listenerCount", "1")
                .containsEntry("expiresAt", Long.toString(now + Duration.ofMinutes(15).toMillis()))
                .containsEntry("bytesTransferred", Long.toString(7L * SharesContract.chunk(0).data().length))
                .containsEntry("title", "Song").containsEntry("artist", "Artist");
        assertThat(raw.hgetall("session:123456:metadata")).containsOnly(
                Map.entry("title", "Song"), Map.entry("artist", "Artist"), Map.entry("lyrics", "[00:12.50]Line 1"),
                Map.entry("hasSyncedLyrics", "true"), Map.entry("elapsedSeconds", "45.2"), Map.entry("totalSeconds", "180.5"),
                Map.entry("timestamp", "1763700000123"), Map.entry("receivedAt", Long.toString(now)));

        List<BufferedChunk> buffered = shares.audioSince("123456", 0, null);
        assertThat(raw.zcard("session:123456:audio")).isEqualTo(buffered.size()).isEqualTo(5);
        List<ScoredValue<String>> audio = raw.zrangeWithScores("session:123456:audio", 0, -1);
        assertThat(audio).extracting(ScoredValue::getScore).containsExactly(2.0, 3.0, 4.0, 5.0, 6.0);
        assertThat(audio).extracting(ScoredValue::getValue)
                .containsExactlyElementsOf(buffered.stream().map(chunk -> new String(chunk.json(), StandardCharsets.UTF_8)).toList());
        assertThat(raw.zscore("session:123456:listeners", "10.0.0.1")).isEqualTo((double) now);
        assertThat(raw.zscore("sessions:active", "123456")).isEqualTo((double) (now + Duration.ofMinutes(15).toMillis()));

        // The manual clock is a year behind the machine's: only TTLs relative to the passed
        // times are positive and about the session's fifteen minutes.
        for (String key : List.of("session:123456", "session:123456:metadata", "session:123456:audio",
                "session:123456:listeners", "sessions:active", "sessions:all")) {
            assertThat(raw.pttl(key)).as(key).isBetween(Duration.ofMinutes(15).toMillis(),
                    Duration.ofMinutes(15).plus(RedisShareStore.KEY_MARGIN).toMillis());
        }
    }

    @Test
    void stoppingDropsTheAudioAndShortensTheKeysToTheGrace() {
        shares.start("123456");
        shares.audio("123456", SharesContract.chunk(0), null);
        shares.stop("123456");
        assertThat(raw.exists("session:123456:audio")).isZero();
        assertThat(raw.hget("session:123456", "active")).isEqualTo("false");
        assertThat(raw.zscore("sessions:active", "123456")).isNull();
        assertThat(raw.pttl("session:123456")).isBetween(Duration.ofMinutes(4).toMillis(),
                Duration.ofMinutes(5).plus(RedisShareStore.KEY_MARGIN).toMillis());
    }

    @Test
    void theUpkeepDeletesExpiredSessionsAndStaleListeners() {
        shares.start("111111");
        shares.metadata("111111", SharesContract.metadata("Song", 1));
        shares.status("111111", "old listener");
        clock.advance(Duration.ofMinutes(10));
        shares.start("222222");
        shares.status("222222", "old listener");
        clock.advance(Duration.ofMinutes(5));
        shares.status("222222", "new listener");
        shares.tick();

        assertThat(raw.exists("session:111111", "session:111111:metadata", "session:111111:listeners")).isZero();
        assertThat(raw.zrange("sessions:all", 0, -1)).containsExactly("222222");
        assertThat(raw.zrange("sessions:active", 0, -1)).containsExactly("222222");
        assertThat(raw.zrange("session:222222:listeners", 0, -1)).containsExactly("new listener");
        assertThat(raw.hget("session:222222", "listenerCount")).isEqualTo("1");
    }

    @Test
    void metadataReadBackFromRedisIsTheSameJsonWithTypedValues() throws Exception {
        String thumbnail = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3});
        List<ShareMetadata> samples = List.of(
                new ShareMetadata("Café ☕ \"quoted\" 🎤", null, "[00:01.00]Line\n[00:02.50]Ligne é", true, 0.1 + 0.2, 180.0,
                        thumbnail, 1_763_700_000_123L),
                new ShareMetadata(null, null, null, false, 0, 0, null, 0),
                new ShareMetadata("Tiny", "Huge", "", false, 1e-7, 1.7976931348623157e308, null, Long.MAX_VALUE));
        try (Shares memory = memoryShares()) {
            for (ShareMetadata sample : samples) {
                shares.start("123456");
                memory.start("123456");
                shares.metadata("123456", sample);
                memory.metadata("123456", sample);
                StoredMetadata fromRedis = shares.latestMetadata("123456", null);
                StoredMetadata fromMemory = memory.latestMetadata("123456", null);
                assertThat(fromRedis.metadata()).isEqualTo(sample);
                assertThat(fromRedis.receivedAt()).isEqualTo(fromMemory.receivedAt());
                assertThat(new String(fromRedis.json(), StandardCharsets.UTF_8))
                        .isEqualTo(new String(fromMemory.json(), StandardCharsets.UTF_8));
                assertThat(fromRedis.json()).isEqualTo(fromMemory.json());

                JsonNode json = JSON.readTree(fromRedis.json());
                assertThat(json.get("hasSyncedLyrics").isBoolean()).isTrue();
                assertThat(json.get("timestamp").isIntegralNumber()).isTrue();
                assertThat(new String(fromRedis.json(), StandardCharsets.UTF_8))
                        .contains("\"timestamp\":" + sample.timestamp() + "}");
                assertThat(json.get("elapsedSeconds").doubleValue()).isEqualTo(sample.elapsedSeconds());
                shares.stop("123456");
                memory.stop("123456");
            }
        }
    }

    @Test
    void aTimestampBeyondWhatADoubleHoldsStillDecidesWhichMetadataIsNewer() {
        shares.start("123456");
        shares.metadata("123456", SharesContract.metadata("Newer", Long.MAX_VALUE));
        // As doubles both are 2^63: only an exact comparison keeps the newer one.
        shares.metadata("123456", SharesContract.metadata("Older", Long.MAX_VALUE - 1));
        assertThat(shares.latestMetadata("123456", null).metadata().title()).isEqualTo("Newer");
        shares.metadata("123456", SharesContract.metadata("Same time", Long.MAX_VALUE));
        assertThat(shares.latestMetadata("123456", null).metadata().title()).as("an equal timestamp replaces").isEqualTo("Same time");
    }

    @Test
    void aNodeSubscribesToASessionOnlyWhileItHasListeners() {
        shares.start("123456");
        assertThat(raw.pubsubNumsub("session:123456:events")).containsEntry("session:123456:events", 0L);
        Shares.Subscription first = shares.listen("123456", event -> { });
        Shares.Subscription second = shares.listen("123456", event -> { });
        assertThat(raw.pubsubNumsub("session:123456:events")).containsEntry("session:123456:events", 1L);
        first.close();
        assertThat(raw.pubsubNumsub("session:123456:events")).containsEntry("session:123456:events", 1L);
        second.close();
        assertThat(raw.pubsubNumsub("session:123456:events")).containsEntry("session:123456:events", 0L);
    }
}
