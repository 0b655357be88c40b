package app.chorus.process;

/**
 * Where the bytes of one of a child's output streams go as {@link ChildProcess} reads them. One
 * reader thread writes, then closes; another thread may look at what arrived, so implementations
 * must be thread-safe.
 */
public interface OutputSink {

    /** The next {@code count} bytes of the stream. */
    void write(byte[] bytes, int count);

    /** The stream ended (the child exited, or was killed). */
    void close();
}
