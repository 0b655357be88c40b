package app.chorus.sources.spi;

/**
 * Makes a {@link SourceProvider}. This is the type {@link java.util.ServiceLoader} finds: list the
 * factory's class name in {@code META-INF/services/app.chorus.sources.spi.SourceProviderFactory}
 * inside the provider jar, and put the jar in Chorus's plugins folder. A factory needs a public
 * constructor without parameters.
 */
public interface SourceProviderFactory {

    /** The id of the provider this factory makes; the same as {@link SourceProvider#id()}. */
    String id();

    /**
     * Makes the provider, once, at start-up. Only called when configuration enables the provider.
     * Missing settings should give a provider that reports itself unavailable rather than throw;
     * a throw is logged and the provider left out.
     */
    SourceProvider create(ProviderContext context) throws Exception;
}
