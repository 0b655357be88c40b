package app.chorus.jobs;

/** The job's status does not allow what was asked (cancel a finished job, dismiss a running one...). */
public final class JobConflict extends RuntimeException {
    public JobConflict(String message) {
        super(message, null, false, false);
    }
}
