package app.chorus.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Jobs in the database; also the queue. Every state change is one conditional UPDATE, so two
 * nodes can never both claim a job and a node that lost its claim cannot overwrite the job.
 * Thread-safe.
 */
public final class JobRepository {
    private static final String COLUMNS = """
            id, kind, filename, status, progress, status_message, song_id, title, artist, payload, notes, error,
            dismissed, cancel_requested, attempts, claimed_by, heartbeat_at_ms, created_at_ms, started_at_ms,
            completed_at_ms""";

    private final Jdbi jdbi;

    public JobRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(Job job) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO jobs (" + COLUMNS + ") VALUES (:id, :kind, :filename, "
                        + ":status, :progress, :statusMessage, :songId, :title, :artist, :payload, :notes, :error, :dismissed, "
                        + ":cancelRequested, :attempts, :claimedBy, :heartbeatAt, :createdAt, :startedAt, :completedAt)")
                .bind("id", job.id()).bind("kind", job.kind()).bind("filename", job.filename())
                .bind("status", job.status().wireName()).bind("progress", job.progress())
                .bind("statusMessage", job.statusMessage()).bind("songId", job.songId()).bind("title", job.title())
                .bind("artist", job.artist()).bind("payload", job.payload()).bind("notes", job.notes())
                .bind("error", job.error()).bind("dismissed", job.dismissed()).bind("cancelRequested", job.cancelRequested())
                .bind("attempts", job.attempts()).bind("claimedBy", job.claimedBy()).bind("heartbeatAt", millis(job.heartbeatAt()))
                .bind("createdAt", millis(job.createdAt())).bind("startedAt", millis(job.startedAt()))
                .bind("completedAt", millis(job.completedAt()))
                .execute());
    }

    public Optional<Job> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id = :id")
                .bind("id", id).map((row, context) -> read(row)).findOne());
    }

    /** Newest first; {@code status} null for every status. */
    List<Job> list(JobStatus status, boolean includeDismissed) {
        String where = " WHERE 1 = 1" + (status == null ? "" : " AND status = :status")
                + (includeDismissed ? "" : " AND dismissed = :no");
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery("SELECT " + COLUMNS + " FROM jobs" + where + " ORDER BY created_at_ms DESC, id");
            if (status != null) {
                query.bind("status", status.wireName());
            }
            if (!includeDismissed) {
                query.bind("no", false);
            }
            return query.map((row, context) -> read(row)).list();
        });
    }

    /** Claims the oldest pending job for {@code node}: it becomes processing and its attempt is counted. */
    Optional<Job> claimNext(String node, Instant now) {
        while (true) {
            Optional<String> next = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT id FROM jobs WHERE status = 'pending' ORDER BY created_at_ms, id LIMIT 1")
                    .mapTo(String.class).findOne());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            int claimed = jdbi.withHandle(handle -> handle.createUpdate("""
                            UPDATE jobs SET status = 'processing', claimed_by = :node, heartbeat_at_ms = :now,
                                started_at_ms = :now, attempts = attempts + 1, progress = 0, status_message = NULL
                            WHERE id = :id AND status = 'pending'""")
                    .bind("node", node).bind("now", now.toEpochMilli()).bind("id", next.get()).execute());
            if (claimed == 1) {
                return find(next.get());
            }
            // Another node was quicker (or it was cancelled meanwhile): look again.
        }
    }

    /** Progress of a job this node runs; false when it no longer holds the job. */
    boolean progress(String id, String node, JobStatus status, int progress, String message, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE jobs SET status = :status, progress = :progress, status_message = :message,
                            heartbeat_at_ms = :now
                        WHERE id = :id AND claimed_by = :node AND status IN ('downloading', 'processing', 'finalizing')""")
                .bind("status", status.wireName()).bind("progress", progress).bind("message", message)
                .bind("now", now.toEpochMilli()).bind("id", id).bind("node", node).execute()) == 1;
    }

    /** The song a job turned out to be about (known only once an import has looked at its input). */
    void describe(String id, String songId, String title, String artist) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE jobs SET song_id = :songId, title = :title, artist = :artist WHERE id = :id")
                .bind("songId", songId).bind("title", title).bind("artist", artist).bind("id", id).execute());
    }

    /** Keeps the claims of the jobs this node runs alive. */
    void heartbeat(String node, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE jobs SET heartbeat_at_ms = :now
                        WHERE claimed_by = :node AND status IN ('downloading', 'processing', 'finalizing')""")
                .bind("now", now.toEpochMilli()).bind("node", node).execute());
    }

    /** Ends a job this node runs; false when it no longer holds the job. */
    boolean finish(String id, String node, JobStatus status, int progress, String message, String error, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE jobs SET status = :status, progress = :progress, status_message = :message, error = :error,
                            completed_at_ms = :now, claimed_by = NULL
                        WHERE id = :id AND claimed_by = :node AND status IN ('downloading', 'processing', 'finalizing')""")
                .bind("status", status.wireName()).bind("progress", progress).bind("message", message)
                .bind("error", error).bind("now", now.toEpochMilli()).bind("id", id).bind("node", node).execute()) == 1;
    }

    /** Gives a job this node was running back to the queue (the server is stopping). */
    boolean requeue(String id, String node, String message) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE jobs SET status = 'pending', claimed_by = NULL, started_at_ms = NULL, progress = 0,
                            status_message = :message
                        WHERE id = :id AND claimed_by = :node AND status IN ('downloading', 'processing', 'finalizing')""")
                .bind("message", message).bind("id", id).bind("node", node).execute()) == 1;
    }

    /** Counts of jobs by status (dismissed ones included). */
    java.util.Map<JobStatus, Integer> countByStatus() {
        java.util.Map<JobStatus, Integer> counts = new java.util.EnumMap<>(JobStatus.class);
        for (JobStatus status : JobStatus.values()) {
            counts.put(status, 0);
        }
        jdbi.useHandle(handle -> handle.createQuery("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status")
                .map((row, context) -> java.util.Map.entry(row.getString("status"), row.getInt("n")))
                .forEach(entry -> counts.put(JobStatus.fromWireName(entry.getKey()), entry.getValue())));
        return counts;
    }

    /** Cancels a job that has not started; false when it is no longer pending. */
    boolean cancelPending(String id, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE jobs SET status = 'cancelled', cancel_requested = :yes, completed_at_ms = :now,
                            status_message = 'Cancelled before it started', error = :error
                        WHERE id = :id AND status = 'pending'""")
                .bind("error", Jobs.CANCELLED_BY_USER).bind("yes", true).bind("now", now.toEpochMilli()).bind("id", id).execute()) == 1;
    }

    /** Asks whichever node runs the job to stop it; false when it is not running. */
    boolean requestCancel(String id) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE jobs SET cancel_requested = :yes
                        WHERE id = :id AND status IN ('downloading', 'processing', 'finalizing')""")
                .bind("yes", true).bind("id", id).execute()) == 1;
    }

    /** Ids of running jobs whose cancellation was asked for on any node. */
    List<String> cancelRequested(List<String> running) {
        if (running.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id FROM jobs WHERE cancel_requested = :yes AND id IN (<ids>)")
                .bind("yes", true).bindList("ids", running).mapTo(String.class).list());
    }

    /** Queues a failed or cancelled job again; false when it is in another state. */
    boolean retry(String id, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE jobs SET status = 'pending', progress = 0, status_message = 'Queued again', error = NULL,
                            cancel_requested = :no, dismissed = :no, claimed_by = NULL, started_at_ms = NULL,
                            completed_at_ms = NULL, created_at_ms = :now
                        WHERE id = :id AND status IN ('failed', 'cancelled')""")
                .bind("no", false).bind("now", now.toEpochMilli()).bind("id", id).execute()) == 1;
    }

    boolean dismiss(String id) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE jobs SET dismissed = :yes WHERE id = :id AND status IN ('completed', 'failed', 'cancelled')""")
                .bind("yes", true).bind("id", id).execute()) == 1;
    }

    /** Running jobs whose node stopped sending heartbeats before {@code staleBefore} (or all running jobs, with null). */
    List<Job> orphans(Instant staleBefore) {
        String where = " WHERE status IN ('downloading', 'processing', 'finalizing')"
                + (staleBefore == null ? "" : " AND (heartbeat_at_ms IS NULL OR heartbeat_at_ms < :stale)");
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery("SELECT " + COLUMNS + " FROM jobs" + where);
            if (staleBefore != null) {
                query.bind("stale", staleBefore.toEpochMilli());
            }
            return query.map((row, context) -> read(row)).list();
        });
    }

    /** Takes over an orphan: back to pending (with a note) or failed; false when someone else already did. */
    boolean recover(Job orphan, boolean requeue, String reason, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE jobs SET status = :status, claimed_by = NULL, status_message = :message,
                            error = :error, completed_at_ms = :completed
                        WHERE id = :id AND status = :current AND (claimed_by = :claimedBy OR claimed_by IS NULL)
                            AND (heartbeat_at_ms IS NULL OR heartbeat_at_ms = :heartbeat)""")
                .bind("status", requeue ? "pending" : "failed")
                .bind("message", reason)
                .bind("error", requeue ? null : reason)
                .bind("completed", requeue ? null : now.toEpochMilli())
                .bind("id", orphan.id()).bind("current", orphan.status().wireName())
                .bind("claimedBy", orphan.claimedBy())
                .bind("heartbeat", millis(orphan.heartbeatAt()))
                .execute()) == 1;
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static Job read(ResultSet row) throws SQLException {
        return new Job(row.getString("id"), row.getString("kind"), row.getString("filename"),
                JobStatus.fromWireName(row.getString("status")), row.getInt("progress"), row.getString("status_message"),
                row.getString("song_id"), row.getString("title"), row.getString("artist"), row.getString("payload"),
                row.getString("notes"), row.getString("error"), row.getBoolean("dismissed"),
                row.getBoolean("cancel_requested"), row.getInt("attempts"), row.getString("claimed_by"),
                instant(row, "heartbeat_at_ms"), instant(row, "created_at_ms"), instant(row, "started_at_ms"),
                instant(row, "completed_at_ms"));
    }
}
