package app.chorus.jobs;

/** No job has this id. */
public final class JobNotFound extends RuntimeException {
    public JobNotFound(String id) {
        super("Job not found: " + id, null, false, false);
    }
}
