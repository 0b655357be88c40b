package app.chorus.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.chorus.config.Config;
import app.chorus.events.InProcessEventBus;
import app.chorus.persistence.Database;
import app.chorus.files.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job runner on a real SQLite database with real handlers: start latency, order and
 * concurrency, progress events, cancel (with a real child process), failure and retry, dismiss,
 * and what happens to jobs a crash or a stop left behind.
 */
class JobsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Path folder;
    private static Database database;
    private static JobRepository repository;

    private final InProcessEventBus events = new InProcessEventBus();
    private final List<Jobs.JobEvent> published = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final AtomicReference<Process> child = new AtomicReference<>();
    private final AtomicReference<Path> lastWorkDir = new AtomicReference<>();
    private Path workRoot;
    private Jobs jobs;

    /** Reports progress 10..90 and finishes. */
    private final JobHandler quick = handler("quick", context -> {
        for (int percent = 10; percent < 100; percent += 10) {
            context.progress(JobStatus.PROCESSING, percent, "step " + percent);
        }
    });
    /** Writes a file to its work folder and waits until its gate (named by the payload) opens. */
    private final JobHandler gated = handler("gated", context -> {
        Path workDir = context.workDir();
        lastWorkDir.set(workDir);
        Files.writeString(workDir.resolve("partial.tmp"), "half done");
        context.progress(JobStatus.DOWNLOADING, 5, "waiting");
        gates.computeIfAbsent(context.payload(), name -> new CountDownLatch(1)).await();
    });
    /** Runs a real child process that would take a minute. */
    private final JobHandler sleeper = handler("sleeper", context -> {
        lastWorkDir.set(context.workDir());
        Files.writeString(context.workDir().resolve("output.part"), "x");
        Process process = context.start(new ProcessBuilder("sleep", "60"));
        child.set(process);
        process.waitFor();
    });
    private final JobHandler failing = handler("failing", context -> {
        throw new IOException("The file is not audio");
    });
    /** Reports progress thousands of times for about a second. */
    private final JobHandler chatty = handler("chatty", context -> {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_000);
        int step = 0;
        while (System.nanoTime() < end) {
            context.progress(JobStatus.PROCESSING, step++ / 100, "step " + step);
            Thread.onSpinWait();
        }
    });
    private final JobHandler notRestartable = new JobHandler() {
        @Override
        public String kind() {
            return "once";
        }

        @Override
        public void run(JobContext context) {
        }

        @Override
        public boolean restartable() {
            return false;
        }
    };

    @BeforeAll
    static void openDatabase() throws IOException {
        folder = Files.createTempDirectory("chorus-jobs");
        database = Database.open(new Config.Database("jdbc:sqlite:" + folder.resolve("jobs.db"), "", "", 1));
        repository = new JobRepository(database.jdbi());
    }

    @AfterAll
    static void closeDatabase() throws IOException {
        database.close();
        Folders.delete(folder);
    }

    @BeforeEach
    void subscribe() throws IOException {
        workRoot = Files.createTempDirectory(folder, "work");
        events.subscribe(Jobs.TOPIC, event -> published.add((Jobs.JobEvent) event));
    }

    @AfterEach
    void stop() {
        gates.values().forEach(CountDownLatch::countDown);
        if (jobs != null) {
            jobs.close();
        }
        Process process = child.get();
        if (process != null) {
            process.destroyForcibly();
        }
        database.jdbi().useHandle(handle -> handle.execute("DELETE FROM jobs"));
    }

    private Jobs start(int workers, Duration lease, boolean singleNode) {
        jobs = new Jobs(repository, events, InstantSource.system(), workRoot, new JobSettings(workers, lease, 3),
                List.of(quick, gated, sleeper, failing, chatty, notRestartable), singleNode);
        jobs.start();
        return jobs;
    }

    private static JobRequest request(String kind, String payload) {
        return new JobRequest(kind, payload, "original.mp3", "{\"source\": \"test\"}", null, "Title", "Artist");
    }

    private JobStatus status(String id) {
        return repository.find(id).orElseThrow().status();
    }

    private List<String> eventTypes(String id) {
        return published.stream().filter(event -> event.job().id().equals(id)).map(Jobs.JobEvent::type).toList();
    }

    private void open(String gate) {
        gates.computeIfAbsent(gate, name -> new CountDownLatch(1)).countDown();
    }

    @Test
    void aQueuedJobStartsWithinASecondAndCompletesWithItsEventsPublished() {
        start(1, Duration.ofSeconds(30), true);

        Job queued = jobs.enqueue(request("quick", "{}"));

        assertThat(queued.status()).isEqualTo(JobStatus.PENDING);
        await().atMost(Duration.ofSeconds(1)).until(() -> repository.find(queued.id()).orElseThrow().startedAt() != null);
        await().atMost(WAIT).until(() -> status(queued.id()) == JobStatus.COMPLETED);
        Job done = repository.find(queued.id()).orElseThrow();
        assertThat(Duration.between(done.createdAt(), done.startedAt())).isLessThan(Duration.ofSeconds(1));
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.completedAt()).isNotNull();
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.claimedBy()).isNull();
        List<String> types = eventTypes(queued.id());
        assertThat(types.getFirst()).isEqualTo("job_created");
        assertThat(types.getLast()).isEqualTo("job_completed");
        assertThat(types).contains("job_updated");
    }

    @Test
    void withOneWorkerJobsRunOneAtATimeInTheOrderTheyWereQueued() {
        start(1, Duration.ofSeconds(30), true);
        Job first = jobs.enqueue(request("gated", "first"));
        Job second = jobs.enqueue(request("gated", "second"));

        await().atMost(WAIT).until(() -> status(first.id()) == JobStatus.DOWNLOADING);
        assertThat(status(second.id())).isEqualTo(JobStatus.PENDING);

        open("first");
        await().atMost(WAIT).until(() -> status(first.id()) == JobStatus.COMPLETED);
        await().atMost(WAIT).until(() -> status(second.id()).isRunning());
        open("second");
        await().atMost(WAIT).until(() -> status(second.id()) == JobStatus.COMPLETED);
        assertThat(repository.find(second.id()).orElseThrow().startedAt())
                .isAfterOrEqualTo(repository.find(first.id()).orElseThrow().completedAt());
    }

    @Test
    void twoWorkersRunTwoJobsAtOnce() {
        start(2, Duration.ofSeconds(30), true);
        Job first = jobs.enqueue(request("gated", "a"));
        Job second = jobs.enqueue(request("gated", "b"));

        await().atMost(WAIT).until(() -> status(first.id()).isRunning() && status(second.id()).isRunning());
    }

    @Test
    void cancellingARunningJobKillsItsChildProcessAndRemovesItsFiles() {
        start(1, Duration.ofSeconds(30), true);
        Job job = jobs.enqueue(request("sleeper", "{}"));
        await().atMost(WAIT).until(() -> child.get() != null && child.get().isAlive());
        Path workDir = lastWorkDir.get();
        assertThat(workDir.resolve("output.part")).exists();

        jobs.cancel(job.id());

        await().atMost(Duration.ofSeconds(3)).until(() -> status(job.id()) == JobStatus.CANCELLED);
        await().atMost(Duration.ofSeconds(3)).until(() -> !child.get().isAlive());
        assertThat(workDir).doesNotExist();
        assertThat(eventTypes(job.id())).last().isEqualTo("job_cancelled");
        assertThatThrownBy(() -> jobs.cancel(job.id())).isInstanceOf(JobConflict.class)
                .hasMessage("Cannot cancel job with status cancelled");
    }

    @Test
    void cancellingAQueuedJobMeansItNeverRuns() {
        start(1, Duration.ofSeconds(30), true);
        Job blocker = jobs.enqueue(request("gated", "blocker"));
        Job queued = jobs.enqueue(request("quick", "{}"));
        await().atMost(WAIT).until(() -> status(blocker.id()).isRunning());

        Job cancelled = jobs.cancel(queued.id());
        open("blocker");

        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        await().atMost(WAIT).until(() -> status(blocker.id()) == JobStatus.COMPLETED);
        Job after = repository.find(queued.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(after.startedAt()).isNull();
        assertThat(after.attempts()).isZero();
    }

    @Test
    void aFailingHandlerFailsTheJobWithItsMessageAndRetryRunsItAgain() {
        start(1, Duration.ofSeconds(30), true);
        Job job = jobs.enqueue(request("failing", "{}"));

        await().atMost(WAIT).until(() -> status(job.id()) == JobStatus.FAILED);
        assertThat(repository.find(job.id()).orElseThrow().error()).isEqualTo("The file is not audio");
        assertThat(eventTypes(job.id())).last().isEqualTo("job_failed");

        Job retried = jobs.retry(job.id());
        assertThat(retried.status()).isEqualTo(JobStatus.PENDING);
        assertThat(retried.error()).isNull();
        await().atMost(WAIT).until(() -> repository.find(job.id()).orElseThrow().attempts() == 2
                && status(job.id()) == JobStatus.FAILED);
        assertThatThrownBy(() -> jobs.retry(jobs.enqueue(request("gated", "keep")).id())).isInstanceOf(JobConflict.class);
        assertThatThrownBy(() -> jobs.retry("no-such-job")).isInstanceOf(JobNotFound.class);
    }

    @Test
    void onlyFinishedJobsCanBeDismissedAndDismissingRepeatsTheirLastEvent() {
        start(1, Duration.ofSeconds(30), true);
        Job done = jobs.enqueue(request("quick", "{}"));
        await().atMost(WAIT).until(() -> status(done.id()) == JobStatus.COMPLETED);
        Job running = jobs.enqueue(request("gated", "busy"));
        await().atMost(WAIT).until(() -> status(running.id()) == JobStatus.DOWNLOADING);

        assertThatThrownBy(() -> jobs.dismiss(running.id())).isInstanceOf(JobConflict.class)
                .hasMessageContaining("downloading");
        Job dismissed = jobs.dismiss(done.id());

        assertThat(dismissed.dismissed()).isTrue();
        Jobs.JobEvent last = published.stream().filter(event -> event.job().id().equals(done.id())).toList().getLast();
        assertThat(last.type()).isEqualTo("job_completed");
        assertThat(last.job().dismissed()).isTrue();
        assertThat(jobs.list(null, false)).extracting(Job::id).containsExactly(running.id());
        assertThat(jobs.list(null, true)).extracting(Job::id).containsExactly(running.id(), done.id());
        assertThat(jobs.summary()).containsEntry(JobStatus.COMPLETED, 1).containsEntry(JobStatus.DOWNLOADING, 1);
    }

    @Test
    void progressIsPublishedAtMostAboutFourTimesASecond() {
        start(1, Duration.ofSeconds(30), true);
        Job job = jobs.enqueue(request("chatty", "{}"));

        await().atMost(WAIT).until(() -> status(job.id()) == JobStatus.COMPLETED);

        long updates = eventTypes(job.id()).stream().filter("job_updated"::equals).count();
        // About a second of reports: 4 flushes, plus the update for the start; never thousands.
        assertThat(updates).isBetween(2L, 8L);
    }

    @Test
    void jobsACrashLeftRunningAreRunAgainOrFailedAndTheirFoldersRemoved() throws IOException {
        Job restartable = orphan("quick", 1);
        Job once = orphan("once", 1);
        Job exhausted = orphan("quick", 3);

        start(1, Duration.ofSeconds(30), true);

        await().atMost(WAIT).until(() -> status(restartable.id()) == JobStatus.COMPLETED);
        Job failedOnce = repository.find(once.id()).orElseThrow();
        assertThat(failedOnce.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failedOnce.error()).contains("cannot be restarted");
        Job failedExhausted = repository.find(exhausted.id()).orElseThrow();
        assertThat(failedExhausted.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failedExhausted.error()).contains("after 3 attempts");
        for (Job job : List.of(restartable, once, exhausted)) {
            assertThat(workRoot.resolve(job.id())).doesNotExist();
        }
        assertThat(repository.find(restartable.id()).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void onSeveralNodesAJobIsTakenOverOnlyOnceItsHeartbeatIsOlderThanTheLease() throws IOException {
        Job fresh = orphan("quick", 1, Instant.now());
        Job stale = orphan("quick", 1, Instant.now().minusSeconds(60));

        start(1, Duration.ofSeconds(3), false);

        await().atMost(WAIT).until(() -> status(stale.id()) == JobStatus.COMPLETED);
        assertThat(status(fresh.id())).as("its node may still be alive").isEqualTo(JobStatus.PROCESSING);
        await().atMost(WAIT).until(() -> status(fresh.id()) == JobStatus.COMPLETED);
    }

    @Test
    void stoppingTheServerQueuesItsRunningJobsAgain() {
        start(1, Duration.ofSeconds(30), true);
        Job job = jobs.enqueue(request("sleeper", "{}"));
        await().atMost(WAIT).until(() -> child.get() != null && child.get().isAlive());

        jobs.close();
        jobs = null;

        Job after = repository.find(job.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(JobStatus.PENDING);
        assertThat(after.statusMessage()).contains("server stopped");
        await().atMost(Duration.ofSeconds(3)).until(() -> !child.get().isAlive());
    }

    /** A job row as a dead node leaves it: running, claimed, with a half-written work folder. */
    private Job orphan(String kind, int attempts) throws IOException {
        return orphan(kind, attempts, Instant.now().minusSeconds(5));
    }

    private Job orphan(String kind, int attempts, Instant heartbeat) throws IOException {
        Instant created = Instant.now().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Job job = new Job(java.util.UUID.randomUUID().toString(), kind, "original.mp3", JobStatus.PROCESSING, 40,
                "separating", null, "Title", "Artist", "{}", null, null, false, false, attempts, "node-dead",
                heartbeat.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), created, created.plusSeconds(1), null);
        repository.insert(job);
        Path workDir = Files.createDirectories(workRoot.resolve(job.id()));
        Files.writeString(workDir.resolve("stem.partial"), "half");
        return job;
    }

    private static JobHandler handler(String kind, Work work) {
        return new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void run(JobContext context) throws Exception {
                work.run(context);
            }
        };
    }

    @FunctionalInterface
    private interface Work {
        void run(JobContext context) throws Exception;
    }
}
