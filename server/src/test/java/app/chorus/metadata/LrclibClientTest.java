package app.chorus.metadata;

import static app.chorus.metadata.StubApi.fixture;
import static app.chorus.metadata.StubApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LrclibClientTest {
    private final StubApi api = new StubApi();
    private final LrclibClient lrclib = new LrclibClient(
            new HttpJson("LRCLIB", HttpJsonTest.settings(Duration.ofSeconds(2), 2, Duration.ofMillis(20))), api.base());

    @AfterEach
    void stop() {
        lrclib.close();
        api.close();
    }

    private static StubApi.Reply notFound() throws IOException {
        try (InputStream in = LrclibClientTest.class.getResourceAsStream("/metadata/lrclib-not-found.json")) {
            return json(404, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private String decodedQuery(int index) {
        return URLDecoder.decode(api.received().get(index).rawQuery(), StandardCharsets.UTF_8);
    }

    @Test
    void theExactLookupMapsTheRecordAndSendsAllItKnows() throws Exception {
        api.on("/api/get", fixture("lrclib-get.json"));

        Optional<LrclibRecord> record = lrclib.get("The Lantern Parade", "Paper Boats", "Harbour Lights", 215);

        assertThat(record).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo(4418207L);
            assertThat(found.name()).isEqualTo("Paper Boats");
            assertThat(found.trackName()).isEqualTo("Paper Boats");
            assertThat(found.artistName()).isEqualTo("The Lantern Parade");
            assertThat(found.albumName()).isEqualTo("Harbour Lights");
            assertThat(found.duration()).isEqualTo(215.0);
            assertThat(found.instrumental()).isFalse();
            assertThat(found.plainLyrics()).startsWith("Fold the evening into paper\n");
            assertThat(found.syncedLyrics()).startsWith("[00:12.40] Fold the evening into paper\n");
        });
        assertThat(decodedQuery(0))
                .isEqualTo("artist_name=The Lantern Parade&track_name=Paper Boats&album_name=Harbour Lights&duration=215");
        assertThat(api.received().getFirst().userAgent()).isEqualTo(HttpJsonTest.USER_AGENT);
    }

    @Test
    void trackNotFoundIsEmpty() throws Exception {
        api.on("/api/get", notFound());

        assertThat(lrclib.get("Nobody", "Nothing", null, null)).isEmpty();
        assertThat(decodedQuery(0)).isEqualTo("artist_name=Nobody&track_name=Nothing");
    }

    @Test
    void findUsesTheExactRecordWhenItHasSyncedLyrics() throws Exception {
        api.on("/api/get", fixture("lrclib-get.json"));
        api.on("/api/search", fixture("lrclib-search.json"));

        assertThat(lrclib.find("The Lantern Parade", "Paper Boats", "Harbour Lights", 215)).map(LrclibRecord::id).contains(4418207L);
        assertThat(api.received()).extracting(StubApi.Received::path).containsExactly("/api/get");
    }

    @Test
    void findFallsBackToASearchResultWithinTwoSecondsPreferringSyncedLyrics() throws Exception {
        api.on("/api/get", notFound());
        api.on("/api/search", fixture("lrclib-search.json"));

        Optional<LrclibRecord> found = lrclib.find("The Lantern Parade", "Paper Boats", null, 215);

        // 251 s (the live take) is too far; 214 s has no synced lyrics; 216 s has them.
        assertThat(found).map(LrclibRecord::id).contains(4418291L);
        assertThat(decodedQuery(1)).isEqualTo("track_name=Paper Boats&artist_name=The Lantern Parade");
    }

    @Test
    void findWithoutADurationTakesTheFirstSyncedResult() throws Exception {
        api.on("/api/get", notFound());
        api.on("/api/search", fixture("lrclib-search.json"));

        assertThat(lrclib.find("The Lantern Parade", "Paper Boats", null, null)).map(LrclibRecord::id).contains(5120001L);
    }

    @Test
    void findGivesNothingWhenNoResultIsCloseToTheDuration() throws Exception {
        api.on("/api/get", notFound());
        api.on("/api/search", fixture("lrclib-search.json"));

        assertThat(lrclib.find("The Lantern Parade", "Paper Boats", null, 120)).isEmpty();
    }

    @Test
    void anInstrumentalTrackIsReturnedAsSuchWithoutSearching() throws Exception {
        api.on("/api/get", fixture("lrclib-instrumental.json"));

        Optional<LrclibRecord> found = lrclib.find("The Lantern Parade", "Harbour Lights (Interlude)", "Harbour Lights", 96);

        assertThat(found).hasValueSatisfying(record -> {
            assertThat(record.instrumental()).isTrue();
            assertThat(record.plainLyrics()).isNull();
            assertThat(record.syncedLyrics()).isNull();
        });
        assertThat(api.received()).hasSize(1);
    }
}
