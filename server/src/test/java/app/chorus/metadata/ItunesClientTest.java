package app.chorus.metadata;

import static app.chorus.metadata.StubApi.fixture;
import static app.chorus.metadata.StubApi.json;
import static app.chorus.metadata.StubApi.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.metadata.MetadataUnavailable.Reason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ItunesClientTest {
    private final StubApi api = new StubApi();
    private final ItunesClient itunes = new ItunesClient(
            new HttpJson("iTunes", HttpJsonTest.settings(Duration.ofSeconds(2), 2, Duration.ofMillis(20))), api.base());

    @AfterEach
    void stop() {
        itunes.close();
        api.close();
    }

    @Test
    void songsAreMappedFromASearchAndOtherKindsAreSkipped() throws Exception {
        api.on("/search", fixture("itunes-search.json"));

        List<ItunesTrack> tracks = itunes.search("The Lantern Parade Paper Boats", 5);

        assertThat(tracks).extracting(ItunesTrack::trackId).containsExactly(1577014430L, 1402233010L);
        assertThat(tracks.getFirst()).isEqualTo(new ItunesTrack(1577014430L, "Paper Boats", "The Lantern Parade",
                "Harbour Lights (Deluxe Edition)", 214853L, "2021-07-16T12:00:00Z", "Alternative", 3, 1,
                "https://is3-ssl.mzstatic.com/image/thumb/Music211/v4/5e/6f/70/5e6f7081-92a3-b4c5-d6e7-f8091a2b3c4d/21UMGIM61234.rgb.jpg/600x600bb.jpg",
                "https://audio-ssl.itunes.apple.com/itunes-assets/AudioPreview211/v4/0a/1b/2c/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d/mzaf_8123456789012345678.plus.aac.p.m4a",
                true, 1440861234L, 1577014421L, "USA", 1.29));
        ItunesTrack acoustic = tracks.get(1);
        assertThat(acoustic.explicit()).as("a 'cleaned' track is not explicit").isFalse();
        assertThat(acoustic.price()).isEqualTo(-1.0);
        assertThat(acoustic.artworkUrl()).endsWith("/source/600x600bb.jpg");
    }

    @Test
    void theSearchAsksForSongsWithTheTermEncodedAndTheUserAgent() throws Exception {
        api.on("/search", fixture("itunes-search.json"));

        itunes.search("  Beyoncé & Jay-Z  ", 500);

        StubApi.Received request = api.received().getFirst();
        assertThat(request.rawQuery()).isEqualTo("term=Beyonc%C3%A9%20%26%20Jay-Z&media=music&entity=song&limit=200");
        assertThat(request.userAgent()).isEqualTo(HttpJsonTest.USER_AGENT);
    }

    @Test
    void notFoundAndABlankTermGiveNoTracks() throws Exception {
        api.on("/search", status(404));

        assertThat(itunes.search("nothing like this", 5)).isEmpty();
        assertThat(itunes.search("   ", 5)).isEmpty();
        assertThat(api.received()).hasSize(1);
    }

    @Test
    void anAnswerWithoutResultsIsMalformed() {
        api.on("/search", json(200, "{\"errorMessage\":\"Invalid value(s) for key(s): [mediaType]\"}"));

        assertThatThrownBy(() -> itunes.search("Paper Boats", 5))
                .isInstanceOfSatisfying(MetadataUnavailable.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.MALFORMED);
                    assertThat(failure.getMessage()).startsWith("iTunes:");
                });
    }

    @Test
    void artworkUrlsAskForTheLargeRenditionAndOthersAreKept() {
        assertThat(ItunesClient.largeArtwork("https://is1-ssl.mzstatic.com/image/thumb/Music/v4/ab/cd/source/100x100bb.jpg"))
                .isEqualTo("https://is1-ssl.mzstatic.com/image/thumb/Music/v4/ab/cd/source/600x600bb.jpg");
        assertThat(ItunesClient.largeArtwork("https://is1-ssl.mzstatic.com/image/thumb/Music/v4/ab/cd/x.png/60x60bb.png"))
                .isEqualTo("https://is1-ssl.mzstatic.com/image/thumb/Music/v4/ab/cd/x.png/600x600bb.jpg");
        assertThat(ItunesClient.largeArtwork("https://example.org/cover.jpg")).isEqualTo("https://example.org/cover.jpg");
        assertThat(ItunesClient.largeArtwork(null)).isNull();
    }
}
