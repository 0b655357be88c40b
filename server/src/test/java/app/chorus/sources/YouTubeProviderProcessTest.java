package app.chorus.sources;

import static app.chorus.sources.YtDlpStandIn.EXPIRES;
import static app.chorus.sources.YtDlpStandIn.JSON;
import static app.chorus.sources.YtDlpStandIn.PROGRESSIVE_VIDEO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.chorus.sources.spi.Availability;
import app.chorus.sources.spi.SearchResult;
import app.chorus.sources.spi.SourceEntry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The yt-dlp processes the YouTube provider runs: killed when the caller is interrupted or the
 * time limit passes, bounded in number, and missed gracefully when the program is not installed.
 * yt-dlp is the {@link YtDlpStandIn}, which can hang or wait at a gate.
 */
class YouTubeProviderProcessTest {
    @TempDir
    Path folder;
    private Path script;

    @BeforeEach
    void writeStandIn() throws IOException, URISyntaxException {
        script = YtDlpStandIn.write(folder);
    }

    @AfterEach
    void endStragglers() throws IOException {
        YtDlpStandIn.endStragglers(folder);
    }

    @Test
    void interruptingTheCallerKillsYtDlpAtOnce() throws Exception {
        YouTubeProvider provider = provider(settings(4, Duration.ofSeconds(20)));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                provider.search("hang");
            } catch (Throwable failure) {
                thrown.set(failure);
            }
        });
        long pid = YtDlpStandIn.awaitHangingPid(folder);

        long interruptedAt = System.nanoTime();
        caller.interrupt();

        assertThat(caller.join(Duration.ofSeconds(5))).as("the call ended").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt)).isLessThan(Duration.ofSeconds(3));
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        await().atMost(Duration.ofSeconds(2)).until(() -> ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true));
    }

    @Test
    void aRunPastTheTimeLimitIsKilledAndFails() throws Exception {
        YouTubeProvider provider = provider(settings(4, Duration.ofSeconds(1)));
        long started = System.nanoTime();

        assertThatThrownBy(() -> provider.videoUrl(entry("hangforever")))
                .isInstanceOf(IOException.class)
                .hasMessage("yt-dlp took longer than 1000 ms and was stopped");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        long pid = YtDlpStandIn.awaitHangingPid(folder);
        await().atMost(Duration.ofSeconds(2)).until(() -> ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true));
    }

    @Test
    void aMissingProgramMakesTheProviderUnavailableAndItsCallsFail() {
        String missing = folder.resolve("no-such-yt-dlp").toString();
        YouTubeProvider provider = provider(new YouTubeProvider.Settings(missing, 10, true, 4, Duration.ofSeconds(20), 720));
        String reason = "yt-dlp was not found (" + missing + "); install it or set ytdlp-path";

        assertThat(provider.availability()).isEqualTo(Availability.unavailable(reason));
        assertThatThrownBy(() -> provider.search("adele")).isInstanceOf(IOException.class).hasMessage(reason);
        assertThatThrownBy(() -> provider.videoUrl(entry(PROGRESSIVE_VIDEO))).isInstanceOf(IOException.class)
                .hasMessage(reason);
        assertThat(provider(settings(4, Duration.ofSeconds(20))).availability()).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void withOnePermitTheSecondCallWaitsUntilTheFirstProcessEnds() throws Exception {
        List<List<SourceEntry>> results = runTwoGatedSearches(1);

        assertThat(folder.resolve("overlaps")).as("no run started while another was running").doesNotExist();
        assertThat(Files.readAllLines(folder.resolve("started"))).hasSize(2);
        assertThat(results).allSatisfy(entries -> assertThat(entries).hasSize(4));
    }

    @Test
    void withTwoPermitsTwoProcessesRunAtOnce() throws Exception {
        List<List<SourceEntry>> results = runTwoGatedSearches(2);

        assertThat(folder.resolve("overlaps")).as("the stand-in sees runs that overlap").exists();
        assertThat(results).allSatisfy(entries -> assertThat(entries).hasSize(4));
    }

    /**
     * Starts two searches against the gated stand-in, checks that exactly {@code maxConcurrent}
     * runs get past the semaphore and stay the only ones while the gate is closed, then opens it.
     */
    private List<List<SourceEntry>> runTwoGatedSearches(int maxConcurrent) throws Exception {
        Files.writeString(folder.resolve("gated"), "");
        YouTubeProvider provider = provider(settings(maxConcurrent, Duration.ofSeconds(20)));
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<SearchResult> first = callers.submit(() -> provider.search("adele"));
            Future<SearchResult> second = callers.submit(() -> provider.search("queen"));
            await().atMost(Duration.ofSeconds(5)).until(() -> YtDlpStandIn.startedRuns(folder) >= maxConcurrent);
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                    .until(() -> YtDlpStandIn.startedRuns(folder) == maxConcurrent);

            Files.writeString(folder.resolve("release"), "");

            return List.of(first.get(10, TimeUnit.SECONDS).entries(), second.get(10, TimeUnit.SECONDS).entries());
        } finally {
            callers.shutdownNow();
        }
    }

    private YouTubeProvider.Settings settings(int maxConcurrent, Duration processTimeout) {
        return new YouTubeProvider.Settings(script.toString(), 10, true, maxConcurrent, processTimeout, 720);
    }

    private static YouTubeProvider provider(YouTubeProvider.Settings settings) {
        return new YouTubeProvider(settings, ProcessBuilder::start, InstantSource.fixed(EXPIRES), JSON);
    }

    private static SourceEntry entry(String videoId) {
        return SourceEntry.builder(YouTubeProvider.ID, videoId).title("A song").artist("A singer").build();
    }
}
