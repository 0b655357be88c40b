package app.chorus.metadata;

import static app.chorus.metadata.StubApi.fixture;
import static app.chorus.metadata.StubApi.json;
import static app.chorus.metadata.StubApi.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MusicBrainzClientTest {
    private static final String RELEASE = "aa11bb22-cc33-4d44-8e55-ff6677889900";
    private static final Duration INTERVAL = Duration.ofMillis(200);

    private final StubApi api = new StubApi();
    private final MusicBrainzClient musicBrainz = client(Duration.ZERO);

    private MusicBrainzClient client(Duration interval) {
        MetadataSettings settings = HttpJsonTest.settings(Duration.ofSeconds(2), 2, Duration.ofMillis(20));
        return new MusicBrainzClient(new HttpJson("MusicBrainz", settings, interval), api.base(),
                new HttpJson("Cover Art Archive", settings), api.base());
    }

    @AfterEach
    void stop() {
        musicBrainz.close();
        api.close();
    }

    @Test
    void recordingsAreMappedWithTheJoinedArtistCreditAndTheirReleases() throws Exception {
        api.on("/ws/2/recording", fixture("musicbrainz-recordings.json"));

        List<MbRecording> recordings = musicBrainz.searchRecordings("Paper Boats", "The Lantern Parade", 10);

        assertThat(recordings).containsExactly(
                new MbRecording("6f1c2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "Paper Boats", "The Lantern Parade & Mira Okafor", 214853L, 100,
                        List.of(new MbRelease(RELEASE, "Harbour Lights", "2021-07-16", "Official"),
                                new MbRelease("cc33dd44-ee55-4f66-8077-1122aabbccdd", "Summer Sampler 2021", "2021", "Promotion"))),
                new MbRecording("7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d", "Paper Boats (live)", "The Lantern Parade", null, 87, List.of()));
    }

    @Test
    void theSearchIsALuceneQueryWithEscapedPhrasesAskingForJson() throws Exception {
        api.on("/ws/2/recording", fixture("musicbrainz-recordings.json"));

        musicBrainz.searchRecordings("Paper Boats (12\" Mix)", "The Lantern Parade", 500);

        StubApi.Received request = api.received().getFirst();
        assertThat(URLDecoder.decode(request.rawQuery(), StandardCharsets.UTF_8))
                .isEqualTo("query=recording:\"Paper Boats (12\\\" Mix)\" AND artist:\"The Lantern Parade\"&fmt=json&limit=100");
        assertThat(request.userAgent()).isEqualTo(HttpJsonTest.USER_AGENT);
    }

    @Test
    void threeRequestsAreSpacedByAtLeastTwoIntervals() throws Exception {
        api.on("/ws/2/recording", fixture("musicbrainz-recordings.json"));
        try (MusicBrainzClient spaced = client(INTERVAL)) {
            spaced.searchRecordings("warm up the connection", null, 1);
            for (String title : List.of("one", "two", "three")) {
                spaced.searchRecordings(title, null, 1);
            }
        }

        List<StubApi.Received> received = api.received();
        assertThat(received).hasSize(4);
        // The client spaces its sends; the stub stamps receipts, each a little late by however long
        // the stub's thread waited for a core. A gap looks short by the earlier receipt's delay, so
        // the slack is that delay on a busy machine (CI runs the whole suite on two cores), still far
        // from the few milliseconds between requests that an unspaced client shows.
        Duration receiptJitter = Duration.ofMillis(50);
        for (int index = 2; index < received.size(); index++) {
            long gapNanos = received.get(index).receivedNanos() - received.get(index - 1).receivedNanos();
            assertThat(Duration.ofNanos(gapNanos)).isGreaterThan(INTERVAL.minus(receiptJitter));
        }
        long threeRequestsNanos = received.get(3).receivedNanos() - received.get(1).receivedNanos();
        assertThat(Duration.ofNanos(threeRequestsNanos)).isGreaterThanOrEqualTo(INTERVAL.multipliedBy(2).minus(receiptJitter));
    }

    @Test
    void aBusyMusicBrainzIsAskedAgain() throws Exception {
        api.on("/ws/2/recording", status(503), fixture("musicbrainz-recordings.json"));

        assertThat(musicBrainz.searchRecordings("Paper Boats", null, 5)).hasSize(2);
        assertThat(api.received()).hasSize(2);
    }

    @Test
    void theFrontCoverIsThe500PixelThumbnailOfTheFrontImageOverHttps() throws Exception {
        api.on("/release/" + RELEASE, fixture("coverart-release.json"));

        assertThat(musicBrainz.frontCover(RELEASE)).contains(
                URI.create("https://coverartarchive.org/release/" + RELEASE + "/35123456789-500.jpg"));
    }

    @Test
    void aReleaseWithoutArtOrWithoutAFrontImageHasNoFrontCover() throws Exception {
        String backOnly = "cc33dd44-ee55-4f66-8077-1122aabbccdd";
        api.on("/release/" + backOnly, json(200, "{\"images\":[{\"front\":false,\"back\":true,\"types\":[\"Back\"],"
                + "\"image\":\"http://coverartarchive.org/release/" + backOnly + "/1.jpg\",\"thumbnails\":{}}],"
                + "\"release\":\"https://musicbrainz.org/release/" + backOnly + "\"}"));

        assertThat(musicBrainz.frontCover(RELEASE)).isEmpty();
        assertThat(musicBrainz.frontCover(backOnly)).isEmpty();
    }

    @Test
    void somethingThatIsNotAReleaseIdIsRefusedWithoutARequest() {
        assertThatThrownBy(() -> musicBrainz.frontCover("../../admin")).isInstanceOf(IllegalArgumentException.class);
        assertThat(api.received()).isEmpty();
    }
}
