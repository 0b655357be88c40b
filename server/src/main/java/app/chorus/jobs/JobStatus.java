package app.chorus.jobs;

import java.util.Locale;

/** A job's state, with the wire names of the Open Karaoke Studio API. */
public enum JobStatus {
    PENDING, DOWNLOADING, PROCESSING, FINALIZING, COMPLETED, FAILED, CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** Claimed by a node and being worked on. */
    public boolean isRunning() {
        return this == DOWNLOADING || this == PROCESSING || this == FINALIZING;
    }

    public static JobStatus fromWireName(String name) {
        for (JobStatus status : values()) {
            if (status.wireName().equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown job status: " + name);
    }
}
