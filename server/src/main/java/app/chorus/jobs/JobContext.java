package app.chorus.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a running handler sees of its job: its input, a private work folder, progress reporting
 * and cancellation. Progress is kept here and written out by the runner at most every quarter
 * second (the latest report wins), so a handler may report as often as it likes; a change of
 * status (downloading, processing, finalizing) is written out at once.
 * Used by the handler's thread; cancellation and flushing come from the runner's threads.
 */
public final class JobContext {
    private final Job job;
    private final Path workDir;
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private Thread worker;

    // Guarded by this.
    private JobStatus status = JobStatus.PROCESSING;
    private int progress;
    private String message;
    private boolean dirty;

    private final Describer describer;

    /** Records which song a job is about, once the handler knows. */
    @FunctionalInterface
    interface Describer {
        void describe(JobContext context, String songId, String title, String artist);
    }

    private final java.util.function.Consumer<JobContext> statusChanged;

    /** {@code statusChanged} hears a new status at once (progress within a status waits for the next flush). */
    JobContext(Job job, Path workDir, Describer describer, java.util.function.Consumer<JobContext> statusChanged) {
        this.job = job;
        this.workDir = workDir;
        this.describer = describer;
        this.statusChanged = statusChanged;
    }

    /** Tells people which song this job turned out to be about (shown with the job). */
    public void describe(String songId, String title, String artist) {
        describer.describe(this, songId, title, artist);
    }

    /** The job as it was claimed. */
    public Job job() {
        return job;
    }

    /** The handler's input, as given when the job was queued. */
    public String payload() {
        return job.payload();
    }

    /** A folder only this job uses; removed with everything in it when the job ends, however it ends. */
    public Path workDir() throws IOException {
        return Files.createDirectories(workDir);
    }

    /**
     * Reports where the job is: a running status (downloading, processing, finalizing), 0-100
     * (clamped; never goes backwards within a status) and a message for people.
     */
    public void progress(JobStatus newStatus, int percent, String newMessage) {
        if (!newStatus.isRunning()) {
            throw new IllegalArgumentException("A handler reports a running status, not " + newStatus);
        }
        checkCancelled();
        int clamped = Math.max(0, Math.min(100, percent));
        boolean changed;
        synchronized (this) {
            changed = newStatus != status;
            if (changed) {
                status = newStatus;
                progress = clamped;
            } else {
                progress = Math.max(progress, clamped);
            }
            message = newMessage;
            dirty = true;
        }
        if (changed) {
            // A new stage is news people wait for: it goes out now, not with the next coalesced flush.
            statusChanged.accept(this);
        }
    }

    /** Throws {@link JobCancelled} once the job was cancelled; long loops call this between steps. */
    public void checkCancelled() {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new JobCancelled();
        }
    }

    /** Starts a child process that is killed (with its descendants) if the job is cancelled. */
    public Process start(ProcessBuilder builder) throws IOException {
        checkCancelled();
        Process process = builder.start();
        processes.add(process);
        if (cancelled) {
            kill(process);
            throw new JobCancelled();
        }
        return process;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** The thread running the handler; null once it returned, so later interrupts miss the runner's bookkeeping. */
    synchronized void bindWorker(Thread thread) {
        worker = thread;
    }

    /** Stops the job now: the flag for loops, an interrupt for blocking calls, a kill for child processes. */
    void cancel() {
        cancelled = true;
        interruptForShutdown();
    }

    /** Stops the work without cancelling the job (the server is stopping; the job is queued again). */
    void interruptForShutdown() {
        synchronized (this) {
            if (worker != null) {
                worker.interrupt();
            }
        }
        processes.forEach(JobContext::kill);
    }

    /** The progress reported since the last call, or null when there is none. */
    synchronized Snapshot takeDirty() {
        if (!dirty) {
            return null;
        }
        dirty = false;
        return new Snapshot(status, progress, message);
    }

    synchronized Snapshot current() {
        return new Snapshot(status, progress, message);
    }

    record Snapshot(JobStatus status, int progress, String message) {
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
