package app.chorus.process;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A program's output as a terminal would show it, cut into segments at '\r' and '\n': each
 * segment goes to a listener as it completes, and the last lines are kept for an error message.
 * A segment ended by '\r' is a redraw (a progress bar) that the next one overwrites, so a bar
 * takes one line of the tail, not hundreds. Thread-safe.
 */
public final class OutputLines implements OutputSink {
    /** Beyond this, a segment without an end is cut, so a runaway line cannot fill the memory. */
    private static final int LONGEST = 4096;

    private final Consumer<String> listener;
    private final int keep;
    private final ByteArrayOutputStream segment = new ByteArrayOutputStream();
    private final Deque<String> tail = new ArrayDeque<>();
    private String current;

    public OutputLines(int keep, Consumer<String> listener) {
        this.keep = keep;
        this.listener = listener;
    }

    @Override
    public synchronized void write(byte[] bytes, int count) {
        for (int index = 0; index < count; index++) {
            byte value = bytes[index];
            if (value == '\n' || value == '\r') {
                end(value == '\n');
            } else {
                if (segment.size() >= LONGEST) {
                    end(false);
                }
                segment.write(value);
            }
        }
    }

    /** The output ended: what was still being written counts as a line. */
    @Override
    public synchronized void close() {
        end(true);
    }

    /** The last lines, oldest first, one per line. */
    public synchronized String tail() {
        List<String> lines = new ArrayList<>(tail);
        if (current != null) {
            lines.add(current);
        }
        return String.join("\n", lines.subList(Math.max(0, lines.size() - keep), lines.size()));
    }

    private void end(boolean newLine) {
        String text = segment.toString(StandardCharsets.UTF_8).stripTrailing();
        segment.reset();
        if (!text.isBlank()) {
            listener.accept(text);
            current = text;
        }
        if (newLine && current != null) {
            tail.addLast(current);
            current = null;
            if (tail.size() > keep) {
                tail.removeFirst();
            }
        }
    }
}
