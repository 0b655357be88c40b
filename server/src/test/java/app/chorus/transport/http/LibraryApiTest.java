package app.chorus.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.library.Library;
import app.chorus.library.MediaFormat;
import app.chorus.library.MediaKind;
import app.chorus.library.NewSong;
import app.chorus.library.Provenance;
import app.chorus.library.Song;
import app.chorus.library.SongSource;
import app.chorus.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /api/songs routes over real HTTP, in the shapes the Open Karaoke Studio front end reads. */
class LibraryApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OKS_LIST_KEYS = List.of("id", "title", "artist", "durationMs", "status", "dateAdded",
            "vocalPath", "instrumentalPath", "originalPath", "thumbnail", "videoId", "sourceUrl", "uploader", "uploaderId",
            "channel", "channelId", "channelName", "description", "uploadDate", "mbid", "metadataId", "album",
            "releaseTitle", "releaseId", "releaseDate", "year", "genre", "language", "plainLyrics", "syncedLyrics", "source");
    private static final List<String> OKS_DETAIL_EXTRA_KEYS = List.of("youtubeThumbnailUrls", "youtubeTags",
            "youtubeCategories", "youtubeChannelId", "youtubeChannelName", "youtubeRawMetadata", "itunesArtistId",
            "itunesCollectionId", "trackTimeMillis", "itunesExplicit", "itunesPreviewUrl");
    private static final List<String> CHORUS_KEYS = List.of("hasCdg", "cdgPath", "loudnessLufs", "editedFields", "updatedAt");

    private static TestServer server;
    private static Library library;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        library = server.chorus().library();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void emptyLibrary() {
        for (Song song : library.list(null, app.chorus.library.SongSort.DATE_ADDED, false, Library.MAX_PAGE, 0).items()) {
            library.delete(song.id());
        }
    }

    private static Song add(String title, String artist) {
        return library.create(new NewSong(title, artist, null, 200_000L, SongSource.UPLOAD, Provenance.NONE));
    }

    private HttpResponse<byte[]> request(String method, String path, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.http(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int index = 0; index < headers.length; index += 2) {
            builder.header(headers[index], headers[index + 1]);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> titles(JsonNode array) {
        List<String> titles = new ArrayList<>();
        array.forEach(song -> titles.add(song.get("title").textValue()));
        return titles;
    }

    @Test
    void theListIsABareArrayOfSongListItemsWithTheOriginalKeysAndChorusAdditions() throws IOException {
        Song song = add("Bohemian Rhapsody", "Queen");
        library.attachMedia(song.id(), MediaKind.INSTRUMENTAL, MediaFormat.OGG, new ByteArrayInputStream(new byte[10]));

        HttpResponse<byte[]> response = request("GET", "/api/songs", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = json(response);
        assertThat(list.isArray()).isTrue();
        JsonNode item = list.get(0);
        List<String> expected = new ArrayList<>(OKS_LIST_KEYS);
        expected.addAll(CHORUS_KEYS);
        assertThat(keys(item)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(item.get("id").textValue()).isEqualTo(song.id());
        assertThat(item.get("durationMs").intValue()).isEqualTo(200_000);
        assertThat(item.get("status").textValue()).isEqualTo("pending");
        assertThat(item.get("dateAdded").textValue()).isEqualTo(song.createdAt().toString());
        assertThat(item.get("instrumentalPath").textValue()).isEqualTo("/api/songs/" + song.id() + "/download/instrumental");
        assertThat(item.get("vocalPath").isNull()).isTrue();
        assertThat(item.get("thumbnail").isNull()).isTrue();
        assertThat(item.get("source").textValue()).isEqualTo("upload");
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("1");
    }

    @Test
    void aSongReadyToSingIsListedAsProcessedAsTheOriginalSaysIt() throws IOException {
        Song song = add("Ready", "Artist");
        library.setStatus(song.id(), app.chorus.library.SongStatus.READY);

        assertThat(json(request("GET", "/api/songs/" + song.id(), null)).get("status").textValue()).isEqualTo("processed");
        library.setStatus(song.id(), app.chorus.library.SongStatus.FAILED);
        assertThat(json(request("GET", "/api/songs", null)).get(0).get("status").textValue()).isEqualTo("failed");
    }

    @Test
    void searchSortAndPagesComeFromTheQueryParameters() throws IOException {
        add("Under Pressure", "Queen");
        add("Bohemian Rhapsody", "Queen");
        add("Grüße", "Die Ärzte");

        assertThat(titles(json(request("GET", "/api/songs?q=QUEEN&sort_by=title&direction=asc", null))))
                .containsExactly("Bohemian Rhapsody", "Under Pressure");
        assertThat(titles(json(request("GET", "/api/songs?q=grusse", null)))).containsExactly("Grüße");
        assertThat(titles(json(request("GET", "/api/songs?sort_by=title&direction=asc&limit=1&offset=1", null))))
                .containsExactly("Grüße");
        // The original turns an unknown sort into date_added (newest first by default).
        assertThat(titles(json(request("GET", "/api/songs?sort_by=colour", null))))
                .containsExactly("Grüße", "Bohemian Rhapsody", "Under Pressure");
    }

    @Test
    void aLimitThatIsNotANumberIsATypedError() throws IOException {
        HttpResponse<byte[]> response = request("GET", "/api/songs?limit=many", null);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.get("code").textValue()).isEqualTo("INVALID_PARAMETERS");
        assertThat(error.get("error").textValue()).contains("limit");
        assertThat(error.get("details").get("field").textValue()).isEqualTo("limit");
        assertThat(request("GET", "/api/songs?offset=-3", null).statusCode()).isEqualTo(400);
    }

    @Test
    void oneSongHasTheDetailShapeAndAnUnknownOneIs404() throws IOException {
        Song song = add("Title", "Artist");

        JsonNode detail = json(request("GET", "/api/songs/" + song.id(), null));
        List<String> expected = new ArrayList<>(OKS_LIST_KEYS);
        expected.removeAll(List.of("metadataId", "releaseTitle"));
        expected.addAll(OKS_DETAIL_EXTRA_KEYS);
        expected.addAll(CHORUS_KEYS);
        expected.add("fieldSources");
        assertThat(keys(detail)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(detail.get("fieldSources").isObject()).isTrue();
        OKS_DETAIL_EXTRA_KEYS.forEach(key -> assertThat(detail.get(key).isNull()).as(key).isTrue());

        HttpResponse<byte[]> missing = request("GET", "/api/songs/" + UUID.randomUUID(), null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("code").textValue()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(request("GET", "/api/songs/not-a-song-id", null).statusCode()).isEqualTo(404);
    }

    @Test
    void creatingASongAnswers201WithAPendingSong() throws IOException {
        HttpResponse<byte[]> response = request("POST", "/api/songs",
                "{\"title\":\" New Song \",\"artist\":\"New Artist\",\"video_id\":\"abc123\",\"videoTitle\":\"ignored\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode song = json(response);
        assertThat(UUID.fromString(song.get("id").textValue())).isNotNull();
        assertThat(song.get("title").textValue()).isEqualTo("New Song");
        assertThat(song.get("status").textValue()).isEqualTo("pending");
        assertThat(song.get("videoId").textValue()).isEqualTo("abc123");
        assertThat(library.find(song.get("id").textValue())).isPresent();

        HttpResponse<byte[]> invalid = request("POST", "/api/songs", "{\"title\":\"\",\"artist\":\"A\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("code").textValue()).isEqualTo("VALIDATION_ERROR");
        assertThat(json(invalid).get("details").get("field").textValue()).isEqualTo("title");
        assertThat(request("POST", "/api/songs", "[1,2]").statusCode()).isEqualTo(400);
        assertThat(request("POST", "/api/songs", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void patchChangesTheGivenFieldsMarksThemEditedAndRefusesBadValues() throws IOException {
        Song song = add("Title", "Artist");

        HttpResponse<byte[]> response = request("PATCH", "/api/songs/" + song.id(),
                "{\"title\":\"Better\",\"year\":1975,\"plainLyrics\":\"la la\",\"plainlyrics\":\"ignored key\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode patched = json(response);
        assertThat(patched.get("title").textValue()).isEqualTo("Better");
        assertThat(patched.get("year").intValue()).isEqualTo(1975);
        assertThat(patched.get("plainLyrics").textValue()).isEqualTo("la la");
        assertThat(patched.get("artist").textValue()).isEqualTo("Artist");
        assertThat(JSON.convertValue(patched.get("editedFields"), List.class)).containsExactly("title", "year", "plainLyrics");

        HttpResponse<byte[]> empty = request("PATCH", "/api/songs/" + song.id(), "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).get("code").textValue()).isEqualTo("MISSING_REQUEST_DATA");
        HttpResponse<byte[]> badYear = request("PATCH", "/api/songs/" + song.id(), "{\"year\":\"soon\"}");
        assertThat(badYear.statusCode()).isEqualTo(400);
        assertThat(json(badYear).get("details").get("field").textValue()).isEqualTo("year");
        assertThat(library.get(song.id()).year()).isEqualTo(1975);
        assertThat(request("PATCH", "/api/songs/" + UUID.randomUUID(), "{\"title\":\"x\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void deleteRemovesTheSongAndItsFiles() throws IOException {
        Song song = add("Title", "Artist");
        library.attachMedia(song.id(), MediaKind.ORIGINAL, MediaFormat.MP3, new ByteArrayInputStream(new byte[64]));
        Path folder = library.media(song.id(), MediaKind.ORIGINAL).orElseThrow().path().getParent();

        HttpResponse<byte[]> response = request("DELETE", "/api/songs/" + song.id(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("message").textValue()).isEqualTo("Song deleted successfully");
        assertThat(Files.exists(folder)).isFalse();
        assertThat(request("GET", "/api/songs/" + song.id(), null).statusCode()).isEqualTo(404);
        assertThat(request("DELETE", "/api/songs/" + song.id(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void artistsAndSongsByArtistArePagedAsTheOriginal() throws IOException {
        add("One", "Queen");
        add("Two", "Queen");
        add("Alone", "ABBA");

        JsonNode artists = json(request("GET", "/api/songs/artists?limit=1", null));
        assertThat(artists.get("artists").get(0).get("name").textValue()).isEqualTo("ABBA");
        assertThat(artists.get("artists").get(0).get("songCount").intValue()).isEqualTo(1);
        assertThat(artists.get("artists").get(0).get("firstLetter").textValue()).isEqualTo("A");
        assertThat(artists.get("pagination").get("total").intValue()).isEqualTo(2);
        assertThat(artists.get("pagination").get("hasMore").booleanValue()).isTrue();

        JsonNode queen = json(request("GET", "/api/songs/by-artist/Queen?sort=title&direction=desc", null));
        assertThat(queen.get("artist").textValue()).isEqualTo("Queen");
        assertThat(titles(queen.get("songs"))).containsExactly("Two", "One");
        assertThat(queen.get("pagination").get("total").intValue()).isEqualTo(2);
        assertThat(queen.get("songs").get(0).has("itunesPreviewUrl")).isTrue();
    }

    @Test
    void aTrackIsStreamedWholeOrByRangeWithExactlyTheAskedBytes() throws IOException {
        Song song = add("Title", "Artist");
        byte[] audio = new byte[1000];
        for (int index = 0; index < audio.length; index++) {
            audio[index] = (byte) (index * 7);
        }
        library.attachMedia(song.id(), MediaKind.ORIGINAL, MediaFormat.MP3, new ByteArrayInputStream(audio));
        String path = "/api/songs/" + song.id() + "/download/original";

        HttpResponse<byte[]> whole = request("GET", path, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(audio);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");

        HttpResponse<byte[]> middle = request("GET", path, null, "Range", "bytes=100-149");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(java.util.Arrays.copyOfRange(audio, 100, 150));
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 100-149/1000");
        assertThat(middle.headers().firstValue("Content-Length")).hasValue("50");

        HttpResponse<byte[]> tail = request("GET", path, null, "Range", "bytes=-10");
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(audio, 990, 1000));
        HttpResponse<byte[]> open = request("GET", path, null, "Range", "bytes=995-");
        assertThat(open.body()).isEqualTo(java.util.Arrays.copyOfRange(audio, 995, 1000));
        assertThat(open.headers().firstValue("Content-Range")).hasValue("bytes 995-999/1000");

        HttpResponse<byte[]> past = request("GET", path, null, "Range", "bytes=1000-");
        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(past.headers().firstValue("Content-Range")).hasValue("bytes */1000");
        // Several ranges are not served: the whole file comes back, as the RFC allows.
        assertThat(request("GET", path, null, "Range", "bytes=0-1,5-6").statusCode()).isEqualTo(200);
    }

    @Test
    void badTrackNamesMissingTracksAndMissingCoversAreTypedErrors() throws IOException {
        Song song = add("Title", "Artist");

        HttpResponse<byte[]> badTrack = request("GET", "/api/songs/" + song.id() + "/download/karaoke", null);
        assertThat(badTrack.statusCode()).isEqualTo(400);
        assertThat(json(badTrack).get("code").textValue()).isEqualTo("INVALID_TRACK_TYPE");
        HttpResponse<byte[]> noVocals = request("GET", "/api/songs/" + song.id() + "/download/vocals", null);
        assertThat(noVocals.statusCode()).isEqualTo(404);
        assertThat(json(noVocals).get("error").textValue()).contains("vocals");
        assertThat(request("GET", "/api/songs/" + song.id() + "/thumbnail", null).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> noWaveform = request("GET", "/api/songs/" + song.id() + "/waveform", null);
        assertThat(noWaveform.statusCode()).isEqualTo(404);
        assertThat(json(noWaveform).get("error").textValue()).contains("no waveform");
    }

    @Test
    void aStoredWaveformIsServedInTheColumnsAskedForKeepingEachSlicesPeak() throws IOException {
        Song song = add("Title", "Artist");
        float[] peaks = new float[400];
        peaks[123] = 0.9f;
        java.util.Arrays.fill(peaks, 300, 400, 0.5f);
        library.setWaveform(song.id(), peaks);

        JsonNode ten = json(request("GET", "/api/songs/" + song.id() + "/waveform?columns=10", null));
        assertThat(ten.get("columns").intValue()).isEqualTo(10);
        assertThat(ten.get("peaks").get(3).floatValue()).as("the slice holding the 0.9 peak").isEqualTo(0.9f);
        assertThat(ten.get("peaks").get(0).floatValue()).isZero();
        assertThat(ten.get("peaks").get(9).floatValue()).isEqualTo(0.5f);
        assertThat(json(request("GET", "/api/songs/" + song.id() + "/waveform?columns=5000", null)).get("columns").intValue())
                .as("never more columns than stored").isEqualTo(400);
        assertThat(request("GET", "/api/songs/" + song.id() + "/waveform?columns=x", null).statusCode()).isEqualTo(400);
    }

    @Test
    void theCoverIsServedAsAnImageAndNamedInTheListItem() throws IOException {
        Song song = add("Title", "Artist");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        library.attachMedia(song.id(), MediaKind.COVER, MediaFormat.PNG, new ByteArrayInputStream(png));

        HttpResponse<byte[]> cover = request("GET", "/api/songs/" + song.id() + "/thumbnail", null);

        assertThat(cover.statusCode()).isEqualTo(200);
        assertThat(cover.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(cover.body()).isEqualTo(png);
        assertThat(json(request("GET", "/api/songs", null)).get(0).get("thumbnail").textValue())
                .isEqualTo(song.id() + "/cover.png");
    }
}
