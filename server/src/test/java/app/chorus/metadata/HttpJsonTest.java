package app.chorus.metadata;

import static app.chorus.metadata.StubApi.bytes;
import static app.chorus.metadata.StubApi.chunkedJson;
import static app.chorus.metadata.StubApi.json;
import static app.chorus.metadata.StubApi.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.metadata.MetadataUnavailable.Reason;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpJsonTest {
    static final String USER_AGENT = "Chorus/test ( https://chorus.example/contact )";

    private final StubApi api = new StubApi();
    private HttpJson http;

    /** Short bounds, so that retries cost milliseconds. */
    static MetadataSettings settings(Duration timeout, int maxRetries, Duration maxRetryWait) {
        return new MetadataSettings(USER_AGENT, timeout, maxRetries, maxRetryWait, Duration.ofMinutes(5), 100);
    }

    private HttpJson client(Duration timeout, int maxRetries, Duration maxRetryWait) {
        http = new HttpJson("Example", settings(timeout, maxRetries, maxRetryWait));
        return http;
    }

    private HttpJson quickClient() {
        return client(Duration.ofSeconds(2), 3, Duration.ofMillis(50));
    }

    private URI at(String path) {
        return HttpJson.join(api.base(), path);
    }

    private static long millisBetween(StubApi.Received earlier, StubApi.Received later) {
        return Duration.ofNanos(later.receivedNanos() - earlier.receivedNanos()).toMillis();
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        api.close();
    }

    @Test
    void aSuccessfulAnswerIsParsedJson() throws Exception {
        api.on("/thing", json(200, "{\"name\":\"Paper Boats\",\"plays\":3}"));

        Optional<JsonNode> answer = quickClient().get(at("/thing"), JsonNode::isObject);

        assertThat(answer).hasValueSatisfying(body -> {
            assertThat(body.path("name").asText()).isEqualTo("Paper Boats");
            assertThat(body.path("plays").asInt()).isEqualTo(3);
        });
    }

    @Test
    void notFoundIsAnEmptyAnswerAndIsRemembered() throws Exception {
        api.on("/missing", status(404));
        HttpJson client = quickClient();

        assertThat(client.get(at("/missing"), JsonNode::isObject)).isEmpty();
        assertThat(client.get(at("/missing"), JsonNode::isObject)).isEmpty();
        assertThat(api.received()).hasSize(1);
    }

    @Test
    void everyRequestCarriesTheDescriptiveUserAgent() throws Exception {
        api.on("/thing", status(503), json(200, "{}"));

        quickClient().get(at("/thing"), JsonNode::isObject);

        assertThat(api.received()).hasSize(2).extracting(StubApi.Received::userAgent).containsOnly(USER_AGENT);
    }

    @Test
    void aRepeatedRequestIsAnsweredFromTheCacheWithoutAskingTheServer() throws Exception {
        api.on("/thing", json(200, "{\"n\":1}"), json(200, "{\"n\":2}"));
        HttpJson client = quickClient();

        JsonNode first = client.get(at("/thing?q=a"), JsonNode::isObject).orElseThrow();
        JsonNode second = client.get(at("/thing?q=a"), JsonNode::isObject).orElseThrow();

        assertThat(second.path("n").asInt()).isEqualTo(first.path("n").asInt()).isEqualTo(1);
        assertThat(api.received()).hasSize(1);
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSaysThenSucceeds() throws Exception {
        api.on("/thing", status(429, "Retry-After", "1"), json(200, "{\"ok\":true}"));

        Optional<JsonNode> answer = client(Duration.ofSeconds(2), 2, Duration.ofSeconds(2)).get(at("/thing"), JsonNode::isObject);

        assertThat(answer).isPresent();
        List<StubApi.Received> received = api.received();
        assertThat(received).hasSize(2);
        assertThat(millisBetween(received.get(0), received.get(1))).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void aRetryAfterDateFarAheadIsWaitedOnlyUpToTheBound() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        api.on("/thing", status(429, "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now),
                "Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusHours(1))), json(200, "{}"));

        Optional<JsonNode> answer = client(Duration.ofSeconds(2), 2, Duration.ofMillis(200)).get(at("/thing"), JsonNode::isObject);

        assertThat(answer).isPresent();
        List<StubApi.Received> received = api.received();
        assertThat(received).hasSize(2);
        assertThat(millisBetween(received.get(0), received.get(1))).isBetween(200L, 3_000L);
    }

    @Test
    void twoServerErrorsAreRetriedAndTheThirdAnswerWins() throws Exception {
        api.on("/thing", status(503), status(503), json(200, "{\"ok\":true}"));

        Optional<JsonNode> answer = quickClient().get(at("/thing"), JsonNode::isObject);

        assertThat(answer).hasValueSatisfying(body -> assertThat(body.path("ok").asBoolean()).isTrue());
        assertThat(api.received()).hasSize(3);
    }

    @Test
    void aServerThatKeepsFailingIsReportedAsHttpStatusAfterTheRetries() {
        api.on("/thing", status(503));

        assertThatThrownBy(() -> client(Duration.ofSeconds(2), 2, Duration.ofMillis(20)).get(at("/thing"), JsonNode::isObject))
                .isInstanceOfSatisfying(MetadataUnavailable.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.HTTP_STATUS);
                    assertThat(failure.service()).isEqualTo("Example");
                    assertThat(failure.getMessage()).contains("Example", "503", "3 attempts");
                });
        assertThat(api.received()).hasSize(3);
    }

    @Test
    void rateLimitingThatNeverEndsIsReportedAsRateLimited() {
        api.on("/thing", status(429));

        assertThatThrownBy(() -> client(Duration.ofSeconds(2), 1, Duration.ofMillis(20)).get(at("/thing"), JsonNode::isObject))
                .isInstanceOfSatisfying(MetadataUnavailable.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.RATE_LIMITED));
        assertThat(api.received()).hasSize(2);
    }

    @Test
    void aClientErrorIsNotRetried() {
        api.on("/thing", status(400));

        assertThatThrownBy(() -> quickClient().get(at("/thing"), JsonNode::isObject))
                .isInstanceOfSatisfying(MetadataUnavailable.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.HTTP_STATUS));
        assertThat(api.received()).hasSize(1);
    }

    @Test
    void malformedJsonIsReportedAndNotCached() {
        api.on("/thing", json(200, "{\"results\": [1, 2,"));
        HttpJson client = quickClient();

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> client.get(at("/thing"), JsonNode::isObject))
                    .isInstanceOfSatisfying(MetadataUnavailable.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.MALFORMED));
        }
        assertThat(api.received()).hasSize(2);
    }

    @Test
    void jsonOfTheWrongShapeIsReportedAsMalformed() {
        api.on("/thing", json(200, "[\"not\", \"an\", \"object\"]"));

        assertThatThrownBy(() -> quickClient().get(at("/thing"), JsonNode::isObject))
                .isInstanceOfSatisfying(MetadataUnavailable.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void aServerSlowerThanTheTimeOutIsReportedAsTimeout() {
        api.on("/thing", api.slow(Duration.ofSeconds(30), json(200, "{}")));
        long started = System.nanoTime();

        assertThatThrownBy(() -> client(Duration.ofMillis(300), 1, Duration.ofMillis(20)).get(at("/thing"), JsonNode::isObject))
                .isInstanceOfSatisfying(MetadataUnavailable.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(api.received()).hasSize(2);
    }

    @Test
    void anOversizeAnswerIsRefusedWhetherOrNotItsLengthIsAnnounced() {
        byte[] huge = ("[\"" + "x".repeat((int) HttpJson.MAX_JSON_BYTES) + "\"]").getBytes(StandardCharsets.UTF_8);
        api.on("/announced", bytes(200, "application/json", huge));
        api.on("/chunked", chunkedJson(huge));
        HttpJson client = quickClient();

        for (String path : List.of("/announced", "/chunked")) {
            assertThatThrownBy(() -> client.get(at(path), JsonNode::isArray))
                    .isInstanceOfSatisfying(MetadataUnavailable.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.TOO_LARGE));
        }
    }

    @Test
    void aServerThatCannotBeReachedIsReportedAsNetwork() {
        URI nowhere;
        try (StubApi closed = new StubApi()) {
            nowhere = HttpJson.join(closed.base(), "/thing");
        }

        assertThatThrownBy(() -> quickClient().get(nowhere, JsonNode::isObject))
                .isInstanceOfSatisfying(MetadataUnavailable.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.NETWORK));
    }

    @Test
    void anImageIsDownloadedWhenItIsAnImageAndSmallEnough() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        api.on("/cover.jpg", bytes(200, "image/jpeg", jpeg));
        api.on("/page.html", bytes(200, "text/html", "<html></html>".getBytes(StandardCharsets.UTF_8)));
        api.on("/big.jpg", bytes(200, "image/jpeg", new byte[64 * 1024]));
        HttpJson client = quickClient();

        assertThat(client.image(at("/cover.jpg"), 1024)).hasValueSatisfying(image -> assertThat(Arrays.equals(image, jpeg)).isTrue());
        assertThat(client.image(at("/gone.jpg"), 1024)).isEmpty();
        assertThatThrownBy(() -> client.image(at("/page.html"), 1024))
                .isInstanceOfSatisfying(MetadataUnavailable.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.MALFORMED));
        assertThatThrownBy(() -> client.image(at("/big.jpg"), 1024))
                .isInstanceOfSatisfying(MetadataUnavailable.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.TOO_LARGE));
    }
}
