package app.chorus.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.share.ShareTokens;
import app.chorus.testing.ShareClient;
import app.chorus.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input to the music share API: each gets its typed error and changes nothing. */
class ShareApiTest {
    private static final String TOKEN = "s3cret-share-token";
    private static final AtomicInteger SESSIONS = new AtomicInteger(200_000);
    private static TestServer server;
    private static ShareClient client;

    @BeforeAll
    static void startServer() {
        server = TestServer.start("--share-tokens", TOKEN + ",second-token", "--share-max-chunk-bytes", "200000",
                "--share-max-thumbnail-bytes", "50000", "--share-max-body-bytes", "1500000");
        client = new ShareClient(server.http("/"), TOKEN);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void stopEverySession() {
        // Each test starts from no active session (the 51st-session test needs all 50 slots).
        JsonNode health = client.get("health").json();
        assertThat(health.get("share").get("active_sessions").intValue()).as("left by an earlier test").isLessThan(50);
    }

    private static String started() {
        String id = String.valueOf(SESSIONS.incrementAndGet());
        assertThat(client.post("api/share/start", "{\"sessionId\":\"" + id + "\"}").status()).isEqualTo(200);
        return id;
    }

    private static void assertError(ShareClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.response().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(answer.json().get("success").isBoolean()).isTrue();
        assertThat(answer.json().get("success").booleanValue()).isFalse();
        assertThat(answer.json().get("error").isTextual()).isTrue();
        assertThat(answer.json().get("code").textValue()).isEqualTo(code);
        assertThat(answer.json().get("timestamp").isIntegralNumber()).isTrue();
    }

    @Test
    void everyRouteRefusesAMissingOrWrongTokenWith401() {
        String id = started();
        for (String token : new String[] {null, "", "wrong", "Bearer " + TOKEN, TOKEN.substring(1), TOKEN + "x", TOKEN + ",second-token"}) {
            ShareClient other = new ShareClient(server.http("/"), token);
            assertError(other.post("api/share/start", "{\"sessionId\":\"777777\"}"), 401, "UNAUTHORIZED");
            assertError(other.post("api/share/" + id + "/metadata", "{\"title\":\"x\"}"), 401, "UNAUTHORIZED");
            assertError(other.post("api/share/" + id + "/audio", ShareClient.chunkJson(0, new byte[8], 1)), 401, "UNAUTHORIZED");
            assertError(other.postEmpty("api/share/" + id + "/stop"), 401, "UNAUTHORIZED");
            assertError(other.get("api/share/" + id + "/status"), 401, "UNAUTHORIZED");
            assertError(other.get("api/share/" + id + "/metadata"), 401, "UNAUTHORIZED");
            assertError(other.get("api/share/" + id + "/audio?since=-1"), 401, "UNAUTHORIZED");
        }
        assertThat(client.get("api/share/" + id + "/status").json().get("isActive").booleanValue()).as("not stopped").isTrue();
        assertThat(client.get("api/share/777777/status").status()).as("not started").isEqualTo(404);
        ShareClient second = new ShareClient(server.http("/"), "second-token");
        assertThat(second.get("api/share/" + id + "/status").status()).as("any configured token").isEqualTo(200);
    }

    @Test
    void idsThatAreNotSixDigitsAreRefusedWith400() {
        for (String body : new String[] {"{\"sessionId\":\"12345\"}", "{\"sessionId\":\"1234567\"}", "{\"sessionId\":\"abcdef\"}",
                "{\"sessionId\":123456}", "{}", "{\"sessionId\":null}"}) {
            assertError(client.post("api/share/start", body), 400, "INVALID_SESSION_ID");
        }
        for (String id : new String[] {"12345", "1234567", "abcdef", "12a456"}) {
            assertError(client.get("api/share/" + id + "/status"), 400, "INVALID_SESSION_ID");
            assertError(client.get("api/share/" + id + "/audio?since=-1"), 400, "INVALID_SESSION_ID");
            assertError(client.post("api/share/" + id + "/metadata", "{}"), 400, "INVALID_SESSION_ID");
            assertError(client.postEmpty("api/share/" + id + "/stop"), 400, "INVALID_SESSION_ID");
        }
    }

    @Test
    void unknownSessionsAre404OnEveryRoute() {
        assertError(client.post("api/share/654321/metadata", "{\"title\":\"x\"}"), 404, "SESSION_NOT_FOUND");
        assertError(client.post("api/share/654321/audio", ShareClient.chunkJson(0, new byte[8], 1)), 404, "SESSION_NOT_FOUND");
        assertError(client.postEmpty("api/share/654321/stop"), 404, "SESSION_NOT_FOUND");
        ShareClient.Answer status = client.get("api/share/654321/status");
        assertError(status, 404, "SESSION_NOT_FOUND");
        assertThat(status.json().get("isActive").booleanValue()).isFalse();
        assertThat(status.json().get("error").textValue()).isEqualTo("Session not found");
        assertError(client.get("api/share/654321/metadata"), 404, "SESSION_NOT_FOUND");
        assertError(client.get("api/share/654321/audio?since=-1"), 404, "SESSION_NOT_FOUND");
        String id = started();
        ShareClient.Answer noMetadata = client.get("api/share/" + id + "/metadata");
        assertError(noMetadata, 404, "NO_METADATA");
        assertThat(noMetadata.json().get("error").textValue()).isEqualTo("Session not found or no metadata available");
    }

    @Test
    void startingAnActiveIdAgainIs409AndTheFirstSessionIsUntouched() {
        String id = started();
        client.post("api/share/" + id + "/audio", ShareClient.chunkJson(0, new byte[8], 1));
        ShareClient.Answer again = client.post("api/share/start", "{\"sessionId\":\"" + id + "\"}");
        assertError(again, 409, "SESSION_EXISTS");
        assertThat(again.json().get("error").textValue()).isEqualTo("Session ID already in use");
        assertThat(client.get("api/share/" + id + "/audio?since=-1").json()).hasSize(1);
    }

    @Test
    void theFiftyFirstSessionIs503UntilOneStops() {
        List<String> ids = new java.util.ArrayList<>();
        int active = client.get("health").json().get("share").get("active_sessions").intValue();
        for (int count = active; count < 50; count++) {
            ids.add(started());
        }
        ShareClient.Answer full = client.post("api/share/start", "{\"sessionId\":\"999001\"}");
        assertError(full, 503, "TOO_MANY_SESSIONS");
        assertThat(full.json().get("error").textValue()).contains("50");
        assertThat(client.postEmpty("api/share/" + ids.get(0) + "/stop").status()).isEqualTo(200);
        assertThat(client.post("api/share/start", "{\"sessionId\":\"999001\"}").status()).isEqualTo(200);
        for (String id : ids.subList(1, ids.size())) {
            client.postEmpty("api/share/" + id + "/stop");
        }
        client.postEmpty("api/share/999001/stop");
    }

    @Test
    void malformedAndOversizeBase64IsRefusedWith400() {
        String id = started();
        assertError(client.post("api/share/" + id + "/audio", "{\"data\":\"not base64!!\",\"sequenceNumber\":0}"), 400, "VALIDATION_ERROR");
        assertError(client.post("api/share/" + id + "/audio", "{\"data\":\"AAAAA\",\"sequenceNumber\":0}"), 400, "VALIDATION_ERROR");
        ShareClient.Answer tooBig = client.post("api/share/" + id + "/audio", ShareClient.chunkJson(1, new byte[200_008], 1));
        assertError(tooBig, 400, "VALIDATION_ERROR");
        assertThat(tooBig.json().get("field").textValue()).isEqualTo("data");
        assertThat(tooBig.json().get("error").textValue()).contains("200000");
        String bigCover = Base64.getEncoder().encodeToString(new byte[50_001]);
        ShareClient.Answer cover = client.post("api/share/" + id + "/metadata", "{\"title\":\"x\",\"thumbnailData\":\"" + bigCover + "\"}");
        assertError(cover, 400, "VALIDATION_ERROR");
        assertThat(cover.json().get("field").textValue()).isEqualTo("thumbnailData");
        assertError(client.post("api/share/" + id + "/metadata", "{\"thumbnailData\":\"%%%\"}"), 400, "VALIDATION_ERROR");
        assertThat(client.get("api/share/" + id + "/audio?since=-1").status()).as("nothing was buffered").isEqualTo(204);
        assertThat(client.get("api/share/" + id + "/metadata").status()).as("nothing was stored").isEqualTo(404);
    }

    @Test
    void bodiesOfOverAMegabyteAreAcceptedUpToTheLimitAndRefusedWith413Beyond() {
        String id = started();
        String cover = Base64.getEncoder().encodeToString(new byte[40_000]);
        String lyrics = "x".repeat(1_100_000);
        String body = "{\"title\":\"Long\",\"lyrics\":\"" + lyrics + "\",\"thumbnailData\":\"" + cover + "\",\"timestamp\":5}";
        assertThat(body.length()).isGreaterThan(1_000_000);
        assertThat(client.post("api/share/" + id + "/metadata", body).status()).isEqualTo(200);
        assertThat(client.get("api/share/" + id + "/metadata").json().get("lyrics").textValue()).hasSize(1_100_000);
        String huge = "{\"title\":\"" + "y".repeat(1_600_000) + "\"}";
        assertError(client.post("api/share/" + id + "/metadata", huge), 413, "PAYLOAD_TOO_LARGE");
        HttpRequest chunked = HttpRequest.newBuilder(server.http("/api/share/" + id + "/metadata"))
                .header("Authorization", TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes()))).build();
        assertError(client.send(chunked), 413, "PAYLOAD_TOO_LARGE");
        assertThat(client.get("api/share/" + id + "/metadata").json().get("title").textValue()).isEqualTo("Long");
    }

    @Test
    void fieldsOfTheWrongJsonTypeAreRefusedWith400() {
        String id = started();
        String data = Base64.getEncoder().encodeToString(new byte[16]);
        for (String body : new String[] {
                "not json", "[1,2]", "{\"data\":\"" + data + "\"}",
                "{\"data\":\"" + data + "\",\"sequenceNumber\":\"5\"}",
                "{\"data\":\"" + data + "\",\"sequenceNumber\":1.5}",
                "{\"data\":\"" + data + "\",\"sequenceNumber\":-1}",
                "{\"data\":\"" + data + "\",\"sequenceNumber\":1,\"sampleRate\":\"44100\"}",
                "{\"data\":\"" + data + "\",\"sequenceNumber\":1,\"channels\":0}",
                "{\"data\":\"" + data + "\",\"sequenceNumber\":1,\"format\":\"mp3\"}",
                "{\"data\":\"" + Base64.getEncoder().encodeToString(new byte[12]) + "\",\"sequenceNumber\":1}",
                "{\"data\":12,\"sequenceNumber\":1}"}) {
            assertError(client.post("api/share/" + id + "/audio", body), 400, "VALIDATION_ERROR");
        }
        for (String body : new String[] {"{\"hasSyncedLyrics\":\"true\"}", "{\"title\":5}", "{\"elapsedSeconds\":\"1\"}",
                "{\"timestamp\":1.5}"}) {
            assertError(client.post("api/share/" + id + "/metadata", body), 400, "VALIDATION_ERROR");
        }
        assertError(client.get("api/share/" + id + "/audio?since=abc"), 400, "VALIDATION_ERROR");
        assertThat(client.get("api/share/" + id + "/audio?since=-1").status()).isEqualTo(204);
    }

    @Test
    void sequenceNumbersOutOfOrderAreSortedAndDuplicatesIgnored() {
        String id = started();
        for (int sequence : new int[] {2, 0, 3, 1}) {
            ShareClient.Answer answer = client.post("api/share/" + id + "/audio", ShareClient.chunkJson(sequence, new byte[8], sequence));
            assertThat(answer.json().get("buffered").booleanValue()).isTrue();
        }
        ShareClient.Answer duplicate = client.post("api/share/" + id + "/audio", ShareClient.chunkJson(1, new byte[8], 9));
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.json().get("buffered").isBoolean()).isTrue();
        assertThat(duplicate.json().get("buffered").booleanValue()).isFalse();
        JsonNode chunks = client.get("api/share/" + id + "/audio?since=-1").json();
        assertThat(chunks).extracting(chunk -> chunk.get("sequenceNumber").intValue()).containsExactly(0, 1, 2, 3);
        assertThat(chunks.get(1).get("timestamp").longValue()).as("the first copy is kept").isEqualTo(1);
        assertThat(client.get("api/share/" + id + "/audio?since=1").json())
                .extracting(chunk -> chunk.get("sequenceNumber").intValue()).containsExactly(2, 3);
        assertThat(client.get("api/share/" + id + "/audio?since=3").status()).isEqualTo(204);
        assertThat(client.postEmpty("api/share/" + id + "/stop").json().get("bytesTransferred").longValue()).isEqualTo(32);
    }

    @Test
    void aServerWithoutConfiguredTokensGeneratesOneKeepsItAndAcceptsOnlyIt() throws Exception {
        try (TestServer generated = TestServer.start("--share-tokens", "")) {
            java.nio.file.Path file = generated.dataDir().resolve(ShareTokens.TOKEN_FILE);
            String token = Files.readString(file).trim();
            assertThat(token).hasSizeGreaterThanOrEqualTo(32);
            ShareClient owner = new ShareClient(generated.http("/"), token);
            assertThat(owner.post("api/share/start", "{\"sessionId\":\"123123\"}").status()).isEqualTo(200);
            assertThat(new ShareClient(generated.http("/"), "DefaultToken").get("api/share/123123/status").status()).isEqualTo(401);
            generated.restart();
            assertThat(Files.readString(file).trim()).as("kept across restarts").isEqualTo(token);
            ShareClient afterRestart = new ShareClient(generated.http("/"), token);
            assertThat(afterRestart.post("api/share/start", "{\"sessionId\":\"123124\"}").status()).isEqualTo(200);
            try (TestServer other = TestServer.start("--share-tokens", "")) {
                assertThat(Files.readString(other.dataDir().resolve(ShareTokens.TOKEN_FILE)).trim())
                        .as("random per install, never a fixed default").isNotEqualTo(token);
            }
        }
    }
}
