package app.chorus.process;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a started process whose output streams into an {@link OutputSink}: usually stderr
 * merged into stdout and read as {@link OutputLines}, or the two kept apart when stdout carries a
 * document. A thread of its own drains each stream, because reading a pipe cannot be interrupted;
 * the caller's thread waits, which can: its interrupt, or anything thrown while it waits, kills the
 * process and every process it started, at once.
 */
public final class ChildProcess {
    private static final Duration TICK = Duration.ofMillis(100);
    /** How long the output may trail the exit; a grandchild that keeps the pipe open is not waited for. */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(5);

    private ChildProcess() {
    }

    /**
     * Returns the exit code once {@code process} ended and its output was read. {@code whileWaiting}
     * runs on the caller's thread every tenth of a second and once at the end.
     */
    public static int await(Process process, OutputSink output, Runnable whileWaiting) throws InterruptedException {
        return await(process, output, null, whileWaiting);
    }

    /**
     * The same for a process started without {@code redirectErrorStream}: its stdout goes to
     * {@code output} and its stderr to {@code errors}, each drained at once, so neither pipe fills
     * up and stalls the child while the other is read.
     */
    public static int await(Process process, OutputSink output, OutputSink errors, Runnable whileWaiting)
            throws InterruptedException {
        try {
            closeInput(process);
            List<Thread> readers = new ArrayList<>(2);
            readers.add(reader("child-output-" + process.pid(), process.getInputStream(), output));
            if (errors != null) {
                readers.add(reader("child-errors-" + process.pid(), process.getErrorStream(), errors));
            }
            while (!process.waitFor(TICK.toMillis(), TimeUnit.MILLISECONDS)) {
                whileWaiting.run();
            }
            long graceEnds = System.nanoTime() + OUTPUT_GRACE.toNanos();
            for (Thread reader : readers) {
                reader.join(Duration.ofNanos(Math.max(0, graceEnds - System.nanoTime())));
            }
            whileWaiting.run();
            return process.exitValue();
        } finally {
            if (process.isAlive()) {
                kill(process);
                awaitDeath(process);
            }
        }
    }

    /** The child reads nothing from us; a closed stdin makes a question it might ask end at once. */
    private static void closeInput(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // Nothing to close.
        }
    }

    private static Thread reader(String name, InputStream in, OutputSink sink) {
        return Thread.ofPlatform().daemon().name(name).start(() -> drain(in, sink));
    }

    private static void drain(InputStream in, OutputSink output) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
                output.write(buffer, count);
            }
        } catch (IOException closedByKill) {
            // The process was killed: what it said so far is all there is.
        } finally {
            output.close();
        }
    }

    /** Kills the process and its descendants; those are listed first, as a dead parent's children are no longer its own. */
    private static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** A killed process is gone within milliseconds; waiting for it keeps its files from changing after we return. */
    private static void awaitDeath(Process process) {
        boolean interrupted = Thread.interrupted();
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
