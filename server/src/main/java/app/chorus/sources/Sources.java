package app.chorus.sources;

import app.chorus.config.Config;
import app.chorus.sources.spi.Availability;
import app.chorus.sources.spi.SearchResult;
import app.chorus.sources.spi.SourceEntry;
import app.chorus.sources.spi.SourceProvider;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search across every provider, and video URL resolution: the entry point of the search feature.
 * A search asks all available providers at once, each on its own virtual thread with its own
 * time-out; a slow or failing provider costs only its part of the answer (reported, never an
 * error). Providers' answers and resolved URLs (or failures) are cached with their own lives in
 * Caffeine caches that share concurrent requests for the same key. Thread-safe.
 */
public final class Sources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sources.class);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX_NOTE_CHARS = 300;

    private record SearchKey(String provider, String query) {
    }

    /** A lookup's answer as cached: the URL or the reason there is none, how long it stands, and since when. */
    private record CachedUrl(String url, Duration ttl, String note, long readyNanos) implements Timed {
    }

    /** A provider's search answer as cached, with its life and the ticker reading when it came. */
    private record CachedSearch(SearchResult result, Duration ttl, long readyNanos) implements Timed {
    }

    /**
     * A cached answer that knows when it arrived. Its life is counted from then, not from when
     * Caffeine's completion callback happens to run, which may be later.
     */
    private interface Timed {
        Duration ttl();

        long readyNanos();
    }

    /** Expiry counted from each answer's arrival. */
    private static final class FromArrival<K, V extends Timed> implements Expiry<K, V> {
        @Override
        public long expireAfterCreate(K key, V value, long currentTime) {
            long ends = value.readyNanos() + Math.min(value.ttl().toNanos(), Long.MAX_VALUE / 4);
            return Math.max(0, ends - currentTime);
        }

        @Override
        public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    private final List<SourceProvider> providers;
    private final Map<String, SourceProvider> byId = new LinkedHashMap<>();
    private final Config.Search settings;
    private final Ticker ticker;
    private final AsyncCache<SearchKey, CachedSearch> searches;
    private final AsyncCache<String, CachedUrl> urls;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final AutoCloseable plugins;
    private final List<String> pluginJars;

    /**
     * @param providers the providers in order (their results are listed in this order)
     * @param settings  time-outs, limits and cache lives
     * @param clock     the time the caches expire by
     */
    public Sources(List<SourceProvider> providers, Config.Search settings, InstantSource clock) {
        this(providers, settings, clock, () -> { }, List.of());
    }

    private Sources(List<SourceProvider> providers, Config.Search settings, InstantSource clock, AutoCloseable plugins,
                    List<String> pluginJars) {
        this.providers = List.copyOf(providers);
        this.providers.forEach(provider -> byId.putIfAbsent(provider.id(), provider));
        this.settings = settings;
        this.plugins = plugins;
        this.pluginJars = pluginJars;
        this.ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.searches = Caffeine.newBuilder().ticker(ticker).executor(Runnable::run).recordStats()
                .maximumSize(settings.cacheSize())
                .expireAfter(new FromArrival<SearchKey, CachedSearch>())
                .buildAsync();
        this.urls = Caffeine.newBuilder().ticker(ticker).executor(Runnable::run).recordStats()
                .maximumSize(settings.videoUrlCacheSize())
                .expireAfter(new FromArrival<String, CachedUrl>())
                .buildAsync();
    }

    /**
     * Finds the providers (built in, and in the jars of the plugins folder) with ServiceLoader and
     * makes them, in the configured order.
     *
     * @param services the parts of Chorus providers may ask for by type
     */
    public static Sources load(Config.Search settings, Map<Class<?>, Object> services, InstantSource clock) {
        PluginJars plugins = new PluginJars(settings.pluginsDir(), Sources.class.getClassLoader());
        List<SourceProvider> providers = ProviderRegistry.load(plugins.loader(), settings.providerOrder(),
                settings.disabled(), id -> new HostContext(id, settings.providerSettings(), services, clock));
        return new Sources(providers, settings, clock, plugins,
                plugins.jars().stream().map(jar -> jar.getFileName().toString()).toList());
    }

    /**
     * The entry a queued or posted KaraokeEntry names, for {@link #videoUrl}. The original takes
     * blank titles and artists; a lookup needs neither, so a stand-in keeps the entry valid.
     */
    public static SourceEntry lookupEntry(String source, String id, String title, String artist, String uploader,
                                          Double duration, String videoUrl) {
        return SourceEntry.builder(source, id).title(title.isBlank() ? "?" : title).artist(artist.isBlank() ? "?" : artist)
                .uploader(uploader).duration(duration).videoUrl(videoUrl).build();
    }

    /** A path on this server ({@code /api/songs/...}, the library's streams) made absolute with {@code base}; other URLs as they are. */
    public static String absolute(String url, String base) {
        return url != null && url.startsWith("/") && !url.startsWith("//") ? base + url : url;
    }

    /** The providers asked, in order. */
    public List<SourceProvider> providers() {
        return providers;
    }

    /** The longest query accepted. */
    public int maxQueryChars() {
        return settings.maxQueryChars();
    }

    /**
     * Asks every available provider for {@code query} and merges their answers, library first (in
     * the configured order). A blank query finds nothing; a query longer than
     * {@link #maxQueryChars()} throws {@link IllegalArgumentException}.
     */
    public SearchOutcome search(String query) {
        String cleaned = SPACES.matcher(CONTROL.matcher(query == null ? "" : query).replaceAll(" ")).replaceAll(" ").trim();
        if (cleaned.length() > settings.maxQueryChars()) {
            throw new IllegalArgumentException("The query is longer than " + settings.maxQueryChars() + " characters");
        }
        if (cleaned.isEmpty()) {
            return new SearchOutcome(List.of(), List.of());
        }
        record Pending(SourceProvider provider, CompletableFuture<CachedSearch> answer, boolean cached, long started) {
        }
        List<Pending> pending = new ArrayList<>();
        List<ProviderReport> reports = new ArrayList<>();
        for (SourceProvider provider : providers) {
            Availability availability = availability(provider);
            if (!availability.available()) {
                reports.add(new ProviderReport(provider.id(), ProviderReport.Status.UNAVAILABLE, 0, 0, false,
                        provider.id() + " is unavailable: " + availability.detail()));
                continue;
            }
            boolean[] asked = {false};
            CompletableFuture<CachedSearch> answer = searches.get(
                    new SearchKey(provider.id(), cleaned.toLowerCase(Locale.ROOT)), (key, executor) -> {
                        asked[0] = true;
                        return call(() -> provider.search(cleaned), settings.timeout()).thenApply(result ->
                                new CachedSearch(result, result.cacheFor() == null ? settings.cacheTtl() : result.cacheFor(),
                                        ticker.read()));
                    });
            pending.add(new Pending(provider, answer, !asked[0], System.nanoTime()));
        }
        EntryMerge merge = new EntryMerge();
        List<ProviderReport> answered = new ArrayList<>();
        for (Pending call : pending) {
            String id = call.provider().id();
            try {
                List<SourceEntry> entries = call.answer().get().result().entries();
                long millis = call.cached() ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - call.started());
                entries.stream().limit(settings.maxResults()).forEach(merge::add);
                answered.add(new ProviderReport(id, ProviderReport.Status.OK, Math.min(entries.size(), settings.maxResults()),
                        millis, call.cached(), ""));
            } catch (ExecutionException failed) {
                answered.add(failure(id, failed.getCause(), settings.timeout()));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                answered.add(new ProviderReport(id, ProviderReport.Status.FAILED, 0, 0, false, id + " was interrupted"));
            }
        }
        answered.addAll(reports);
        return new SearchOutcome(merge.entries(), answered);
    }

    /**
     * The playable URL of an entry: its own when it has one, else what its provider resolves
     * (cached with the provider's time to live; a failure cached for the failure time).
     */
    public UrlLookup videoUrl(SourceEntry entry) {
        if (entry.videoUrl() != null && !entry.videoUrl().isBlank()) {
            return UrlLookup.found(entry.videoUrl(), false);
        }
        SourceProvider provider = byId.get(entry.source());
        if (provider == null) {
            return UrlLookup.missing("No search provider is named '" + entry.source() + "'", false);
        }
        Availability availability = availability(provider);
        if (!availability.available()) {
            return UrlLookup.missing(provider.id() + " is unavailable: " + availability.detail(), false);
        }
        boolean[] asked = {false};
        CachedUrl answer = urls.get(entry.key(), (key, executor) -> {
            asked[0] = true;
            return call(() -> provider.videoUrl(entry), settings.videoUrlTimeout())
                    .handle((found, failure) -> cacheable(provider.id(), found, failure));
        }).join();
        return answer.url() != null ? UrlLookup.found(answer.url(), !asked[0]) : UrlLookup.missing(answer.note(), !asked[0]);
    }

    private CachedUrl cacheable(String id, Optional<app.chorus.sources.spi.VideoUrl> found, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            LOG.debug("Video URL lookup by {} failed", id, cause);
            return new CachedUrl(null, settings.videoUrlFailureTtl(), failure(id, cause, settings.videoUrlTimeout()).note(),
                    ticker.read());
        }
        if (found == null || found.isEmpty()) {
            return new CachedUrl(null, settings.videoUrlFailureTtl(), id + " found no playable URL", ticker.read());
        }
        app.chorus.sources.spi.VideoUrl url = found.get();
        Duration ttl = !url.cacheable() ? Duration.ZERO : url.ttl() == null ? settings.videoUrlTtl() : url.ttl();
        return new CachedUrl(url.url(), ttl, "", ticker.read());
    }

    /** Runs {@code work} on its own thread; past {@code timeout} the answer fails and the thread is interrupted. */
    private <T> CompletableFuture<T> call(Callable<T> work, Duration timeout) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Future<?> task = calls.submit(() -> {
            try {
                answer.complete(work.call());
            } catch (Throwable failure) {
                answer.completeExceptionally(failure);
            }
        });
        answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        answer.whenComplete((value, failure) -> task.cancel(true));
        return answer;
    }

    private static ProviderReport failure(String id, Throwable cause, Duration timeout) {
        if (cause instanceof TimeoutException) {
            return new ProviderReport(id, ProviderReport.Status.TIMEOUT, 0, timeout.toMillis(), false,
                    id + " did not answer within " + seconds(timeout));
        }
        String message = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        String note = id + " failed: " + message.strip();
        return new ProviderReport(id, ProviderReport.Status.FAILED, 0, 0, false,
                note.length() > MAX_NOTE_CHARS ? note.substring(0, MAX_NOTE_CHARS) + "…" : note);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static Availability availability(SourceProvider provider) {
        try {
            return provider.availability();
        } catch (RuntimeException e) {
            return Availability.unavailable("its availability check failed: " + e);
        }
    }

    /** For /health: each provider's availability, the plugin jars, and both caches' figures. */
    public Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("providers", providers.stream().map(provider -> {
            Availability availability = availability(provider);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", provider.id());
            item.put("available", availability.available());
            if (!availability.available()) {
                item.put("detail", availability.detail());
            }
            return item;
        }).toList());
        description.put("plugins", pluginJars);
        description.put("search_cache", figures(searches));
        description.put("video_url_cache", figures(urls));
        return description;
    }

    private static Map<String, Object> figures(AsyncCache<?, ?> cache) {
        CacheStats stats = cache.synchronous().stats();
        return Map.of("size", cache.synchronous().estimatedSize(), "hits", stats.hitCount(), "misses", stats.missCount());
    }

    @Override
    public void close() {
        calls.shutdownNow();
        for (SourceProvider provider : providers) {
            try {
                provider.close();
            } catch (RuntimeException e) {
                LOG.warn("Search provider {} failed to close", provider.id(), e);
            }
        }
        try {
            plugins.close();
        } catch (Exception e) {
            LOG.debug("Closing plugins", e);
        }
    }
}
