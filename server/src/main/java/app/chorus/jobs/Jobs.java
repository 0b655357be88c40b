package app.chorus.jobs;

import app.chorus.events.EventBus;
import app.chorus.files.Folders;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable background jobs: the feature's entry point. Jobs are rows in the database, which is
 * also the queue; this node runs up to {@code maxConcurrent} of them at once, oldest first,
 * starting one as soon as it is queued. Every change is published on the event bus (topic
 * {@link #TOPIC}) as {@code job_created}, {@code job_updated}, {@code job_completed},
 * {@code job_failed} or {@code job_cancelled}; progress at most every {@value #FLUSH_MILLIS} ms
 * per job. A job whose node died (no heartbeat for a lease) is run again from the start, or
 * failed with the reason when its handler cannot restart or it ran out of attempts; its work
 * folder is removed either way. Thread-safe.
 */
public final class Jobs implements AutoCloseable {
    /** A cancelled job's error, as the original's REST cancel sets it (its front end shows the error). */
    static final String CANCELLED_BY_USER = "Cancelled by user";
    public static final String TOPIC = "jobs";
    static final long FLUSH_MILLIS = 250;
    /** How often an idle worker looks for jobs that other nodes queued. */
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    /** One change of one job, as published. */
    public record JobEvent(String type, Job job) {
    }

    private final JobRepository repository;
    private final EventBus events;
    private final InstantSource clock;
    private final Path workRoot;
    private final JobSettings settings;
    private final Map<String, JobHandler> handlers;
    private final boolean singleNode;
    private final String node = "node-" + UUID.randomUUID();
    private final Map<String, JobContext> running = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastCreated = new AtomicReference<>(Instant.EPOCH);
    private final Object wakeUp = new Object();
    /** Counts wake-up calls, so a worker that was busy when one came does not then sleep through it. */
    private long wakeUps;
    private final List<Thread> workers = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("jobs-ticker").daemon().factory());
    private volatile boolean stopping;

    /**
     * @param singleNode true when no other node can run jobs on this database (SQLite): jobs left
     *                   running at start-up are taken over at once instead of after a lease
     */
    public Jobs(JobRepository repository, EventBus events, InstantSource clock, Path workRoot, JobSettings settings,
                List<JobHandler> handlers, boolean singleNode) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.workRoot = workRoot;
        this.settings = settings;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(JobHandler::kind, Function.identity()));
        this.singleNode = singleNode;
    }

    /** Takes over jobs a previous run left behind, then starts the workers. Call once. */
    public void start() {
        recoverOrphans(singleNode ? null : now().minus(settings.lease()));
        removeStaleWorkFolders();
        for (int index = 0; index < settings.maxConcurrent(); index++) {
            Thread worker = Thread.ofVirtual().name("job-worker-" + index).unstarted(this::work);
            workers.add(worker);
            worker.start();
        }
        ticker.scheduleAtFixedRate(this::flushProgress, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        long maintenance = Math.max(1_000, settings.lease().toMillis() / 3);
        ticker.scheduleAtFixedRate(this::maintain, maintenance, maintenance, TimeUnit.MILLISECONDS);
    }

    /** Queues a job; it starts within moments when a worker is free. */
    public Job enqueue(JobRequest request) {
        if (!handlers.containsKey(request.kind())) {
            throw new IllegalArgumentException("No handler for jobs of kind " + request.kind());
        }
        Instant created = lastCreated.accumulateAndGet(now(), (last, current) -> current.isAfter(last) ? current : last.plusMillis(1));
        Job job = new Job(UUID.randomUUID().toString(), request.kind(), request.filename(), JobStatus.PENDING, 0, "Queued",
                request.songId(), request.title(), request.artist(), request.payload(), request.notes(), null, false, false,
                0, null, null, created, null, null);
        repository.insert(job);
        publish("job_created", job);
        wake();
        return job;
    }

    public Optional<Job> find(String id) {
        return repository.find(id);
    }

    /** Newest first; {@code status} null for all. */
    public List<Job> list(JobStatus status, boolean includeDismissed) {
        return repository.list(status, includeDismissed);
    }

    /** How many jobs are in each status. */
    public Map<JobStatus, Integer> summary() {
        return repository.countByStatus();
    }

    /**
     * Cancels a queued job at once, or stops a running one (here at once; on another node within
     * a third of the lease). A finished job cannot be cancelled.
     */
    public Job cancel(String id) {
        Job job = repository.find(id).orElseThrow(() -> new JobNotFound(id));
        if (job.status() == JobStatus.PENDING && repository.cancelPending(id, now())) {
            Job cancelled = repository.find(id).orElseThrow();
            publish("job_cancelled", cancelled);
            ended(cancelled);
            return cancelled;
        }
        if (repository.requestCancel(id)) {
            JobContext context = running.get(id);
            if (context != null) {
                context.cancel();
            }
            return repository.find(id).orElseThrow();
        }
        Job now = repository.find(id).orElseThrow();
        throw new JobConflict("Cannot cancel job with status " + now.status().wireName());
    }

    /** Queues a failed or cancelled job again, from the start. */
    public Job retry(String id) {
        Job job = repository.find(id).orElseThrow(() -> new JobNotFound(id));
        if (!repository.retry(id, now())) {
            throw new JobConflict("Cannot retry job with status " + job.status().wireName());
        }
        Job queued = repository.find(id).orElseThrow();
        publish("job_updated", queued);
        wake();
        return queued;
    }

    /** Hides a finished job from lists; publishes its final event again, now with dismissed true. */
    public Job dismiss(String id) {
        Job job = repository.find(id).orElseThrow(() -> new JobNotFound(id));
        if (!repository.dismiss(id)) {
            throw new JobConflict("Cannot dismiss job with status " + job.status().wireName());
        }
        Job dismissed = repository.find(id).orElseThrow();
        publish(terminalEvent(dismissed.status()), dismissed);
        return dismissed;
    }

    /** Stops the workers; jobs running here go back to the queue for the next start. */
    @Override
    public void close() {
        stopping = true;
        ticker.shutdownNow();
        wake();
        running.values().forEach(JobContext::interruptForShutdown);
        for (Thread worker : workers) {
            try {
                if (!worker.join(Duration.ofSeconds(10))) {
                    LOG.warn("Job worker {} did not stop within 10 s", worker.getName());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void wake() {
        synchronized (wakeUp) {
            wakeUps++;
            wakeUp.notifyAll();
        }
    }

    private void work() {
        while (!stopping) {
            long seen;
            synchronized (wakeUp) {
                seen = wakeUps;
            }
            Optional<Job> claimed;
            try {
                claimed = repository.claimNext(node, now());
            } catch (RuntimeException e) {
                LOG.error("Could not claim a job", e);
                claimed = Optional.empty();
            }
            if (claimed.isPresent()) {
                run(claimed.get());
                continue;
            }
            synchronized (wakeUp) {
                try {
                    if (wakeUps == seen && !stopping) {
                        wakeUp.wait(POLL.toMillis());
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void run(Job job) {
        JobContext context = new JobContext(job, workRoot.resolve(job.id()), this::describe, this::flush);
        context.bindWorker(Thread.currentThread());
        running.put(job.id(), context);
        if (stopping) {
            // close() may have looked at the running jobs just before this one joined them.
            context.interruptForShutdown();
        }
        publish("job_updated", job);
        JobStatus outcome;
        String error = null;
        try {
            JobHandler handler = handlers.get(job.kind());
            if (handler == null) {
                throw new IllegalStateException("No handler for jobs of kind " + job.kind() + " on this server");
            }
            handler.run(context);
            context.checkCancelled();
            outcome = JobStatus.COMPLETED;
        } catch (Exception | LinkageError failure) {
            if (context.isCancelled()) {
                outcome = JobStatus.CANCELLED;
                error = CANCELLED_BY_USER;
            } else if (stopping) {
                outcome = null;
            } else {
                outcome = JobStatus.FAILED;
                error = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
                LOG.info("Job {} ({}) failed: {}", job.id(), job.kind(), error, failure);
            }
        } finally {
            context.bindWorker(null);
            // An interrupt that reached the handler too late must not hit the bookkeeping below.
            Thread.interrupted();
            running.remove(job.id());
            removeQuietly(workRoot.resolve(job.id()));
        }
        try {
            record(job, context, outcome, error);
        } catch (RuntimeException e) {
            LOG.error("Could not record the end of job {}; it will be taken over as an orphan", job.id(), e);
        }
    }

    private void record(Job job, JobContext context, JobStatus outcome, String error) {
        if (outcome == null) {
            if (repository.requeue(job.id(), node, "Queued again: the server stopped while it ran")) {
                repository.find(job.id()).ifPresent(requeued -> publish("job_updated", requeued));
            }
            return;
        }
        JobContext.Snapshot last = context.current();
        int progress = outcome == JobStatus.COMPLETED ? 100 : last.progress();
        String message = switch (outcome) {
            // A handler's last word stays (an import says "Processing complete", as the original does).
            case COMPLETED -> last.message() != null ? last.message() : "Done";
            case CANCELLED -> "Cancelled";
            default -> "Failed";
        };
        String event = terminalEvent(outcome);
        if (repository.finish(job.id(), node, outcome, progress, message, error, now())) {
            repository.find(job.id()).ifPresent(finished -> {
                publish(event, finished);
                ended(finished);
            });
        }
    }

    /** Writes and publishes the progress handlers reported since the last tick. */
    private void flushProgress() {
        running.values().forEach(this::flush);
    }

    /**
     * Writes the progress reported since the last write, if any; true when it did. One context's
     * writes never overlap, so a newer report is never overwritten by an older one.
     */
    private boolean writeProgress(String id, JobContext context) {
        synchronized (context) {
            JobContext.Snapshot snapshot = context.takeDirty();
            return snapshot != null && repository.progress(id, node, snapshot.status(), snapshot.progress(),
                    snapshot.message(), now());
        }
    }

    /**
     * Writes and publishes one job's pending progress, if any: every tick, and at once when the
     * job moved to another stage.
     */
    private void flush(JobContext context) {
        String id = context.job().id();
        try {
            if (writeProgress(id, context)) {
                repository.find(id).ifPresent(job -> publish("job_updated", job));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not save the progress of job {}", id, e);
        }
    }

    /** Records the song a running job is about, with its latest progress, in one published update. */
    private void describe(JobContext context, String songId, String title, String artist) {
        String id = context.job().id();
        writeProgress(id, context);
        repository.describe(id, songId, title, artist);
        repository.find(id).ifPresent(described -> publish("job_updated", described));
    }

    /** Heartbeats for the jobs here, cancellations asked for on other nodes, and other nodes' orphans. */
    private void maintain() {
        try {
            repository.heartbeat(node, now());
            for (String id : repository.cancelRequested(List.copyOf(running.keySet()))) {
                JobContext context = running.get(id);
                if (context != null) {
                    context.cancel();
                }
            }
            recoverOrphans(now().minus(settings.lease()));
        } catch (RuntimeException e) {
            LOG.warn("Job maintenance failed", e);
        }
    }

    private void recoverOrphans(Instant staleBefore) {
        for (Job orphan : repository.orphans(staleBefore)) {
            if (running.containsKey(orphan.id())) {
                continue;
            }
            JobHandler handler = handlers.get(orphan.kind());
            boolean requeue = handler != null && handler.restartable() && orphan.attempts() < settings.maxAttempts();
            String reason = requeue
                    ? "Queued again: its run was interrupted (server stopped or crashed)"
                    : "Interrupted (server stopped or crashed)"
                            + (handler != null && handler.restartable() ? " after " + orphan.attempts() + " attempts" : "")
                            + " and cannot be restarted";
            if (repository.recover(orphan, requeue, reason, now())) {
                removeQuietly(workRoot.resolve(orphan.id()));
                repository.find(orphan.id()).ifPresent(job -> {
                    publish(requeue ? "job_updated" : "job_failed", job);
                    if (!requeue) {
                        ended(job);
                    }
                });
                LOG.info("Job {} ({}) was orphaned: {}", orphan.id(), orphan.kind(), reason);
            }
        }
        if (staleBefore == null) {
            wake();
        }
    }

    /** Work folders of jobs that are not running any more (left by a crash). */
    private void removeStaleWorkFolders() {
        if (!Files.isDirectory(workRoot)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(workRoot)) {
            for (Path folder : folders) {
                String id = folder.getFileName().toString();
                boolean stillRunning = repository.find(id).map(job -> job.status().isRunning()).orElse(false);
                if (!stillRunning) {
                    removeQuietly(folder);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not clean the job work folders in {}", workRoot, e);
        }
    }

    /** Lets the job's handler release what the job held outside its work folder (a staged upload). */
    private void ended(Job job) {
        JobHandler handler = handlers.get(job.kind());
        if (handler == null) {
            return;
        }
        try {
            handler.ended(job);
        } catch (RuntimeException e) {
            LOG.warn("Clean-up after job {} failed", job.id(), e);
        }
    }

    private void publish(String type, Job job) {
        events.publish(TOPIC, new JobEvent(type, job));
    }

    private static String terminalEvent(JobStatus status) {
        return switch (status) {
            case COMPLETED -> "job_completed";
            case FAILED -> "job_failed";
            case CANCELLED -> "job_cancelled";
            default -> "job_updated";
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void removeQuietly(Path folder) {
        try {
            Folders.delete(folder);
        } catch (IOException e) {
            LOG.warn("Could not remove job folder {}", folder, e);
        }
    }
}
