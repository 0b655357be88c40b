package app.chorus.sources;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.sources.spi.VideoUrl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The choice among yt-dlp's formats in the cases the recorded videos do not show. */
class YouTubeFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anMp4IsPreferredToATallerOrRicherWebmAndDrmIsNeverChosen() throws Exception {
        JsonNode formats = JSON.readTree("""
                [{"format_id": "43", "ext": "webm", "protocol": "https", "vcodec": "vp8.0", "acodec": "vorbis",
                  "height": 480, "tbr": 900.0, "url": "https://media.example/webm"},
                 {"format_id": "18", "ext": "mp4", "protocol": "https", "vcodec": "avc1.42001E", "acodec": "mp4a.40.2",
                  "height": 360, "tbr": 400.0, "url": "https://media.example/mp4"},
                 {"format_id": "drm", "ext": "mp4", "protocol": "https", "vcodec": "avc1.64001F", "acodec": "mp4a.40.2",
                  "height": 720, "tbr": 2000.0, "has_drm": true, "url": "https://media.example/locked"},
                 {"format_id": "no-url", "ext": "mp4", "protocol": "https", "vcodec": "avc1.64001F", "acodec": "mp4a.40.2",
                  "height": 720, "tbr": 2000.0}]
                """);

        assertThat(YouTubeFormats.playableUrl(formats, 1080)).contains("https://media.example/mp4");
    }

    @Test
    void nothingPlayableWhenThereAreNoFormats() throws Exception {
        assertThat(YouTubeFormats.playableUrl(JSON.readTree("[]"), 720)).isEmpty();
        assertThat(YouTubeFormats.playableUrl(JSON.missingNode(), 720)).isEmpty();
    }

    @Test
    void aUrlWithoutExpiryIsCachedForChorussDefaultTime() {
        VideoUrl resolved = YouTubeFormats.lifetime("https://media.example/song.mp4", Instant.ofEpochSecond(1_000));

        assertThat(resolved).isEqualTo(VideoUrl.of("https://media.example/song.mp4"));
    }

    @Test
    void theExpiryIsReadOnlyFromItsOwnQueryParameter() {
        Instant now = Instant.ofEpochSecond(1_000);

        assertThat(YouTubeFormats.lifetime("https://media.example/v?x=1&expire=4600&y=2", now).ttl())
                .isEqualTo(Duration.ofSeconds(3600).minus(YouTubeFormats.SAFETY_MARGIN));
        assertThat(YouTubeFormats.lifetime("https://media.example/v?noexpire=4600", now))
                .isEqualTo(VideoUrl.of("https://media.example/v?noexpire=4600"));
    }
}
