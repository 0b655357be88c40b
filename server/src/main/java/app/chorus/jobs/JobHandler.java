package app.chorus.jobs;

/**
 * The work of one kind of job. {@link #run} is called on a worker thread and may block; it must
 * stop promptly when cancelled: blocking calls are interrupted, child processes started through
 * {@link JobContext#start} are killed, and loops should call {@link JobContext#checkCancelled}.
 */
public interface JobHandler {
    /** The kind this handler runs (stored with each job). */
    String kind();

    /** Does the work; returns normally when done, throws to fail the job with the exception's message. */
    void run(JobContext context) throws Exception;

    /**
     * Whether a job interrupted by a crash may simply run again from the start. False makes such
     * a job fail with a reason instead.
     */
    default boolean restartable() {
        return true;
    }

    /**
     * Called once the job is finished for good (completed, failed, cancelled, also when it never
     * ran), to release what it held outside its work folder. Retrying a job later is possible only
     * for handlers that keep their input.
     */
    default void ended(Job job) {
    }
}
