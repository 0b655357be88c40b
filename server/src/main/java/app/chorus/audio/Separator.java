package app.chorus.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * Splits a song into a vocal and an accompaniment stem, encoded for browsers. The built-in
 * implementation is {@link StemSplitter}; an external one (Demucs) can stand in its place.
 */
public interface Separator {
    /** Writes the stems into {@code workDir}; {@code progress} hears 0 to 1; an interrupt stops it. */
    StemSplitter.Stems split(Path original, Path workDir, DoubleConsumer progress) throws IOException, InterruptedException;
}
