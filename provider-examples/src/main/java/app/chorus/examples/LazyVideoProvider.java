package app.chorus.examples;

import app.chorus.sources.spi.ProviderContext;
import app.chorus.sources.spi.SearchResult;
import app.chorus.sources.spi.SourceEntry;
import app.chorus.sources.spi.SourceProvider;
import app.chorus.sources.spi.SourceProviderFactory;
import app.chorus.sources.spi.VideoUrl;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * The second example of docs/providers.md: a provider whose search leaves the URL out, because
 * finding it costs a request per video; Chorus asks {@link #videoUrl} only for the songs that are
 * about to be played, and caches the answer for as long as the catalogue says it stays valid (an
 * hour when it does not say). Setting: {@code provider.lazy.url}.
 */
public final class LazyVideoProvider implements SourceProvider {
    private static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private final CatalogueApi catalogue;

    LazyVideoProvider(CatalogueApi catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String id() {
        return "lazy";
    }

    @Override
    public SearchResult search(String query) throws Exception {
        // No video URLs: each costs a request, so it is fetched on demand by videoUrl.
        return SearchResult.of(catalogue.entries(id(), query, false));
    }

    @Override
    public Optional<VideoUrl> videoUrl(SourceEntry entry) throws Exception {
        Optional<JsonNode> stream = catalogue.stream(entry.id());
        if (stream.isEmpty() || CatalogueApi.text(stream.get(), "url") == null) {
            return Optional.empty();
        }
        JsonNode expiresIn = stream.get().path("expires_in");
        Duration ttl = expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                ? Duration.ofSeconds(expiresIn.asLong()) : DEFAULT_TTL;
        return Optional.of(VideoUrl.cachedFor(CatalogueApi.text(stream.get(), "url"), ttl));
    }

    /** Registered in META-INF/services; makes the provider from its settings. */
    public static final class Factory implements SourceProviderFactory {
        @Override
        public String id() {
            return "lazy";
        }

        @Override
        public SourceProvider create(ProviderContext context) {
            return context.setting("url")
                    .<SourceProvider>map(url -> new LazyVideoProvider(new CatalogueApi(url)))
                    .orElseGet(() -> new BasicVideoProvider.Unconfigured("lazy"));
        }
    }
}
