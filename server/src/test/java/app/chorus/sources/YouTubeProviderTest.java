package app.chorus.sources;

import static app.chorus.sources.YtDlpStandIn.EXPIRES;
import static app.chorus.sources.YtDlpStandIn.JSON;
import static app.chorus.sources.YtDlpStandIn.LIVE_VIDEO;
import static app.chorus.sources.YtDlpStandIn.PROGRESSIVE_VIDEO;
import static app.chorus.sources.YtDlpStandIn.VIDEO_WITHOUT_PROGRESSIVE;
import static app.chorus.sources.YtDlpStandIn.fixture;
import static app.chorus.sources.YtDlpStandIn.formatUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.sources.spi.SearchResult;
import app.chorus.sources.spi.SourceEntry;
import app.chorus.sources.spi.VideoUrl;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the YouTube provider makes of yt-dlp's answers: search listings mapped to entries, the
 * playable URL chosen among a video's formats and its lifetime, and yt-dlp's failures. yt-dlp is
 * the {@link YtDlpStandIn}, printing recorded output.
 */
class YouTubeProviderTest {
    @TempDir
    Path folder;
    private Path script;
    private final InstantSource sixHoursBeforeExpiry = InstantSource.fixed(EXPIRES.minus(Duration.ofHours(6)));

    @BeforeEach
    void writeStandIn() throws IOException, URISyntaxException {
        script = YtDlpStandIn.write(folder);
    }

    @AfterEach
    void endStragglers() throws IOException {
        YtDlpStandIn.endStragglers(folder);
    }

    @Test
    void aSearchListsTheVideosAndLeavesOutChannelsPlaylistsStreamsAndUntitledEntries() throws Exception {
        SearchResult result = provider(settings()).search("adele");

        assertThat(result.cacheFor()).as("Chorus's default cache time").isNull();
        assertThat(result.entries()).extracting(SourceEntry::id)
                .containsExactly(PROGRESSIVE_VIDEO, VIDEO_WITHOUT_PROGRESSIVE, "bNq0v8Zc4Ys", "d4Nc1ngQu3n");
        JsonNode listed = fixture("search-karaoke.json").get("entries");

        SourceEntry adele = result.entries().get(0);
        assertThat(adele.source()).isEqualTo("youtube");
        assertThat(adele.key()).isEqualTo("youtube:" + PROGRESSIVE_VIDEO);
        assertThat(adele.title()).isEqualTo("Someone Like You");
        assertThat(adele.artist()).isEqualTo("Adele");
        assertThat(adele.uploader()).isEqualTo("Sing King");
        assertThat(adele.duration()).isEqualTo(285.0);
        assertThat(adele.thumbnailUrl()).as("the widest picture")
                .isEqualTo(listed.get(0).get("thumbnails").get(1).get("url").asText()).contains("hq720.jpg");
        assertThat(adele.pageUrl()).isEqualTo("https://www.youtube.com/watch?v=" + PROGRESSIVE_VIDEO);
        assertThat(adele.videoUrl()).as("resolved only when played").isNull();
        assertThat(adele.album()).isNull();

        SourceEntry queen = result.entries().get(1);
        assertThat(queen.title()).isEqualTo("Bohemian Rhapsody");
        assertThat(queen.artist()).as("KaraFun titles put the song first").isEqualTo("Queen");
        assertThat(queen.uploader()).isEqualTo("KaraFun Karaoke");
        assertThat(queen.duration()).isEqualTo(364.0);

        SourceEntry journey = result.entries().get(2);
        assertThat(journey.title()).isEqualTo("Don't Stop Believin'");
        assertThat(journey.artist()).as("the VEVO channel names the artist").isEqualTo("Journey");
        assertThat(journey.uploader()).isEqualTo("JourneyVEVO");
        assertThat(journey.duration()).as("the listing did not say").isNull();
        assertThat(journey.thumbnailUrl()).isEqualTo("https://i.ytimg.com/vi/bNq0v8Zc4Ys/hqdefault.jpg");

        SourceEntry abba = result.entries().get(3);
        assertThat(abba.title()).isEqualTo("Dancing Queen");
        assertThat(abba.artist()).as("the Topic channel names the artist").isEqualTo("ABBA");
        assertThat(abba.uploader()).isEqualTo("ABBA - Topic");
        assertThat(abba.duration()).isEqualTo(231.0);
        assertThat(abba.thumbnailUrl()).as("the widest, though not the last listed")
                .isEqualTo(listed.get(6).get("thumbnails").get(1).get("url").asText());
    }

    @Test
    void theKaraokeBiasAddsTheWordToTheSearch() throws Exception {
        provider(settings()).search("adele someone like you");

        assertThat(lastArguments()).containsExactly("--flat-playlist", "--dump-single-json", "--no-warnings",
                "--socket-timeout", "15", "--", "ytsearch10:adele someone like you karaoke");
    }

    @Test
    void aSearchThatSaysKaraokeAlreadyIsNotBiasedTwice() throws Exception {
        provider(settings()).search("Adele KARAOKE version");

        assertThat(lastArguments().getLast()).isEqualTo("ytsearch10:Adele KARAOKE version");
    }

