package app.chorus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.Chorus;
import app.chorus.config.ConfigLoader;
import app.chorus.library.Song;
import app.chorus.library.SongSort;
import app.chorus.testing.TestMedia;
import app.chorus.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chorus import}: a folder through a running server, and files straight into a data folder. */
class ImportCommandTest {
    @TempDir
    Path folder;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ImportCommand command = new ImportCommand(new PrintStream(printed, true, StandardCharsets.UTF_8));

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFolderIsImportedThroughARunningServerWithItsPairsAndAProgressBarPerSongAndFailuresCounted() throws Exception {
        Path music = Files.createDirectories(folder.resolve("music/album"));
        TestMedia.write(music.resolve("one.mp3"), TestMedia.Kind.MP3, 2.0, "title", "One", "artist", "Band");
        Files.write(music.resolve("ONE.cdg"), TestMedia.cdg(2.0));
        TestMedia.write(music.resolve("two.flac"), TestMedia.Kind.FLAC, 2.0, "title", "Two", "artist", "Band");
        Files.writeString(music.resolve("broken.mp3"), "not a song\n".repeat(20));
        Files.writeString(music.resolve("notes.txt"), "liner notes\n");
        Files.writeString(music.resolve(".hidden"), "skipped");
        try (TestServer server = TestServer.start("--ytdlp-path", folder.resolve("no-yt-dlp").toString())) {
            int exit = command.run(List.of("--server", "http://127.0.0.1:" + server.port(), folder.resolve("music").toString(),
                    "https://example.com/video"), Map.of());

            assertThat(exit).as(output()).isEqualTo(1);
            List<Song> songs = server.chorus().library().list(null, SongSort.TITLE, true, 10, 0).items();
            assertThat(songs).extracting(Song::title).containsExactly("One", "Two");
            assertThat(songs.getFirst().media().cdg()).as("the graphics came with their MP3").isNotNull();
            assertThat(songs).extracting(Song::source).containsOnly(app.chorus.library.SongSource.FOLDER);
            assertThat(output()).contains("one.mp3 [########################] 100%  completed")
                    .contains("two.flac [########################] 100%  completed")
                    .contains("broken.mp3 [").contains("failed: The file is not audio or video")
                    .contains("https://example.com/video: refused (503) URL import needs the yt-dlp program")
                    .doesNotContain("notes.txt").doesNotContain(".hidden")
                    .contains("2 file(s) not imported.");
        }
    }

    @Test
    void withoutAServerTheFilesGoStraightIntoTheDataFolder() throws Exception {
        Path song = TestMedia.write(folder.resolve("song.wav"), TestMedia.Kind.WAV, 2.0, "title", "Local", "artist", "Me");
        Path dataDir = folder.resolve("data");

        int exit = command.run(List.of("--data-dir", dataDir.toString(), song.toString()), Map.of());

        assertThat(exit).as(output()).isZero();
        assertThat(output()).contains("All imported.");
        try (Chorus chorus = Chorus.start(ConfigLoader.load(List.of("--data-dir", dataDir.toString(), "--port", "0",
                "--demo-song", "never"), Map.of()))) {
            assertThat(chorus.library().list(null, SongSort.TITLE, true, 10, 0).items())
                    .extracting(Song::title).containsExactly("Local");
        }
    }

    @Test
    void nothingToImportIsAUsageError() throws Exception {
        assertThat(command.run(List.of(folder.resolve("missing.mp3").toString()), Map.of())).isEqualTo(2);
        assertThat(output()).contains("no such file or folder").contains("Usage: chorus import");
    }
}
