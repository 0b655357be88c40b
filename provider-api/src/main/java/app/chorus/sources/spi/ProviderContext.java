package app.chorus.sources.spi;

import java.time.InstantSource;
import java.util.Optional;

/** What Chorus gives a provider when it is made. */
public interface ProviderContext {

    /**
     * One of the provider's own settings. {@code setting("url")} of provider {@code basic} reads
     * {@code provider.basic.url} from the config file or the command line
     * ({@code --provider.basic.url=...}), or the environment variable {@code CHORUS_PROVIDER_BASIC_URL}.
     */
    Optional<String> setting(String name);

    /**
     * A part of Chorus the provider may use, by type (the built-in providers take the song library
     * this way). Empty when Chorus has no such part.
     */
    <T> Optional<T> service(Class<T> type);

    /** The clock to use for any time the provider computes (injected so tests can move it). */
    InstantSource clock();
}
