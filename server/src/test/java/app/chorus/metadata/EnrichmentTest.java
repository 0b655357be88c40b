package app.chorus.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.pipeline.DemoSong;
import app.chorus.testing.TestMedia;
import app.chorus.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enrichment step in real imports, with iTunes, MusicBrainz, the Cover Art Archive and
 * LRCLIB served by a local stand-in in their real formats: the demo song and uploads end with
 * names, album, art and synced lyrics; with the services failing the import still succeeds,
 * partially, with notes; on demand it catches up; and the Open Karaoke Studio lookup routes.
 */
class EnrichmentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MetadataStandIn services;
    private static TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @BeforeAll
    static void start() throws Exception {
        services = new MetadataStandIn(MetadataStandIn.ADELE, MetadataStandIn.SKYFALL, MetadataStandIn.DEMO);
        List<String> arguments = new ArrayList<>(List.of(services.settings()));
        arguments.addAll(List.of("--demo-song", "first-run", "--enrichment", "true"));
        server = TestServer.start(arguments.toArray(String[]::new));
        // The demo song's import (and its lookups) ends before a test makes the services fail.
        await().atMost(Duration.ofSeconds(60)).until(() -> !server.chorus().jobs().list(null, true).isEmpty()
                && server.chorus().jobs().list(null, true).stream().allMatch(job -> job.status().isTerminal()));
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
    }

    private JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** Uploads a generated four-second MP3 and waits for its job; returns the ended job. */
    private JsonNode importFile(String filename, String... tags) throws Exception {
        Path file = TestMedia.write(folder.resolve("in-" + UUID.randomUUID() + ".mp3"), TestMedia.Kind.MP3, 4.0, tags);
        String boundary = "chorus-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename
                + "\"\r\nContent-Type: audio/mpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.http("/api/songs/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        String jobId = json(response, 202).get("jobs").get(0).get("id").asText();
        return server.awaitJobEnd(jobId);
    }

    private JsonNode song(String id) throws Exception {
        return json(server.get("/api/songs/" + id), 200);
    }

    @Test
    void theDemoSongEndsWithAlbumArtAndItsSyncedLyrics() throws Exception {
        JsonNode demo = await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode list = JSON.readTree(server.get("/api/songs?limit=50").body());
            for (JsonNode item : list) {
                if (item.get("title").asText().equals(DemoSong.TITLE) && item.get("mbid").isTextual()) {
                    return item;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        JsonNode song = song(demo.get("id").asText());
        assertThat(song.get("artist").asText()).isEqualTo(DemoSong.ARTIST);
        assertThat(song.get("album").asText()).as("its own tag wins over iTunes").isEqualTo("Chorus");
        assertThat(song.get("genre").asText()).isEqualTo("Demo");
        assertThat(song.get("year").asInt()).as("what the tags lacked").isEqualTo(2026);
        assertThat(song.get("syncedLyrics").asText()).contains("Welcome to Chorus");
        assertThat(song.get("mbid").asText()).isEqualTo("5f6a7b8c-3333-4c2d-9e3f-2a3b4c5d6e7f");
        assertThat(song.get("fieldSources").get("album").asText()).isEqualTo("tags");
        assertThat(song.get("fieldSources").get("year").asText()).isEqualTo("itunes");
        assertThat(song.get("fieldSources").get("syncedLyrics").asText()).isEqualTo("lyrics file");
        assertThat(song.get("fieldSources").get("cover").asText()).isEqualTo("itunes");
        assertThat(server.get("/api/songs/" + song.get("id").asText() + "/thumbnail").statusCode()).isEqualTo(200);
    }

    @Test
    void aTaggedUploadGetsAlbumArtAndSyncedLyricsRecordingWhereEachCameFrom() throws Exception {
        JsonNode job = importFile("track01.mp3", "title", "Someone Like You", "artist", "Adele");
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("status_message").asText()).isEqualTo("Processing complete");

        JsonNode song = song(job.get("song_id").asText());
        assertThat(song.get("title").asText()).isEqualTo("Someone Like You");
        assertThat(song.get("album").asText()).isEqualTo("21");
        assertThat(song.get("genre").asText()).isEqualTo("Pop");
        assertThat(song.get("year").asInt()).isEqualTo(2011);
        assertThat(song.get("syncedLyrics").asText()).startsWith("[00:00.50]I heard that you're settled down");
        assertThat(song.get("plainLyrics").asText()).contains("That you found a girl");
        assertThat(song.get("releaseId").asText()).isEqualTo(MetadataStandIn.ADELE.releaseId());
        JsonNode sources = song.get("fieldSources");
        assertThat(sources.get("title").asText()).isEqualTo("tags");
        assertThat(sources.get("album").asText()).isEqualTo("itunes");
        assertThat(sources.get("syncedLyrics").asText()).isEqualTo("lrclib");
        assertThat(sources.get("cover").asText()).isEqualTo("itunes");

        JsonNode lyrics = json(server.get("/api/songs/" + song.get("id").asText() + "/lyrics"), 200);
        assertThat(lyrics.get("synced").asBoolean()).isTrue();
        assertThat(lyrics.get("lines").get(1).get("startMs").asLong()).isEqualTo(2000);
    }

    @Test
    void aFileNameIsReadForArtistAndTitleWhenTheFileHasNoTags() throws Exception {
        JsonNode job = importFile("Adele - Someone Like You (Karaoke Version).mp3");
        JsonNode song = song(job.get("song_id").asText());
        assertThat(song.get("artist").asText()).isEqualTo("Adele");
        assertThat(song.get("title").asText()).isEqualTo("Someone Like You");
        assertThat(song.get("fieldSources").get("title").asText()).isEqualTo("itunes");
        assertThat(song.get("syncedLyrics").asText()).contains("I heard");
    }

    @Test
    void failingServicesLeaveAPartialButSuccessfulImportWithNotesAndEnrichLaterCatchesUp() throws Exception {
        services.failing = true;
        JsonNode job;
        try {
            job = importFile("skyfall.mp3", "title", "Skyfall", "artist", "Adele");
        } finally {
            services.failing = false;
        }
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("status_message").asText()).startsWith("Processing complete; ")
                .contains("iTunes: answered HTTP 503").contains("MusicBrainz").contains("LRCLIB");
        String songId = job.get("song_id").asText();
        JsonNode partial = song(songId);
        assertThat(partial.get("status").asText()).isIn("processed", "ready");
        assertThat(partial.get("album").isNull()).isTrue();
        assertThat(partial.get("syncedLyrics").isNull()).isTrue();

        JsonNode queued = json(server.post("/api/songs/" + songId + "/enrich", "{}"), 202);
        JsonNode enriched = server.awaitJobEnd(queued.get("data").get("jobId").asText());
        assertThat(enriched.get("status").asText()).isEqualTo("completed");
        assertThat(enriched.get("status_message").asText()).isEqualTo("Metadata and lyrics updated");
        JsonNode song = song(songId);
        assertThat(song.get("album").asText()).isEqualTo("Skyfall");
        assertThat(song.get("syncedLyrics").asText()).contains("This is the end");
        assertThat(json(server.post("/api/songs/" + UUID.randomUUID() + "/enrich", "{}"), 404).get("code").asText())
                .isEqualTo("RESOURCE_NOT_FOUND");
    }

    @Test
    void theOpenKaraokeStudioLookupRoutesAnswerInTheirShapes() throws Exception {
        JsonNode found = json(server.get("/api/metadata/search?title=" + URLEncoder.encode("Someone Like You", StandardCharsets.UTF_8)
                + "&artist=Adele&limit=3"), 200);
        assertThat(found.get("success").asBoolean()).isTrue();
        assertThat(found.get("count").asInt()).isEqualTo(1);
        JsonNode result = found.get("results").get(0);
        assertThat(result.get("metadataId").asText()).isEqualTo("9001");
        assertThat(result.get("album").asText()).isEqualTo("21");
        assertThat(result.get("releaseYear").asText()).isEqualTo("2011");
        assertThat(result.get("artworkUrl").asText()).endsWith("/600x600bb.jpg");
        assertThat(json(server.get("/api/metadata/search?album=21"), 400).get("code").asText()).isEqualTo("MISSING_PARAMETERS");
        assertThat(json(server.get("/api/metadata/search?title=x&limit=99"), 400).get("code").asText()).isEqualTo("INVALID_PARAMETERS");

        assertThat(json(server.get("/api/lyrics/search?track_name=Skyfall&artist_name=Adele"), 200).isArray()).isTrue();
        assertThat(json(server.get("/api/lyrics/search?track_name=Skyfall"), 400).get("code").asText()).isEqualTo("MISSING_PARAMETERS");

        JsonNode created = json(server.post("/api/songs", "{\"title\": \"someone like you\", \"artist\": \"adele\"}"), 201);
        assertThat(json(server.post("/api/songs/metadata/auto", """
                {"artist": "Adele", "title": "Someone Like You", "song_id": "%s"}""".formatted(created.get("id").asText())), 200)
                .get("success").asBoolean()).isTrue();
        assertThat(song(created.get("id").asText()).get("album").asText()).isEqualTo("21");
        assertThat(json(server.post("/api/songs/metadata/auto", """
                {"artist": "Adele", "title": "Someone Like You", "song_id": "%s"}""".formatted(UUID.randomUUID())), 404)
                .get("success").asBoolean()).isFalse();
        assertThat(json(server.post("/api/songs/metadata/auto", "{\"artist\": \"Adele\"}"), 400).get("error").asText())
                .contains("required");

        services.failing = true;
        try {
            JsonNode down = json(server.get("/api/metadata/search?title=Hello&artist=Adele"), 503);
            assertThat(down.get("code").asText()).isEqualTo("METADATA_UNAVAILABLE");
            assertThat(down.get("details").get("service").asText()).isEqualTo("iTunes");
        } finally {
            services.failing = false;
        }
    }
}
