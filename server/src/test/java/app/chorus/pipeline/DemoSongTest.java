package app.chorus.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.jobs.JobStatus;
import app.chorus.library.MediaKind;
import app.chorus.library.Song;
import app.chorus.library.SongSort;
import app.chorus.library.SongStatus;
import app.chorus.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo song: imported on a new install's first start, not again, and on --demo when missing. */
class DemoSongTest {

    private static List<Song> songs(TestServer server) {
        return server.chorus().library().list(null, SongSort.DATE_ADDED, false, 50, 0).items();
    }

    private static void awaitJobsDone(TestServer server) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !server.chorus().jobs().list(null, true).isEmpty()
                && server.chorus().jobs().list(null, true).stream().allMatch(job -> job.status().isTerminal()));
    }

    @Test
    void aNewInstallGetsTheDemoSongOnceWithStemsAndSyncedLyrics() {
        try (TestServer server = TestServer.start("--demo-song", "first-run")) {
            awaitJobsDone(server);

            assertThat(server.chorus().jobs().list(null, true)).singleElement()
                    .satisfies(job -> assertThat(job.status()).as(job.toString()).isEqualTo(JobStatus.COMPLETED));
            Song demo = songs(server).getFirst();
            assertThat(demo.title()).isEqualTo(DemoSong.TITLE);
            assertThat(demo.artist()).isEqualTo(DemoSong.ARTIST);
            assertThat(demo.status()).isEqualTo(SongStatus.READY);
            assertThat(demo.durationMs()).isBetween(47_500L, 48_500L);
            assertThat(demo.syncedLyrics()).startsWith("[ti:Chorus Demo]").contains("[00:00.00]Welcome to Chorus")
                    .containsPattern("\\[00:0[2-3]\\.\\d\\d\\]Pick up a phone");
            assertThat(demo.plainLyrics()).startsWith("Welcome to Chorus").doesNotContain("[");
            assertThat(server.chorus().library().media(demo.id(), MediaKind.INSTRUMENTAL)).isPresent();
            assertThat(server.chorus().library().media(demo.id(), MediaKind.VOCALS)).isPresent();

            server.chorus().library().delete(demo.id());
            server.restart();
            assertThat(server.chorus().jobs().list(null, true)).as("not a new install any more").hasSize(1);
            assertThat(songs(server)).isEmpty();
        }
    }

    @Test
    void demoAddsItWhenTheLibraryDoesNotHaveItButNeverTwice() {
        try (TestServer server = TestServer.start("--demo")) {
            awaitJobsDone(server);
            assertThat(songs(server)).extracting(Song::title).containsExactly(DemoSong.TITLE);

            server.restart();
            assertThat(server.chorus().jobs().list(null, true)).hasSize(1);
            assertThat(songs(server)).hasSize(1);
        }
    }
}
