package app.chorus.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.chorus.config.Config;
import app.chorus.sources.spi.Availability;
import app.chorus.sources.spi.SearchResult;
import app.chorus.sources.spi.SourceEntry;
import app.chorus.sources.spi.SourceProvider;
import app.chorus.sources.spi.VideoUrl;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Search across providers and video URL resolution, with providers made in the test: merging
 * in order, time-outs and failures that cost only their provider's part, and both caches' lives
 * and figures under a clock the test moves.
 */
class SourcesTest {
    private static final Duration TIMEOUT = Duration.ofMillis(800);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T20:00:00Z"));
    private final InstantSource clock = () -> now.get();

    private static Config.Search settings() {
        return new Config.Search(List.of("*"), Set.of(), Path.of("plugins"), TIMEOUT, 200, 20, Duration.ofMinutes(10),
                100, TIMEOUT, Duration.ofHours(4), Duration.ofMinutes(30), 100, "", Map.of(),
                new Config.Search.YouTube(10, true, 4, 720));
    }

    private void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    private static SourceEntry entry(String source, String id, String title) {
        return SourceEntry.builder(source, id).title(title).artist("Queen").build();
    }

    /** A provider answering from a function, counting its calls. */
    private static final class Scripted implements SourceProvider {
        final String id;
        final Function<String, SearchResult> search;
        final AtomicInteger searches = new AtomicInteger();
        final AtomicInteger lookups = new AtomicInteger();
        volatile Function<SourceEntry, Optional<VideoUrl>> resolve = entry -> Optional.empty();
        volatile Availability availability = Availability.AVAILABLE;

        Scripted(String id, Function<String, SearchResult> search) {
            this.id = id;
            this.search = search;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public SearchResult search(String query) {
            searches.incrementAndGet();
            return search.apply(query);
        }

        @Override
        public Optional<VideoUrl> videoUrl(SourceEntry entry) {
            lookups.incrementAndGet();
            return resolve.apply(entry);
        }

        @Override
        public Availability availability() {
            return availability;
        }
    }

    @Test
    void aSlowProviderAndAFailingOneCostOnlyTheirPartAndDuplicatesMerge() throws Exception {
        Scripted library = new Scripted("library", query -> SearchResult.uncached(List.of(
                SourceEntry.builder("library", "song-1").title("Bohemian Rhapsody").artist("Queen")
                        .videoUrl("/api/songs/song-1/download/instrumental").sameAs("video", "abc").build())));
        AtomicBoolean slowInterrupted = new AtomicBoolean();
        CountDownLatch slowStarted = new CountDownLatch(1);
        SourceProvider slow = new Scripted("slow", query -> {
            slowStarted.countDown();
            try {
                Thread.sleep(60_000); // Never answers in time: the search must not wait for it.
            } catch (InterruptedException e) {
                slowInterrupted.set(true);
            }
            return SearchResult.of(List.of(entry("slow", "late", "Too Late")));
        });
        SourceProvider broken = new SourceProvider() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public SearchResult search(String query) throws IOException {
                throw new IOException("the catalogue answered HTTP 500");
            }
        };
        Scripted video = new Scripted("video", query -> SearchResult.of(List.of(
                SourceEntry.builder("video", "abc").title("Queen - Bohemian Rhapsody (Karaoke)").artist("Queen")
                        .thumbnailUrl("https://img.example/abc.jpg").pageUrl("https://video.example/abc").build(),
                entry("video", "def", "Bohemian Rhapsody (Live Aid)"))));

