package app.chorus.audio;

import app.chorus.process.ProcessStarter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * Splits a song into a vocal and an accompaniment stem, encoded for browsers. The built-in
 * implementation is {@link StemSplitter}; an external one ({@link DemucsSeparator}) can stand in its place.
 */
public interface Separator {
    /** Writes the stems into {@code workDir}; {@code progress} hears 0 to 1; an interrupt stops it. */
    StemSplitter.Stems split(Path original, Path workDir, DoubleConsumer progress) throws IOException, InterruptedException;

    /**
     * The same, starting any child process through {@code processes}: a job passes
     * {@code JobContext::start}, so that cancelling the job kills the process too. A separator
     * that starts no process (the built-in one) ignores it.
     */
    default StemSplitter.Stems split(Path original, Path workDir, ProcessStarter processes, DoubleConsumer progress)
            throws IOException, InterruptedException {
        return split(original, workDir, progress);
    }
}
