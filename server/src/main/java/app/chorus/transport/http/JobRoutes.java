package app.chorus.transport.http;

import app.chorus.jobs.Job;
import app.chorus.jobs.JobConflict;
import app.chorus.jobs.JobNotFound;
import app.chorus.jobs.JobStatus;
import app.chorus.jobs.Jobs;
import app.chorus.transport.JobJson;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The job routes of the Open Karaoke Studio API (list, get, cancel, dismiss) plus retry and a
 * summary by status. Errors keep the original's {@code {"error": message}} shape. Thread-safe.
 */
final class JobRoutes {
    private final Jobs jobs;

    JobRoutes(Jobs jobs) {
        this.jobs = jobs;
    }

    void register(RouteTable routes) {
        routes.get("/api/jobs", this::list);
        routes.get("/api/jobs/", this::list);
        routes.get("/api/jobs/status", this::summary);
        routes.get("/api/jobs/{id}", this::get);
        routes.post("/api/jobs/{id}/cancel", context -> change(context, jobs::cancel, "Job cancelled"));
        routes.post("/api/jobs/{id}/retry", context -> change(context, jobs::retry, "Job queued again"));
        routes.post("/api/jobs/{id}/dismiss", context -> change(context, jobs::dismiss, "Job dismissed"));
    }

    private void list(Context context) {
        String statusName = context.queryParam("status");
        JobStatus status = null;
        if (statusName != null && !statusName.isBlank()) {
            try {
                status = JobStatus.fromWireName(statusName.trim());
            } catch (IllegalArgumentException e) {
                throw new ApiErrors.BadParameter("status", "status must be one of "
                        + List.of(JobStatus.values()).stream().map(JobStatus::wireName).toList());
            }
        }
        boolean includeDismissed = "true".equalsIgnoreCase(context.queryParam("include_dismissed"));
        context.json(Map.of("jobs", jobs.list(status, includeDismissed).stream().map(JobJson::of).toList()));
    }

    private void summary(Context context) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jobs.summary().forEach((status, count) -> counts.put(status.wireName(), count));
        int active = 0;
        for (JobStatus status : JobStatus.values()) {
            if (!status.isTerminal()) {
                active += counts.getOrDefault(status.wireName(), 0);
            }
        }
        context.json(Map.of("counts", counts, "active", active));
    }

    private void get(Context context) {
        jobs.find(context.pathParam("id")).ifPresentOrElse(job -> context.json(JobJson.of(job)),
                () -> context.status(404).json(Map.of("error", "Job not found")));
    }

    private void change(Context context, Function<String, Job> action, String message) {
        String id = context.pathParam("id");
        try {
            action.apply(id);
            context.json(Map.of("success", true, "message", message, "job_id", id));
        } catch (JobNotFound missing) {
            context.status(404).json(Map.of("error", "Job not found"));
        } catch (JobConflict conflict) {
            context.status(400).json(Map.of("error", conflict.getMessage()));
        }
    }
}
