package app.chorus.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jars of the plugins folder, as a class loader over Chorus's own: Chorus runs as
 * {@code java -jar}, whose class path cannot be extended, so a provider jar is dropped into this
 * folder instead. Without jars it is Chorus's own class loader.
 */
final class PluginJars implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginJars.class);

    private final ClassLoader loader;
    private final List<Path> jars;

    PluginJars(Path folder, ClassLoader parent) {
        this.jars = jars(folder);
        if (jars.isEmpty()) {
            loader = parent;
            return;
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
        LOG.info("Loading plugins from {}: {}", folder, jars.stream().map(jar -> jar.getFileName().toString()).toList());
        loader = new URLClassLoader("chorus-plugins", urls.toArray(URL[]::new), parent);
    }

    ClassLoader loader() {
        return loader;
    }

    List<Path> jars() {
        return jars;
    }

    private static List<Path> jars(Path folder) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    found.add(file.toAbsolutePath());
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the plugins folder {}", folder, e);
        }
        found.sort(null);
        return found;
    }

    @Override
    public void close() {
        if (loader instanceof URLClassLoader plugins) {
            try {
                plugins.close();
            } catch (IOException e) {
                LOG.debug("Closing the plugin class loader", e);
            }
        }
    }
}