        try (Sources sources = new Sources(List.of(library, slow, broken, video), settings(), clock)) {
            long started = System.nanoTime();
            SearchOutcome outcome = sources.search("  bohemian   rhapsody ");
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(slowStarted.await(0, TimeUnit.SECONDS)).as("asked at once, with the others").isTrue();
            assertThat(tookMillis).as("waits for the time-out, not for the slow provider").isLessThan(30_000);
            assertThat(outcome.entries()).extracting(SourceEntry::key).containsExactly("library:song-1", "video:def");
            SourceEntry merged = outcome.entries().getFirst();
            assertThat(merged.title()).as("the library's fields win").isEqualTo("Bohemian Rhapsody");
            assertThat(merged.thumbnailUrl()).as("gaps filled from the duplicate").isEqualTo("https://img.example/abc.jpg");
            assertThat(merged.pageUrl()).isEqualTo("https://video.example/abc");
            assertThat(outcome.providers()).extracting(ProviderReport::id, ProviderReport::status, ProviderReport::count)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("library", ProviderReport.Status.OK, 1),
                            org.assertj.core.groups.Tuple.tuple("slow", ProviderReport.Status.TIMEOUT, 0),
                            org.assertj.core.groups.Tuple.tuple("broken", ProviderReport.Status.FAILED, 0),
                            org.assertj.core.groups.Tuple.tuple("video", ProviderReport.Status.OK, 2));
            assertThat(outcome.notes()).containsExactly("slow did not answer within 800 ms",
                    "broken failed: the catalogue answered HTTP 500");
            await().atMost(Duration.ofSeconds(5)).untilTrue(slowInterrupted);
            assertThat(library.searches.get()).isEqualTo(1);
        }
    }

    @Test
    void providerAnswersAreCachedPerQueryUntilTheirTimeToLiveRunsOut() {
        Scripted video = new Scripted("video", query -> SearchResult.of(List.of(entry("video", "abc", query))));
        Scripted library = new Scripted("library", query -> SearchResult.uncached(List.of(entry("library", "1", query))));
        Scripted shortLived = new Scripted("short", query -> new SearchResult(List.of(entry("short", "s", query)),
                Duration.ofMinutes(1)));
        try (Sources sources = new Sources(List.of(library, video, shortLived), settings(), clock)) {
            sources.search("Bohemian Rhapsody");
            SearchOutcome again = sources.search("bohemian  RHAPSODY");

            assertThat(video.searches.get()).as("the same query, whatever its case and spaces").isEqualTo(1);
            assertThat(library.searches.get()).as("uncached answers are asked every time").isEqualTo(2);
            assertThat(again.providers()).extracting(ProviderReport::cached).containsExactly(false, true, true);
            assertThat(cacheFigures(sources, "search_cache")).containsEntry("hits", 2L).containsEntry("misses", 4L);

            advance(Duration.ofMinutes(2));
            sources.search("bohemian rhapsody");
            assertThat(shortLived.searches.get()).as("its own minute is over").isEqualTo(2);
            assertThat(video.searches.get()).as("ten minutes are not").isEqualTo(1);

            advance(Duration.ofMinutes(9));
            sources.search("bohemian rhapsody");
            assertThat(video.searches.get()).isEqualTo(2);
            sources.search("another song");
            assertThat(video.searches.get()).isEqualTo(3);
        }
    }

    @Test
    void foundUrlsAndFailuresAreCachedWithTheirOwnLives() {
        Scripted video = new Scripted("video", query -> SearchResult.of(List.of()));
        video.resolve = entry -> switch (entry.id()) {
            case "short" -> Optional.of(VideoUrl.cachedFor("https://cdn.example/short.mp4", Duration.ofMinutes(5)));
            case "plain" -> Optional.of(VideoUrl.of("https://cdn.example/plain.mp4"));
            case "fresh" -> Optional.of(VideoUrl.uncached("https://cdn.example/fresh.mp4?n=" + System.nanoTime()));
            case "broken" -> throw new IllegalStateException("signature cipher changed");
            default -> Optional.empty();
        };
        try (Sources sources = new Sources(List.of(video), settings(), clock)) {
            UrlLookup first = sources.videoUrl(entry("video", "short", "Short"));
            UrlLookup second = sources.videoUrl(entry("video", "short", "Short"));
            assertThat(first).isEqualTo(new UrlLookup("https://cdn.example/short.mp4", false, ""));
            assertThat(second.cached()).isTrue();
            assertThat(sources.videoUrl(entry("video", "plain", "Plain")).url()).isEqualTo("https://cdn.example/plain.mp4");
            UrlLookup missing = sources.videoUrl(entry("video", "gone", "Gone"));
            assertThat(missing.url()).isNull();
            assertThat(missing.note()).isEqualTo("video found no playable URL");
            assertThat(sources.videoUrl(entry("video", "broken", "Broken")).note())
                    .isEqualTo("video failed: signature cipher changed");
            assertThat(video.lookups.get()).isEqualTo(4);

            advance(Duration.ofMinutes(6));
            sources.videoUrl(entry("video", "short", "Short"));
            sources.videoUrl(entry("video", "plain", "Plain"));
            sources.videoUrl(entry("video", "gone", "Gone"));
            assertThat(video.lookups.get()).as("only the five-minute URL expired").isEqualTo(5);

            advance(Duration.ofMinutes(25));
            assertThat(sources.videoUrl(entry("video", "gone", "Gone")).cached()).as("failures last 30 minutes").isFalse();
            assertThat(sources.videoUrl(entry("video", "broken", "Broken")).cached()).isFalse();
            assertThat(sources.videoUrl(entry("video", "plain", "Plain")).cached()).as("found ones four hours").isTrue();
            assertThat(video.lookups.get()).isEqualTo(7);

            String once = sources.videoUrl(entry("video", "fresh", "Fresh")).url();
            assertThat(sources.videoUrl(entry("video", "fresh", "Fresh")).url()).as("never cached").isNotEqualTo(once);
            assertThat(cacheFigures(sources, "video_url_cache")).containsEntry("hits", 4L).containsEntry("misses", 9L);
        }
    }

    @Test
    void anEntryWithItsUrlIsEchoedAndUnknownOrUnavailableSourcesResolveNothing() {
        Scripted video = new Scripted("video", query -> SearchResult.of(List.of()));
        Scripted offline = new Scripted("offline", query -> SearchResult.of(List.of(entry("offline", "x", "X"))));
        offline.availability = Availability.unavailable("its program is not installed");
        try (Sources sources = new Sources(List.of(video, offline), settings(), clock)) {
            assertThat(sources.videoUrl(entry("video", "abc", "A").withVideoUrl("https://cdn.example/a.mp4")))
                    .isEqualTo(new UrlLookup("https://cdn.example/a.mp4", false, ""));
            assertThat(sources.videoUrl(entry("nowhere", "abc", "A")).note()).isEqualTo("No search provider is named 'nowhere'");
            assertThat(sources.videoUrl(entry("offline", "x", "X")).note())
                    .isEqualTo("offline is unavailable: its program is not installed");
            assertThat(video.lookups.get() + offline.lookups.get()).isZero();

            SearchOutcome outcome = sources.search("anything");
            assertThat(offline.searches.get()).as("an unavailable provider is not asked").isZero();
            assertThat(outcome.providers()).extracting(ProviderReport::status)
                    .containsExactly(ProviderReport.Status.OK, ProviderReport.Status.UNAVAILABLE);
            assertThat(sources.describe().get("providers")).asList().hasSize(2);
        }
    }

    @Test
    void aSlowLookupIsStoppedAtItsTimeOutAndRememberedAsAFailure() {
        Scripted video = new Scripted("video", query -> SearchResult.of(List.of()));
        AtomicBoolean interrupted = new AtomicBoolean();
        video.resolve = entry -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return Optional.of(VideoUrl.of("https://cdn.example/late.mp4"));
        };
        try (Sources sources = new Sources(List.of(video), settings(), clock)) {
            UrlLookup lookup = sources.videoUrl(entry("video", "slow", "Slow"));
            assertThat(lookup.url()).isNull();
            assertThat(lookup.note()).isEqualTo("video did not answer within 800 ms");
            await().atMost(Duration.ofSeconds(5)).untilTrue(interrupted);
            assertThat(sources.videoUrl(entry("video", "slow", "Slow")).cached()).isTrue();
        }
    }

    @Test
    void blankQueriesFindNothingAndOverlongOnesAreRefused() {
        Scripted video = new Scripted("video", query -> SearchResult.of(List.of(entry("video", "a", "A"))));
        try (Sources sources = new Sources(List.of(video), settings(), clock)) {
            assertThat(sources.search(" \t\n ").entries()).isEmpty();
            assertThat(video.searches.get()).isZero();
            assertThatThrownBy(() -> sources.search("x".repeat(201))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("200");
            assertThat(sources.search("x".repeat(200)).entries()).hasSize(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cacheFigures(Sources sources, String cache) {
        return (Map<String, Object>) sources.describe().get(cache);
    }
}
