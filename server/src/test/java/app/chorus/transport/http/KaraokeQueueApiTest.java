package app.chorus.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.library.Library;
import app.chorus.library.Song;
import app.chorus.library.SongField;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Open Karaoke Studio's karaoke queue, {@code /api/karaoke-queue}, over real HTTP: every
 * route, status and error body, and the positions after each operation as the contract's table
 * has them (position 0 is the current song). The queue holds at most five songs here.
 */
class KaraokeQueueApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUEUE = "/api/karaoke-queue";
    private static final List<String> ITEM_KEYS = List.of("id", "songId", "singer", "position", "addedAt", "song");
    private static final List<String> SONG_KEYS = List.of("id", "title", "artist", "album", "durationMs", "coverArt",
            "syncedLyrics", "plainLyrics");
    private static final String MISSING_FIELDS =
            "{\"error\":\"Missing required fields\",\"code\":\"MISSING_PARAMETERS\",\"details\":{\"required\":[\"singer\",\"songId\"]}}";
    private static final String MISSING_QUEUE =
            "{\"error\":\"Missing queue data\",\"code\":\"MISSING_PARAMETERS\",\"details\":{\"required\":[\"queue\"]}}";
    private static final String ITEM_NOT_FOUND = "{\"error\":\"Item not found\"}";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("--room-max-queue", "5");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Each test starts from an empty queue with nothing current. */
    @BeforeEach
    void emptyQueue() {
        server.clearKaraokeQueue();
    }

    /** The running server's library (a new one after a restart). */
    private static Library library() {
        return server.chorus().library();
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.http(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return server.send(request.build());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return tree(response.body());
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertReply(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json(response)).isEqualTo(tree(body));
    }

    private static List<String> keys(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Song song(String title) {
        return server.librarySong(title);
    }

    private static JsonNode list() {
        HttpResponse<String> response = server.get(QUEUE);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }

    /** Adds the song for a singer and returns the 201's QueueItem. */
    private static JsonNode add(Song song, String singer) {
        HttpResponse<String> response = send("POST", QUEUE, JSON.createObjectNode().put("songId", song.id())
                .put("singer", singer).toString());
        assertThat(response.statusCode()).as("add %s", response.body()).isEqualTo(201);
        return json(response);
    }

    private static int add(Song song) {
        return add(song, "Singer of " + song.title()).get("id").asInt();
    }

    /** The queue as {@code title@position}, ordered as GET orders it. */
    private static List<String> positions() {
        List<String> positions = new ArrayList<>();
        for (JsonNode item : list()) {
            positions.add(item.get("song").get("title").asText() + "@" + item.get("position").asInt());
        }
        return positions;
    }

    private static ObjectNode expectedSong(Song song) {
        ObjectNode expected = JSON.createObjectNode();
        expected.put("id", song.id()).put("title", song.title()).put("artist", song.artist()).put("album", song.album())
                .put("durationMs", 200_000).putNull("coverArt").put("syncedLyrics", song.syncedLyrics())
                .put("plainLyrics", song.plainLyrics());
        return expected;
    }

    // ---- GET and POST ---------------------------------------------------------------------------

    @Test
    void anEmptyQueueIsAnEmptyList() {
        HttpResponse<String> response = server.get(QUEUE);

        assertReply(response, 200, "[]");
    }

    @Test
    void addingASongAnswers201WithTheItemWhichWaitsAtPositionOneWithNothingCurrent() {
        Song song = song("Dancing Queen");

        JsonNode item = add(song, "Ann");

        assertThat(keys(item)).containsExactlyElementsOf(ITEM_KEYS);
        assertThat(keys(item.get("song"))).containsExactlyElementsOf(SONG_KEYS);
        assertThat(item.get("id").isInt()).isTrue();
        ObjectNode expected = JSON.createObjectNode();
        expected.put("id", item.get("id").asInt()).put("songId", song.id()).put("singer", "Ann").put("position", 1)
                .putNull("addedAt").set("song", expectedSong(song));
        assertThat(item).isEqualTo(expected);
        assertThat(list()).containsExactly(expected);
    }

    @Test
    void eachAddGoesAfterTheLastPositionWithARisingId() {
        List<Integer> ids = new ArrayList<>();
        for (String title : List.of("A", "B", "C")) {
            ids.add(add(song(title)));
        }

        assertThat(positions()).containsExactly("A@1", "B@2", "C@3");
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        int played = ids.getFirst();
        assertThat(send("POST", QUEUE + "/" + played + "/play", null).statusCode()).isEqualTo(200);
        add(song("D"));
        assertThat(positions()).containsExactly("A@0", "B@1", "C@2", "D@3");
    }

    @Test
    void theListReadsLyricsFromTheLibraryAsTheyAreNow() {
        Song song = song("Africa");
        add(song);

        library().edit(song.id(), Map.of(SongField.PLAIN_LYRICS, "new words"));

        assertThat(list().get(0).get("song").get("plainLyrics").asText()).isEqualTo("new words");
    }

    @Test
    void anAddWithoutSongIdOrSingerIs400MissingParameters() {
        String songId = song("Take On Me").id();
        for (String body : List.of("{}", "{\"songId\":\"" + songId + "\"}", "{\"singer\":\"Ann\"}",
                "{\"songId\":\"" + songId + "\",\"singer\":\"  \"}", "{\"songId\":5,\"singer\":\"Ann\"}",
                "{\"songId\":\"" + songId + "\",\"singer\":null}", "[]", "not json")) {
            assertReply(send("POST", QUEUE, body), 400, MISSING_FIELDS);
        }
        assertReply(send("POST", QUEUE, null), 400, MISSING_FIELDS);
        assertThat(list()).isEmpty();
    }

    @Test
    void anAddOfASongNotInTheLibraryIs404() {
        assertReply(send("POST", QUEUE, "{\"songId\":\"no-such-song\",\"singer\":\"Ann\"}"), 404,
                "{\"error\":\"Song not found\"}");
        assertThat(list()).isEmpty();
    }

    @Test
    void aSingerNameLongerThan200CharactersIs400() {
        String body = JSON.createObjectNode().put("songId", song("Long").id()).put("singer", "x".repeat(201)).toString();

        assertReply(send("POST", QUEUE, body), 400,
                "{\"error\":\"singer must be at most 200 characters\",\"code\":\"VALIDATION_ERROR\",\"details\":{\"field\":\"singer\"}}");
    }

    @Test
    void aFullQueueRefusesTheNextAddWith409AndTheCurrentSongDoesNotCount() {
        List<Integer> ids = new ArrayList<>();
        for (String title : List.of("Q1", "Q2", "Q3", "Q4", "Q5")) {
            ids.add(add(song(title)));
        }
        Song sixth = song("Q6");
        String body = JSON.createObjectNode().put("songId", sixth.id()).put("singer", "Ann").toString();

        assertReply(send("POST", QUEUE, body), 409,
                "{\"error\":\"Queue is full (5 songs)\",\"code\":\"LIMIT_EXCEEDED\",\"details\":{}}");
        assertThat(list()).hasSize(5);

        send("POST", QUEUE + "/" + ids.getFirst() + "/play", null);
        assertThat(send("POST", QUEUE, body).statusCode()).isEqualTo(201);
        assertThat(positions()).containsExactly("Q1@0", "Q2@1", "Q3@2", "Q4@3", "Q5@4", "Q6@5");
    }

    // ---- play -----------------------------------------------------------------------------------

    @Test
    void playingAnItemAnswersItsSongAndSingerAndMakesItCurrent() {
        Song a = song("A");
        Song c = song("C");
        int first = add(a);
        add(song("B"));
        int third = add(c, "Cid").get("id").asInt();

        HttpResponse<String> played = send("POST", QUEUE + "/" + third + "/play", null);

        ObjectNode expected = expectedSong(c).put("singer", "Cid");
        assertThat(played.statusCode()).isEqualTo(200);
        assertThat(json(played)).isEqualTo(expected);
        assertThat(keys(json(played))).containsExactlyElementsOf(keys(expected));
        assertThat(positions()).containsExactly("C@0", "A@1", "B@2");

        send("POST", QUEUE + "/" + first + "/play", null);
        assertThat(positions()).as("the old current song is gone, the rest renumbered").containsExactly("A@0", "B@1");
    }

    @Test
    void playingTheCurrentItemKeepsTheQueueAsItIs() {
        int first = add(song("A"));
        add(song("B"));
        send("POST", QUEUE + "/" + first + "/play", null);

        assertThat(send("POST", QUEUE + "/" + first + "/play", null).statusCode()).isEqualTo(200);
        assertThat(positions()).containsExactly("A@0", "B@1");
    }

    @Test
    void playingAnUnknownOrNonIntegerItemIs404() {
        add(song("A"));

        for (String id : List.of("999999", "0", "-1", "abc", "1.5", "99999999999")) {
            assertReply(send("POST", QUEUE + "/" + id + "/play", null), 404, ITEM_NOT_FOUND);
        }
        assertThat(positions()).containsExactly("A@1");
    }

    @Test
    void playingAnItemWhoseLibrarySongWasDeletedIs404SongNotFound() {
        Song gone = song("Gone");
        int id = add(gone);
        library().delete(gone.id());

        assertReply(send("POST", QUEUE + "/" + id + "/play", null), 404, "{\"error\":\"Song not found\"}");
        assertThat(list().get(0).get("position").asInt()).isEqualTo(1);
    }

    // ---- delete ---------------------------------------------------------------------------------

    @Test
    void deletingRenumbersEverythingFromZeroSoTheNewHeadBecomesCurrent() {
        int a = add(song("A"));
        int b = add(song("B"));
        add(song("C"));

        assertReply(send("DELETE", QUEUE + "/" + b, null), 200, "{\"success\":true}");
        assertThat(positions()).as("nothing was current: the head becomes current").containsExactly("A@0", "C@1");

        assertReply(send("DELETE", QUEUE + "/" + a, null), 200, "{\"success\":true}");
        assertThat(positions()).as("the current song deleted: the next one plays").containsExactly("C@0");

        add(song("D"));
        assertThat(positions()).containsExactly("C@0", "D@1");
    }

    @Test
    void deletingAnUpcomingItemLeavesTheCurrentOne() {
        int a = add(song("A"));
        add(song("B"));
        int c = add(song("C"));
        send("POST", QUEUE + "/" + a + "/play", null);

        send("DELETE", QUEUE + "/" + c, null);

        assertThat(positions()).containsExactly("A@0", "B@1");
    }

    @Test
    void deletingAnUnknownOrNonIntegerItemIs404() {
        add(song("A"));

        for (String id : List.of("999999", "0", "abc", "1e3")) {
            assertReply(send("DELETE", QUEUE + "/" + id, null), 404, ITEM_NOT_FOUND);
        }
        assertThat(positions()).containsExactly("A@1");
    }

    // ---- reorder --------------------------------------------------------------------------------

    @Test
    void aReorderWritesThePositionsAsGivenBehindTheCurrentSong() {
        int x = add(song("X"));
        send("POST", QUEUE + "/" + x + "/play", null);
        int a = add(song("A"));
        int b = add(song("B"));
        int c = add(song("C"));

        HttpResponse<String> response = send("PUT", QUEUE + "/reorder", "{\"queue\":[{\"id\":" + a + ",\"position\":3},"
                + "{\"id\":" + b + ",\"position\":1},{\"id\":" + c + ",\"position\":2}]}");

        assertReply(response, 200, "{\"success\":true}");
        assertThat(positions()).containsExactly("X@0", "B@1", "C@2", "A@3");
    }

    @Test
    void aReorderCannotMoveTheCurrentSongAndIgnoresUnknownIds() {
        int x = add(song("X"));
        send("POST", QUEUE + "/" + x + "/play", null);
        int a = add(song("A"));
        int b = add(song("B"));

        send("PUT", QUEUE + "/reorder", "{\"queue\":[{\"id\":" + x + ",\"position\":2},{\"id\":" + b + ",\"position\":0},"
                + "{\"id\":" + a + ",\"position\":1},{\"id\":424242,\"position\":0}]}");

        assertThat(positions()).containsExactly("X@0", "B@1", "A@2");
    }

    @Test
    void aReorderWithoutAQueueListOfIntegerIdsAndPositionsIs400MissingParameters() {
        int a = add(song("A"));
        add(song("B"));

        for (String body : List.of("{}", "{\"queue\":5}", "{\"queue\":{}}", "{\"queue\":[{\"id\":" + a + "}]}",
                "{\"queue\":[{\"id\":\"" + a + "\",\"position\":1}]}", "{\"queue\":[{\"id\":" + a + ",\"position\":1.5}]}",
                "{\"queue\":[5]}", "[]", "not json")) {
            assertReply(send("PUT", QUEUE + "/reorder", body), 400, MISSING_QUEUE);
        }
        assertReply(send("PUT", QUEUE + "/reorder", null), 400, MISSING_QUEUE);
        assertThat(positions()).containsExactly("A@1", "B@2");
    }

    // ---- paths and durability -------------------------------------------------------------------

    @Test
    void theCollectionPathWithATrailingSlashIs404() {
        String notFound = "{\"error\":\"Not Found\",\"code\":\"HTTP_404\",\"details\":{}}";
        String body = JSON.createObjectNode().put("songId", song("Slash").id()).put("singer", "Ann").toString();

        assertReply(send("GET", QUEUE + "/", null), 404, notFound);
        assertReply(send("POST", QUEUE + "/", body), 404, notFound);
        assertThat(list()).isEmpty();
    }

    @Test
    void idsSingersAndPositionsSurviveARestart() {
        int a = add(song("A"));
        add(song("B"), "Bea");
        send("POST", QUEUE + "/" + a + "/play", null);
        JsonNode before = list();

        server.restart();

        assertThat(list()).isEqualTo(before);
        assertThat(add(song("C"))).as("ids are not reused after a restart").isGreaterThan(before.get(1).get("id").asInt());
    }
}
