package app.chorus.examples;

import app.chorus.sources.spi.Availability;
import app.chorus.sources.spi.ProviderContext;
import app.chorus.sources.spi.SearchResult;
import app.chorus.sources.spi.SourceEntry;
import app.chorus.sources.spi.SourceProvider;
import app.chorus.sources.spi.SourceProviderFactory;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
        List<SourceEntry> entries = new ArrayList<>();
        for (JsonNode result : catalogue.search(query)) {
            String id = CatalogueApi.text(result, "id");
            String title = CatalogueApi.text(result, "title");
            String artist = CatalogueApi.text(result, "artist");
            if (id == null || title == null || artist == null) {
                continue; // A result a singer could not recognise is left out.
            }
            entries.add(SourceEntry.builder(id(), id).title(title).artist(artist)
                    .uploader(CatalogueApi.text(result, "uploader"))
                    .duration(CatalogueApi.seconds(result, "duration"))
                    .videoUrl(CatalogueApi.text(result, "direct_url")) // The URL, right away.
                    .build());
        }
        return SearchResult.of(entries);
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