    @Test
    void withoutTheBiasTheSearchIsSentAsTypedAndAnOptionLikeQueryStaysText() throws Exception {
        YouTubeProvider provider = provider(new YouTubeProvider.Settings(script.toString(), 5, false, 4,
                Duration.ofSeconds(20), 720));

        provider.search("adele");
        assertThat(lastArguments().getLast()).isEqualTo("ytsearch5:adele");

        provider.search("--exec rm");
        assertThat(lastArguments()).endsWith("--", "ytsearch5:--exec rm").doesNotContain("--exec");
    }

    @Test
    void theVideoUrlIsTheProgressiveMp4OverHttpsWithinTheMaximumHeight() throws Exception {
        JsonNode video = fixture("video-progressive.json");

        Optional<VideoUrl> upTo720 = provider(settings()).videoUrl(entry(PROGRESSIVE_VIDEO));
        assertThat(lastArguments()).containsExactly("--dump-single-json", "--no-playlist", "--no-warnings",
                "--socket-timeout", "15", "--", "https://www.youtube.com/watch?v=" + PROGRESSIVE_VIDEO);
        assertThat(upTo720).map(VideoUrl::url).as("22 (720p mp4), not HLS 95 (720p, higher bitrate)")
                .contains(formatUrl(video, "22"));

        Optional<VideoUrl> upTo480 = provider(settingsWithMaxHeight(480)).videoUrl(entry(PROGRESSIVE_VIDEO));
        assertThat(upTo480).map(VideoUrl::url).as("18 (360p mp4)").contains(formatUrl(video, "18"));
    }

    @Test
    void withoutAProgressiveFileTheBestM4aAudioPlays() throws Exception {
        Optional<VideoUrl> resolved = provider(settings()).videoUrl(entry(VIDEO_WITHOUT_PROGRESSIVE));

        assertThat(resolved).map(VideoUrl::url).as("140 (m4a), before the higher-bitrate opus 251")
                .contains(formatUrl(fixture("video-audio-only.json"), "140"));
    }

    @Test
    void aLiveStreamOfferingOnlyHlsHasNoPlayableUrl() throws Exception {
        assertThat(provider(settings()).videoUrl(entry(LIVE_VIDEO))).isEmpty();
    }

    @Test
    void theUrlIsCachedUntilFiveMinutesBeforeItExpires() throws Exception {
        VideoUrl resolved = provider(settings()).videoUrl(entry(PROGRESSIVE_VIDEO)).orElseThrow();

        assertThat(resolved.cacheable()).isTrue();
        assertThat(resolved.ttl()).isEqualTo(Duration.ofHours(6).minusMinutes(5));
    }

    @Test
    void aUrlAboutToExpireIsNotCached() throws Exception {
        YouTubeProvider provider = new YouTubeProvider(settings(), ProcessBuilder::start,
                InstantSource.fixed(EXPIRES.minus(Duration.ofMinutes(2))), JSON);

        VideoUrl resolved = provider.videoUrl(entry(PROGRESSIVE_VIDEO)).orElseThrow();

        assertThat(resolved.cacheable()).isFalse();
        assertThat(resolved.ttl()).isNull();
        assertThat(resolved.url()).isEqualTo(formatUrl(fixture("video-progressive.json"), "22"));
    }

    @Test
    void anIdThatIsNotAVideoIdIsNotLookedUp() throws Exception {
        YouTubeProvider provider = provider(settings());

        assertThat(provider.videoUrl(entry("../../etc/pa"))).isEmpty();
        assertThat(provider.videoUrl(entry("Kp9cWJ4mT2sX"))).isEmpty();
        assertThat(folder.resolve("last-arguments")).as("yt-dlp never ran").doesNotExist();
    }

    @Test
    void ytDlpsErrorLineBecomesTheFailure() {
        assertThatThrownBy(() -> provider(settings()).videoUrl(entry("unavailable")))
                .isInstanceOf(IOException.class)
                .hasMessage("[youtube] unavailable: Video unavailable");
    }

    @Test
    void outputThatIsNotJsonIsAClearFailure() {
        assertThatThrownBy(() -> provider(settings()).search("broken"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("yt-dlp's output is not valid JSON");
    }

    private YouTubeProvider.Settings settings() {
        return settingsWithMaxHeight(720);
    }

    private YouTubeProvider.Settings settingsWithMaxHeight(int maxHeight) {
        return new YouTubeProvider.Settings(script.toString(), 10, true, 4, Duration.ofSeconds(20), maxHeight);
    }

    private YouTubeProvider provider(YouTubeProvider.Settings settings) {
        return new YouTubeProvider(settings, ProcessBuilder::start, sixHoursBeforeExpiry, JSON);
    }

    private static SourceEntry entry(String videoId) {
        return SourceEntry.builder(YouTubeProvider.ID, videoId).title("A song").artist("A singer").build();
    }

    private List<String> lastArguments() throws IOException {
        return YtDlpStandIn.lastArguments(folder);
    }
}
