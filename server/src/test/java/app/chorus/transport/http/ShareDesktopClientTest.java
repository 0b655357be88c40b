package app.chorus.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ShareClient;
import app.chorus.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The music share contract walked as the SongRequest desktop client walks it: a sharer starting
 * a session, posting metadata with a cover every 100 ms and a 0.5 s chunk every 500 ms (from
 * overlapping requests), a receiver polling metadata every 500 ms and audio every 400 ms with
 * {@code since}, then the stop. Every field's name and JSON type is checked, as the client's
 * System.Text.Json reader would.
 */
class ShareDesktopClientTest {
    private static final String TOKEN = "DefaultToken";
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start("--share-tokens", TOKEN + ",Bearer Token", "--share-path-prefix", "/songrequests");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aSharerAndAReceiverGoThroughASessionAsTheDesktopClientDoes() throws Exception {
        ShareClient sharer = new ShareClient(server.http("/songrequests/"), TOKEN);
        ShareClient receiver = new ShareClient(server.http("/songrequests/"), TOKEN);
        byte[] cover = new byte[48_000];
        new Random(7).nextBytes(cover);
        String thumbnail = Base64.getEncoder().encodeToString(cover);

        ShareClient.Answer started = sharer.post("api/share/start", "{\"sessionId\":\"482913\"}");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().get("success").isBoolean()).isTrue();
        assertThat(started.json().get("success").booleanValue()).isTrue();
        assertThat(started.json().get("sessionId").textValue()).isEqualTo("482913");
        assertThat(started.json().get("timestamp").isIntegralNumber()).isTrue();

