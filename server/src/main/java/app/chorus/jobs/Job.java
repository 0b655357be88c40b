package app.chorus.jobs;

import java.time.Instant;

/**
 * A background job: what it is ({@code kind}, its {@code payload} for the handler), where it is
 * (status, progress, message), what it is about (song, title, artist) and its history. Immutable.
 *
 * @param notes     a JSON text shown to users beside the status (the OKS front end shows it)
 * @param attempts  how many times a node started it
 * @param claimedBy the node running it, while it runs
 */
public record Job(String id, String kind, String filename, JobStatus status, int progress, String statusMessage,
                  String songId, String title, String artist, String payload, String notes, String error,
                  boolean dismissed, boolean cancelRequested, int attempts, String claimedBy, Instant heartbeatAt,
                  Instant createdAt, Instant startedAt, Instant completedAt) {
}
