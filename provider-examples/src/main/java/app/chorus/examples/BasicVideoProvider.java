package app.chorus.examples;

import app.chorus.sources.spi.Availability;
import app.chorus.sources.spi.ProviderContext;
import app.chorus.sources.spi.SearchResult;
import app.chorus.sources.spi.SourceProvider;
import app.chorus.sources.spi.SourceProviderFactory;
import java.util.List;

/**
 * The first example of docs/providers.md: a provider whose search already knows each video's
 * playable URL, so entries carry it and nothing is resolved later. Setting: {@code provider.basic.url},
 * the catalogue's address; without it the provider reports itself unavailable.
 */
public final class BasicVideoProvider implements SourceProvider {
    private final CatalogueApi catalogue;

    BasicVideoProvider(CatalogueApi catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String id() {
        return "basic";
    }

    @Override
    public SearchResult search(String query) throws Exception {
        // The catalogue sends a direct media URL with every result: the entries carry it.
        return SearchResult.of(catalogue.entries(id(), query, true));
    }

    /** Registered in META-INF/services; makes the provider from its settings. */
    public static final class Factory implements SourceProviderFactory {
        @Override
        public String id() {
            return "basic";
        }

        @Override
        public SourceProvider create(ProviderContext context) {
            return context.setting("url")
                    .<SourceProvider>map(url -> new BasicVideoProvider(new CatalogueApi(url)))
                    .orElseGet(() -> new Unconfigured("basic"));
        }
    }

    /** What a factory returns when a setting is missing: a provider that says so in /health. */
    record Unconfigured(String id) implements SourceProvider {
        @Override
        public SearchResult search(String query) {
            return SearchResult.of(List.of());
        }

        @Override
        public Availability availability() {
            return Availability.unavailable("set provider." + id + ".url to the catalogue's address");
        }
    }
}
