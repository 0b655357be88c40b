package app.chorus.process;

import java.io.ByteArrayOutputStream;

/**
 * A child's output kept whole in memory, for a program that prints one document (JSON) rather than
 * lines, up to a limit: bytes beyond it are dropped and {@link #overflowed()} turns true, so the
 * caller can stop the child instead of buffering without end. Thread-safe.
 */
public final class BoundedOutput implements OutputSink {
    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean overflowed;

    /** @param limit the most bytes kept */
    public BoundedOutput(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        this.limit = limit;
    }

    @Override
    public synchronized void write(byte[] chunk, int count) {
        long room = limit - bytes.size();
        if (count > room) {
            overflowed = true;
        }
        bytes.write(chunk, 0, (int) Math.max(0, Math.min(count, room)));
    }

    @Override
    public void close() {
        // Nothing to flush: the bytes are already here.
    }

    /** Whether the output went past the limit, so that what is kept is cut short. */
    public synchronized boolean overflowed() {
        return overflowed;
    }

    /** The bytes kept so far. */
    public synchronized byte[] bytes() {
        return bytes.toByteArray();
    }
}
