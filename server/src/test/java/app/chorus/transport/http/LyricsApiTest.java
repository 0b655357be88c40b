package app.chorus.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.library.Library;
import app.chorus.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The /api/songs/{id}/lyrics routes over real HTTP: read parsed, replace, shift, and the errors. */
class LyricsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYNCED = """
            [ti:Test Song]
            [ar:Tester]
            [00:10.00]<00:10.00>Hello <00:10.50>world
            [00:14.00]
            [00:16.00][00:30.00]Chorus line
            """;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Reply(int status, JsonNode body) {
    }

    private static Reply request(String method, String path, Object body) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(server.http(path)).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = server.send(builder.build());
            return new Reply(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new song made through the API, 40 s long; its id. */
    private static String newSong() {
        Reply created = request("POST", "/api/songs", JSON.createObjectNode().put("title", "Test Song")
                .put("artist", "Tester").put("durationMs", 40_000));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").textValue();
    }

    private static ObjectNode synced(String lrc) {
        return JSON.createObjectNode().put("syncedLyrics", lrc);
    }

    private static List<String> texts(JsonNode lines) {
        List<String> texts = new ArrayList<>();
        lines.forEach(line -> texts.add(line.get("text").textValue()));
        return texts;
    }

    private static List<Long> starts(JsonNode lines) {
        List<Long> starts = new ArrayList<>();
        lines.forEach(line -> starts.add(line.get("startMs").longValue()));
        return starts;
    }

    @Test
    void aSongWithoutLyricsHasNone() {
        Reply reply = request("GET", "/api/songs/" + newSong() + "/lyrics", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("source").textValue()).isEqualTo("none");
        assertThat(reply.body().get("synced").booleanValue()).isFalse();
        assertThat(reply.body().get("lines")).isEmpty();
    }

    @Test
    void putSyncedLyricsThenGetGivesTimedLinesWithWordsAndEnds() {
        String id = newSong();

        Reply put = request("PUT", "/api/songs/" + id + "/lyrics", synced(SYNCED));
        Reply get = request("GET", "/api/songs/" + id + "/lyrics", null);

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).isEqualTo(get.body());
        JsonNode body = get.body();
        assertThat(body.get("songId").textValue()).isEqualTo(id);
        assertThat(body.get("synced").booleanValue()).isTrue();
        assertThat(body.get("source").textValue()).isEqualTo("synced");
        assertThat(body.get("tags").get("ar").textValue()).isEqualTo("Tester");
        JsonNode lines = body.get("lines");
        assertThat(texts(lines)).containsExactly("Hello world", "", "Chorus line", "Chorus line");
        assertThat(starts(lines)).containsExactly(10_000L, 14_000L, 16_000L, 30_000L);
        assertThat(lines.get(0).get("endMs").longValue()).isEqualTo(14_000L);
        assertThat(lines.get(3).get("endMs").longValue()).as("the last line ends with the song").isEqualTo(40_000L);
        JsonNode world = lines.get(0).get("words").get(1);
        assertThat(world.get("text").textValue()).isEqualTo("world");
        assertThat(world.get("startMs").longValue()).isEqualTo(10_500L);
        assertThat(world.get("endMs").longValue()).isEqualTo(14_000L);
        assertThat(body.get("syncedLyrics").textValue()).isEqualTo(SYNCED);
        assertThat(body.get("plainLyrics").textValue()).isEqualTo("Hello world\nChorus line\nChorus line");
    }

    @Test
    void theSongKeepsItsOksLyricsFieldsMarkedAsEditedAfterAPut() {
        String id = newSong();

        request("PUT", "/api/songs/" + id + "/lyrics", synced(SYNCED).put("plainLyrics", "My own words"));
        Reply song = request("GET", "/api/songs/" + id, null);

        assertThat(song.body().get("syncedLyrics").textValue()).isEqualTo(SYNCED);
        assertThat(song.body().get("plainLyrics").textValue()).isEqualTo("My own words");
        assertThat(JSON.convertValue(song.body().get("editedFields"), List.class))
                .contains("plainLyrics", "syncedLyrics");
    }

    @Test
    void plainLyricsAloneAreShownAsUntimedLines() {
        String id = newSong();

        Reply reply = request("PUT", "/api/songs/" + id + "/lyrics",
                JSON.createObjectNode().put("plainLyrics", "First line\n\nSecond stanza"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("source").textValue()).isEqualTo("plain");
        assertThat(reply.body().get("synced").booleanValue()).isFalse();
        assertThat(texts(reply.body().get("lines"))).containsExactly("First line", "", "Second stanza");
        assertThat(reply.body().get("lines").get(0).get("startMs").isNull()).isTrue();
        assertThat(reply.body().get("syncedLyrics").isNull()).isTrue();
    }

    @Test
    void shiftMovesEveryTimeAndStoresTheShiftedLyrics() {
        String id = newSong();
        request("PUT", "/api/songs/" + id + "/lyrics", synced(SYNCED));

        Reply shifted = request("POST", "/api/songs/" + id + "/lyrics/shift", JSON.createObjectNode().put("offsetMs", -1_500));

        assertThat(shifted.status()).isEqualTo(200);
        assertThat(starts(shifted.body().get("lines"))).containsExactly(8_500L, 12_500L, 14_500L, 28_500L);
        assertThat(shifted.body().get("lines").get(0).get("words").get(1).get("startMs").longValue()).isEqualTo(9_000L);
        assertThat(shifted.body().get("syncedLyrics").textValue()).contains("[00:08.50]<00:08.50>Hello <00:09.00>world");
        assertThat(request("GET", "/api/songs/" + id + "/lyrics", null).body()).isEqualTo(shifted.body());
    }

    @Test
    void shiftingASongWithoutSyncedLyricsOrByTooMuchIsRefused() {
        String id = newSong();
        request("PUT", "/api/songs/" + id + "/lyrics", JSON.createObjectNode().put("plainLyrics", "words only"));

        Reply noSynced = request("POST", "/api/songs/" + id + "/lyrics/shift", JSON.createObjectNode().put("offsetMs", 100));
        request("PUT", "/api/songs/" + id + "/lyrics", synced(SYNCED));
        Reply tooFar = request("POST", "/api/songs/" + id + "/lyrics/shift", JSON.createObjectNode().put("offsetMs", 600_001));
        Reply notANumber = request("POST", "/api/songs/" + id + "/lyrics/shift", JSON.createObjectNode().put("offsetMs", "soon"));

        assertThat(noSynced.status()).isEqualTo(409);
        assertThat(noSynced.body().get("code").textValue()).isEqualTo("NO_SYNCED_LYRICS");
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.body().get("details").get("field").textValue()).isEqualTo("offsetMs");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(starts(request("GET", "/api/songs/" + id + "/lyrics", null).body().get("lines")))
                .as("nothing moved").startsWith(10_000L);
    }

    @Test
    void syncedLyricsWithoutATimedLineAreRefusedWithTheParsersProblems() {
        String id = newSong();

        Reply garbage = request("PUT", "/api/songs/" + id + "/lyrics", synced("[00:7x.00]bad\n[01:99.00]worse\n"));
        Reply untimed = request("PUT", "/api/songs/" + id + "/lyrics", synced("just words"));

        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().get("code").textValue()).isEqualTo("INVALID_LYRICS");
        assertThat(garbage.body().get("error").textValue()).isNotBlank();
        assertThat(garbage.body().get("details").get("field").textValue()).isEqualTo("syncedLyrics");
        assertThat(garbage.body().get("details").get("problems")).hasSize(2);
        assertThat(garbage.body().get("details").get("problems").get(0).textValue()).startsWith("line 1:");
        assertThat(untimed.status()).isEqualTo(400);
        assertThat(untimed.body().get("details").get("problems")).hasSize(1);
        assertThat(request("GET", "/api/songs/" + id, null).body().get("syncedLyrics").isNull()).isTrue();
    }

    @Test
    void badLinesAmongGoodOnesAreStoredAndReportedNotRefused() {
        String id = newSong();

        Reply reply = request("PUT", "/api/songs/" + id + "/lyrics", synced("[00:01.00]good\n[00:7x]bad\n[00:02.00]fine\n"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(texts(reply.body().get("lines"))).containsExactly("good", "fine");
        assertThat(reply.body().get("problems")).hasSize(1);
    }

    @Test
    void lyricsLongerThanTheLibraryKeepsAreRefused() {
        String id = newSong();
        String tooLong = "[00:01.00]" + "a".repeat(Library.MAX_LYRICS_CHARS);

        Reply reply = request("PUT", "/api/songs/" + id + "/lyrics", synced(tooLong));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("code").textValue()).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.body().get("details").get("field").textValue()).isEqualTo("syncedLyrics");
    }

    @Test
    void anUnknownSongIs404OnEveryRouteAndAnEmptyBodyIsATypedError() {
        String unknown = "/api/songs/" + UUID.randomUUID() + "/lyrics";

        Reply get = request("GET", unknown, null);
        Reply put = request("PUT", unknown, synced(SYNCED));
        Reply shift = request("POST", unknown + "/shift", JSON.createObjectNode().put("offsetMs", 1));
        Reply empty = request("PUT", "/api/songs/" + newSong() + "/lyrics", JSON.createObjectNode().put("other", 1));

        assertThat(List.of(get.status(), put.status(), shift.status())).containsOnly(404);
        assertThat(get.body().get("code").textValue()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(get.body().has("details")).isTrue();
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("code").textValue()).isEqualTo("MISSING_REQUEST_DATA");
    }

    @Test
    void clearingSyncedLyricsLeavesThePlainOnes() {
        String id = newSong();
        request("PUT", "/api/songs/" + id + "/lyrics", synced(SYNCED));

        Reply cleared = request("PUT", "/api/songs/" + id + "/lyrics", JSON.createObjectNode().putNull("syncedLyrics"));

        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.body().get("syncedLyrics").isNull()).isTrue();
        assertThat(cleared.body().get("source").textValue()).isEqualTo("plain");
        assertThat(texts(cleared.body().get("lines"))).containsExactly("Hello world", "Chorus line", "Chorus line");
    }

    @Test
    void theLyricsRoutesAreInTheOpenapiDocument() {
        JsonNode paths = request("GET", "/openapi.json", null).body().get("paths");

        assertThat(paths.get("/api/songs/{id}/lyrics").has("get")).isTrue();
        assertThat(paths.get("/api/songs/{id}/lyrics").has("put")).isTrue();
        assertThat(paths.get("/api/songs/{id}/lyrics/shift").has("post")).isTrue();
    }
}