        ShareClient.Answer status = receiver.get("api/share/482913/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("isActive").isBoolean()).isTrue();
        assertThat(status.json().get("isActive").booleanValue()).isTrue();
        assertThat(status.json().get("startTime").isIntegralNumber()).isTrue();
        assertThat(status.json().get("startTime").longValue()).isEqualTo(started.json().get("timestamp").longValue());
        assertThat(status.json().get("listenerCount").isInt()).isTrue();
        assertThat(status.json().get("currentMetadata").isObject()).isTrue();

        ShareClient.Answer nothingYet = receiver.get("api/share/482913/audio?since=-1");
        assertThat(nothingYet.status()).as("no chunks yet").isEqualTo(204);
        assertThat(nothingYet.body()).isEmpty();

        ScheduledExecutorService sender = Executors.newScheduledThreadPool(4);
        ScheduledExecutorService polling = Executors.newScheduledThreadPool(2);
        AtomicInteger nextSequence = new AtomicInteger();
        AtomicLong position = new AtomicLong();
        List<Integer> badStatuses = Collections.synchronizedList(new ArrayList<>());
        List<JsonNode> receivedChunks = Collections.synchronizedList(new ArrayList<>());
        List<JsonNode> receivedMetadata = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger noContent = new AtomicInteger();
        AtomicLong since = new AtomicLong(-1);
        int chunks = 6;
        try {
            // Metadata on every tick of the player's 100 ms position timer, the cover each time.
            sender.scheduleAtFixedRate(() -> {
                long elapsed = position.addAndGet(100);
                String body = ShareClient.JSON.createObjectNode().put("title", "Bohemian Rhapsody").put("artist", "Queen")
                        .put("lyrics", "[00:00.50]Is this the real life?\n[00:01.50]Is this just fantasy?")
                        .put("hasSyncedLyrics", true).put("elapsedSeconds", elapsed / 1000.0).put("totalSeconds", 354.32)
                        .put("thumbnailData", thumbnail).put("timestamp", System.currentTimeMillis()).toString();
                int code = sharer.post("api/share/482913/metadata", body).status();
                if (code != 200) {
                    badStatuses.add(code);
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            // A 0.5 s chunk every 500 ms, each from its own (overlapping) request.
            sender.scheduleAtFixedRate(() -> {
                int sequence = nextSequence.getAndIncrement();
                if (sequence >= chunks) {
                    return;
                }
                ShareClient.Answer answer = sharer.post("api/share/482913/audio",
                        ShareClient.chunkJson(sequence, ShareClient.pcmChunk(sequence, 44_100), System.currentTimeMillis()));
                if (answer.status() != 200 || !answer.json().get("buffered").booleanValue()) {
                    badStatuses.add(answer.status());
                }
            }, 50, 500, TimeUnit.MILLISECONDS);
            polling.scheduleAtFixedRate(() -> {
                ShareClient.Answer answer = receiver.get("api/share/482913/metadata");
                if (answer.status() == 200) {
                    receivedMetadata.add(answer.json());
                }
            }, 0, 500, TimeUnit.MILLISECONDS);
            polling.scheduleAtFixedRate(() -> {
                ShareClient.Answer answer = receiver.get("api/share/482913/audio?since=" + since.get());
                if (answer.status() == 204) {
                    assertThat(answer.body()).isEmpty();
                    noContent.incrementAndGet();
                } else if (answer.status() == 200) {
                    for (JsonNode chunk : answer.json()) {
                        receivedChunks.add(chunk);
                        since.set(Math.max(since.get(), chunk.get("sequenceNumber").longValue()));
                    }
                } else {
                    badStatuses.add(answer.status());
                }
            }, 0, 400, TimeUnit.MILLISECONDS);

            Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> since.get() == chunks - 1);
        } finally {
            sender.shutdownNow();
            polling.shutdownNow();
            sender.awaitTermination(5, TimeUnit.SECONDS);
            polling.awaitTermination(5, TimeUnit.SECONDS);
        }

        assertThat(badStatuses).isEmpty();
        assertThat(noContent.get()).as("polls with nothing new got 204").isPositive();
        assertThat(receivedChunks).extracting(chunk -> chunk.get("sequenceNumber").intValue())
                .containsExactly(0, 1, 2, 3, 4, 5);
        for (JsonNode chunk : receivedChunks) {
            int sequence = chunk.get("sequenceNumber").intValue();
            assertThat(chunk.get("sequenceNumber").isInt()).isTrue();
            assertThat(chunk.get("sampleRate").isInt()).isTrue();
            assertThat(chunk.get("sampleRate").intValue()).isEqualTo(44_100);
            assertThat(chunk.get("channels").isInt()).isTrue();
            assertThat(chunk.get("channels").intValue()).isEqualTo(2);
            assertThat(chunk.get("timestamp").isIntegralNumber()).isTrue();
            assertThat(chunk.get("data").isTextual()).isTrue();
            assertThat(Base64.getDecoder().decode(chunk.get("data").textValue()))
                    .as("chunk %d relayed byte for byte", sequence).isEqualTo(ShareClient.pcmChunk(sequence, 44_100));
        }
        assertThat(receivedMetadata).isNotEmpty();
        JsonNode metadata = receivedMetadata.get(receivedMetadata.size() - 1);
        assertThat(metadata.get("title").textValue()).isEqualTo("Bohemian Rhapsody");
        assertThat(metadata.get("artist").textValue()).isEqualTo("Queen");
        assertThat(metadata.get("lyrics").textValue()).startsWith("[00:00.50]");
        assertThat(metadata.get("hasSyncedLyrics").isBoolean()).isTrue();
        assertThat(metadata.get("elapsedSeconds").isNumber()).isTrue();
        assertThat(metadata.get("totalSeconds").doubleValue()).isEqualTo(354.32);
        assertThat(metadata.get("thumbnailData").textValue()).isEqualTo(thumbnail);
        assertThat(metadata.get("timestamp").isIntegralNumber()).isTrue();

        JsonNode listening = receiver.get("api/share/482913/status").json();
        assertThat(listening.get("listenerCount").intValue()).as("the receiver is counted").isEqualTo(1);
        assertThat(listening.get("currentMetadata").get("title").textValue()).isEqualTo("Bohemian Rhapsody");
        assertThat(listening.get("currentMetadata").get("artist").textValue()).isEqualTo("Queen");

        ShareClient.Answer stopped = sharer.postEmpty("api/share/482913/stop");
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.json().get("success").booleanValue()).isTrue();
        assertThat(stopped.json().get("sessionDuration").isFloatingPointNumber()).isTrue();
        assertThat(stopped.json().get("sessionDuration").doubleValue()).isGreaterThan(2.0);
        assertThat(stopped.json().get("bytesTransferred").isIntegralNumber()).isTrue();
        assertThat(stopped.json().get("bytesTransferred").longValue()).isEqualTo(chunks * 176_400L);

        JsonNode ended = receiver.get("api/share/482913/status").json();
        assertThat(ended.get("isActive").booleanValue()).as("readable during the grace, not active").isFalse();
        assertThat(receiver.get("api/share/482913/audio?since=" + since.get()).status()).isEqualTo(204);
    }

    @Test
    void theApiAnswersAtItsOwnPathAndUnderThePrefixWithTheSameSessions() {
        ShareClient plain = new ShareClient(server.http("/"), "Bearer Token");
        ShareClient prefixed = new ShareClient(server.http("/songrequests/"), TOKEN);
        assertThat(plain.post("api/share/start", "{\"sessionId\":\"100200\"}").status()).isEqualTo(200);
        assertThat(prefixed.get("api/share/100200/status").status()).isEqualTo(200);
        assertThat(prefixed.post("api/share/start", "{\"sessionId\":\"100200\"}").status()).isEqualTo(409);
        assertThat(prefixed.postEmpty("api/share/100200/stop").status()).isEqualTo(200);
        JsonNode health = ShareClient.JSON.valueToTree(prefixed.get("health").json());
        assertThat(health.get("status").textValue()).isEqualTo("healthy");
        assertThat(health.get("activeSessions").isInt()).isTrue();
        assertThat(health.get("share").get("store").textValue()).isEqualTo("memory");
        assertThat(health.get("share").get("sessions_started").intValue()).isGreaterThanOrEqualTo(1);
    }
}
