package app.chorus.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks the search settings ({@link Config.Search}). */
final class SearchSettings {
    private static final String PROVIDER_ID = "[a-z0-9]+(-[a-z0-9]+)*";

    private SearchSettings() {
    }

    static Config.Search read(Values values, Path dataDir) {
        List<String> order = ids(values, "search-providers", true);
        if (order.isEmpty()) {
            throw values.invalid("search-providers", "must name at least one provider (or *)");
        }
        Set<String> disabled = new LinkedHashSet<>(ids(values, "search-providers-disabled", false));
        String plugins = values.text("plugins-dir");
        String publicUrl = values.text("public-url");
        if (!publicUrl.isEmpty()) {
            URI address;
            try {
                address = URI.create(publicUrl);
            } catch (IllegalArgumentException e) {
                throw values.invalid("public-url", "must be an http(s) address, was '" + publicUrl + "'");
            }
            if (!("http".equals(address.getScheme()) || "https".equals(address.getScheme())) || address.getHost() == null) {
                throw values.invalid("public-url", "must be an http(s) address, was '" + publicUrl + "'");
            }
            publicUrl = publicUrl.replaceAll("/+$", "");
        }
        Map<String, String> providerSettings = new LinkedHashMap<>();
        values.values().forEach((name, value) -> {
            if (name.startsWith(Settings.PROVIDER_PREFIX)) {
                providerSettings.put(name, value.trim());
            }
        });
        return new Config.Search(order, disabled, plugins.isEmpty() ? dataDir.resolve("plugins") : Path.of(plugins),
                values.duration("search-timeout"), values.integer("search-max-query-chars", 1, 10_000),
                values.integer("search-max-results", 1, 200), values.duration("search-cache-ttl"),
                values.integer("search-cache-size", 1, 1_000_000), values.duration("video-url-timeout"),
                values.duration("video-url-ttl"), values.duration("video-url-failure-ttl"),
                values.integer("video-url-cache-size", 1, 10_000_000), publicUrl, providerSettings,
                new Config.Search.YouTube(values.integer("youtube-search-results", 1, 50), values.bool("youtube-karaoke-bias"),
                        values.integer("youtube-max-concurrent", 1, 64), values.integer("youtube-max-height", 144, 4320)));
    }

    private static List<String> ids(Values values, String name, boolean allowAll) {
        List<String> ids = Arrays.stream(values.text(name).split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
        for (String id : ids) {
            if (!(id.matches(PROVIDER_ID) || allowAll && id.equals("*"))) {
                throw values.invalid(name, "'" + id + "' is not a provider id (lower-case letters, digits, dashes)");
            }
        }
        if (new LinkedHashSet<>(ids).size() != ids.size()) {
            throw values.invalid(name, "names a provider twice");
        }
        return ids;
    }
}
