package app.chorus.sources;

import app.chorus.config.Settings;
import app.chorus.sources.spi.ProviderContext;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/** What a provider is made with: its own settings, Chorus's parts by type, the clock. */
record HostContext(String id, Map<String, String> settings, Map<Class<?>, Object> services, InstantSource clock)
        implements ProviderContext {
    @Override
    public Optional<String> setting(String name) {
        String value = settings.get(Settings.providerKey(
                Settings.PROVIDER_PREFIX + id + "-" + name));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        Object service = services.get(type);
        return type.isInstance(service) ? Optional.of(type.cast(service)) : Optional.empty();
    }
}
