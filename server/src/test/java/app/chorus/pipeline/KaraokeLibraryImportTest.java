package app.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.library.MediaKind;
import app.chorus.library.Song;
import app.chorus.library.SongSource;
import app.chorus.library.SongStatus;
import app.chorus.testing.TestMedia;
import app.chorus.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bringing in an existing karaoke library: MP3+CDG pairs (loose, or in a zip, with LRC lyrics)
 * uploaded together or read from a folder on the server become one song each whose graphics are
 * kept and served; graphics without audio, bad graphics and folders outside the allowed ones
 * are refused with reasons, leaving nothing behind.
 */
class KaraokeLibraryImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LYRICS = "[ar:Pair Band]\n[00:00.50]First line\n[00:01.50]Second line\n";
    private static Path libraryRoot;
    private static Path outside;
    private static TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @BeforeAll
    static void start() throws IOException {
        libraryRoot = Files.createTempDirectory("chorus-karaoke-library");
        outside = Files.createTempDirectory("chorus-not-shared");
        server = TestServer.start("--import-folders", libraryRoot.toString());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        app.chorus.files.Folders.delete(libraryRoot);
        app.chorus.files.Folders.delete(outside);
    }

    private HttpResponse<String> upload(Map<String, byte[]> files, String source) throws Exception {
        String boundary = "chorus-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        if (source != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\n" + source + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(server.http("/api/songs/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> importFolder(String path) {
        return server.post("/api/imports/folder", JSON.createObjectNode().put("path", path).toString());
    }

    private static byte[] mp3(Path folder, String title) throws IOException {
        return Files.readAllBytes(TestMedia.write(folder.resolve(UUID.randomUUID() + ".mp3"), TestMedia.Kind.MP3, 3.0,
                "title", title, "artist", "Pair Band"));
    }

    private static List<Path> staged() {
        return TestServer.filesUnder(server.dataDir().resolve("uploads"));
    }

    @Test
    void anMp3AndItsCdgUploadedTogetherBecomeOneSongWhoseGraphicsAreServedByRange() throws Exception {
        byte[] graphics = TestMedia.cdg(3.0);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Pair Band - Loose Pair.mp3", mp3(folder, "Loose Pair"));
        files.put("Pair Band - Loose Pair.CDG", graphics);
        HttpResponse<String> response = upload(files, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode jobs = JSON.readTree(response.body()).get("jobs");
        assertThat(jobs).as("the pair is one song, one job").hasSize(1);
        JsonNode job = server.awaitJobEnd(jobs.get(0).get("id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("completed");
        String songId = job.get("song_id").asText();

        JsonNode song = JSON.readTree(server.get("/api/songs/" + songId).body());
        assertThat(song.get("hasCdg").asBoolean()).isTrue();
        assertThat(song.get("cdgPath").asText()).isEqualTo("/api/songs/" + songId + "/cdg");
        assertThat(song.get("instrumentalPath").isNull()).isFalse();
        HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(server.http("/api/songs/" + songId + "/cdg")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(graphics);
        HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(server.http("/api/songs/" + songId + "/cdg"))
                .header("Range", "bytes=240-479").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(graphics, 240, 480));
        // As a browser asks: the file's own bytes, not a compressed body under their length.
        HttpResponse<byte[]> browser = http.send(HttpRequest.newBuilder(server.http("/api/songs/" + songId + "/cdg"))
                .header("Accept-Encoding", "gzip, deflate, br").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(browser.statusCode()).isEqualTo(200);
        assertThat(browser.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(browser.body()).isEqualTo(graphics);
        assertThat(staged()).as("no staged file stays behind").isEmpty();
    }

    @Test
    void aZipOfPairsWithLyricsIsOpenedAndEachPairImportedWithItsGraphicsAndLyrics() throws Exception {
        byte[] first = TestMedia.cdg(3.0);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            add(out, "Disc 1/Pair Band - Zipped One.mp3", mp3(folder, "Zipped One"));
            add(out, "Disc 1/Pair Band - Zipped One.cdg", first);
            add(out, "Disc 1/Pair Band - Zipped One.lrc", LYRICS.getBytes(StandardCharsets.UTF_8));
            add(out, "Disc 1/cover.jpg", TestMedia.png());
            add(out, "Disc 1/Lonely.cdg", TestMedia.cdg(1.0));
        }
        HttpResponse<String> response = upload(Map.of("disc.bin", zip.toByteArray()), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("jobs")).hasSize(1);
        assertThat(body.get("skipped").findValuesAsText("name"))
                .containsExactlyInAnyOrder("disc.bin!/Disc 1/cover.jpg", "disc.bin!/Disc 1/Lonely.cdg");
        assertThat(body.get("skipped").toString()).contains("without their audio");
        JsonNode job = server.awaitJobEnd(body.get("jobs").get(0).get("id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("completed");

        Song song = server.chorus().library().get(job.get("song_id").asText());
        assertThat(song.title()).isEqualTo("Zipped One");
        assertThat(song.syncedLyrics()).isEqualTo(LYRICS);
        assertThat(song.plainLyrics()).isEqualTo("First line\nSecond line");
        assertThat(Files.readAllBytes(server.chorus().library().media(song.id(), MediaKind.CDG).orElseThrow().path()))
                .isEqualTo(first);
        assertThat(song.provenance().sourceId()).isEqualTo("disc.bin!/Disc 1/Pair Band - Zipped One.mp3");
        assertThat(staged()).isEmpty();
    }

    @Test
    void graphicsThatAreNotCdgFailTheJobAndNoSongIsLeft() throws Exception {
        long before = server.songCount();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Broken.mp3", mp3(folder, "Broken"));
        files.put("Broken.cdg", new byte[24 * 300]);
        JsonNode job = server.awaitJobEnd(JSON.readTree(upload(files, null).body()).get("jobs").get(0).get("id").asText());

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText()).contains("CD+G").contains("[not_cdg]");
        assertThat(server.songCount()).isEqualTo(before);
        assertThat(staged()).isEmpty();
    }

    @Test
    void aFolderOnTheServerIsImportedWithItsPairsAndFilesThatAreNoSongsAreListedAsSkipped() throws Exception {
        Path disc = Files.createDirectories(libraryRoot.resolve("Karaoke Hits/Disc 2"));
        Files.write(disc.resolve("Pair Band - From Folder.mp3"), mp3(folder, "From Folder"));
        Files.write(disc.resolve("Pair Band - From Folder.cdg"), TestMedia.cdg(3.0));
        Files.write(disc.resolve("notes.txt"), "ripped 2004".getBytes(StandardCharsets.UTF_8));
        Files.write(disc.resolve(".hidden.mp3"), new byte[100]);

        HttpResponse<String> response = importFolder(libraryRoot.resolve("Karaoke Hits").toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("jobs")).hasSize(1);
        assertThat(body.get("skipped").findValuesAsText("name")).containsExactly("Karaoke Hits/Disc 2/notes.txt");
        JsonNode job = server.awaitJobEnd(body.get("jobs").get(0).get("id").asText());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("completed");
        Song song = server.chorus().library().get(job.get("song_id").asText());
        assertThat(song.source()).isEqualTo(SongSource.FOLDER);
        assertThat(song.status()).isEqualTo(SongStatus.READY);
        assertThat(song.media().cdg()).isEqualTo("cdg.cdg");
        assertThat(song.provenance().sourceId()).isEqualTo("Karaoke Hits/Disc 2/Pair Band - From Folder.mp3");
        assertThat(disc.resolve("Pair Band - From Folder.mp3")).as("the library's own files are left as they were").exists();
    }

    @Test
    void foldersOutsideTheAllowedOnesMissingOnesAndRelativePathsAreRefused() throws Exception {
        Files.write(outside.resolve("Secret.mp3"), mp3(folder, "Secret"));
        Path link = libraryRoot.resolve("sneaky-link");
        Files.createSymbolicLink(link, outside);
        try {
            for (String path : List.of(outside.toString(), libraryRoot.resolve("..").resolve(outside.getFileName()).toString(),
                    link.toString(), "/etc")) {
                HttpResponse<String> refused = importFolder(path);
                assertThat(refused.statusCode()).as(path).isEqualTo(403);
                assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("FOLDER_NOT_ALLOWED");
            }
        } finally {
            Files.delete(link);
        }
        HttpResponse<String> missing = importFolder(libraryRoot.resolve("nope").toString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("code").asText()).isEqualTo("FOLDER_NOT_FOUND");
        HttpResponse<String> relative = importFolder("music/karaoke");
        assertThat(relative.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(relative.body()).get("code").asText()).isEqualTo("INVALID_PATH");
        assertThat(staged()).isEmpty();
    }

    @Test
    void withoutImportFoldersFolderImportIsOff() throws IOException {
        Path uploads = Files.createTempDirectory("chorus-uploads");
        try {
            FolderImport off = new FolderImport(List.of(), new Uploads(uploads, 1024));
            assertThat(off.isEnabled()).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> off.scan(libraryRoot.toString()))
                    .isInstanceOfSatisfying(FolderImport.Refused.class, refused -> {
                        assertThat(refused.status()).isEqualTo(403);
                        assertThat(refused.code()).isEqualTo("FOLDER_IMPORT_DISABLED");
                    });
        } finally {
            app.chorus.files.Folders.delete(uploads);
        }
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

}
