package app.chorus.sources;

import app.chorus.sources.spi.Availability;
import app.chorus.sources.spi.ProviderContext;
import app.chorus.sources.spi.SearchResult;
import app.chorus.sources.spi.SourceProvider;
import app.chorus.sources.spi.SourceProviderFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the provider factories with {@link ServiceLoader} (the built-in ones and those of plugin
 * jars alike), puts them in the configured order, leaves out the disabled ones and makes each
 * provider. A factory that cannot be loaded or fails to make its provider is logged and stands
 * in the list as an unavailable provider, so {@code /health} says what went wrong.
 */
final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_ID_CHARS = 32;

    private ProviderRegistry() {
    }

    /**
     * The providers to ask, in order.
     *
     * @param loader   where to look for factories (Chorus's class path and the plugin jars)
     * @param order    ids in order; "*" stands for every other factory found, in the order found
     * @param disabled ids to leave out
     * @param contexts the context each provider is made with, by id
     */
    static List<SourceProvider> load(ClassLoader loader, List<String> order, Set<String> disabled,
                                     Function<String, ProviderContext> contexts) {
        Map<String, SourceProviderFactory> found = discover(loader);
        List<String> ids = new ArrayList<>();
        for (String id : order) {
            if (id.equals("*")) {
                found.keySet().stream().filter(other -> !order.contains(other)).forEach(ids::add);
            } else if (found.containsKey(id)) {
                ids.add(id);
            } else {
                LOG.warn("Search provider '{}' is configured but no jar provides it", id);
            }
        }
        List<SourceProvider> providers = new ArrayList<>();
        for (String id : ids) {
            if (disabled.contains(id)) {
                LOG.info("Search provider '{}' is disabled", id);
                continue;
            }
            providers.add(make(found.get(id), contexts.apply(id)));
        }
        LOG.info("Search providers: {}", providers.stream().map(SourceProvider::id).toList());
        return List.copyOf(providers);
    }

    private static Map<String, SourceProviderFactory> discover(ClassLoader loader) {
        Map<String, SourceProviderFactory> found = new LinkedHashMap<>();
        Iterator<SourceProviderFactory> factories = ServiceLoader.load(SourceProviderFactory.class, loader).iterator();
        while (true) {
            SourceProviderFactory factory;
            try {
                if (!factories.hasNext()) {
                    break;
                }
                factory = factories.next();
            } catch (ServiceConfigurationError broken) {
                // One broken jar must not take the others (or the server) down.
                LOG.warn("A search provider could not be loaded: {}", broken.getMessage());
                continue;
            }
            String id = factory.id();
            if (id == null || id.length() > MAX_ID_CHARS || !ID.matcher(id).matches()) {
                LOG.warn("Search provider {} has an invalid id '{}'; it is left out", factory.getClass().getName(), id);
            } else if (found.putIfAbsent(id, factory) != null) {
                LOG.warn("Two search providers are named '{}'; {} is left out", id, factory.getClass().getName());
            }
        }
        return found;
    }

    private static SourceProvider make(SourceProviderFactory factory, ProviderContext context) {
        try {
            SourceProvider provider = factory.create(context);
            if (provider == null || !factory.id().equals(provider.id())) {
                return new Broken(factory.id(), "its factory made a provider with another id");
            }
            return provider;
        } catch (Exception | LinkageError e) {
            LOG.warn("Search provider '{}' could not start", factory.id(), e);
            return new Broken(factory.id(), "it could not start: " + e);
        }
    }

    /** Stands in for a provider that failed to start. */
    record Broken(String id, String reason) implements SourceProvider {
        @Override
        public SearchResult search(String query) {
            return SearchResult.of(List.of());
        }

        @Override
        public Availability availability() {
            return Availability.unavailable(reason);
        }
    }
}
