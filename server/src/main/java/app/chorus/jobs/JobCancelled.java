package app.chorus.jobs;

/** Thrown inside a handler when its job was cancelled; the runner records the cancellation. */
public final class JobCancelled extends RuntimeException {
    JobCancelled() {
        super("Job cancelled", null, false, false);
    }
}
