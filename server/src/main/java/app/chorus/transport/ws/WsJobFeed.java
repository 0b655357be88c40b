package app.chorus.transport.ws;

import app.chorus.events.EventBus;
import app.chorus.jobs.Jobs;
import app.chorus.transport.JobJson;
import app.chorus.transport.websocket.OutgoingFrame;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Job events for the /ws clients that asked for them ({@code subscribe_jobs}): each event is
 * encoded once and the same frame goes to every subscriber. Thread-safe.
 */
final class WsJobFeed implements AutoCloseable {
    private final Jobs jobs;
    private final WsFrames frames;
    private final Set<WsConnection> subscribers = ConcurrentHashMap.newKeySet();
    private final AutoCloseable subscription;

    WsJobFeed(Jobs jobs, EventBus events, WsFrames frames) {
        this.jobs = jobs;
        this.frames = frames;
        this.subscription = events.subscribe(Jobs.TOPIC, event -> {
            if (event instanceof Jobs.JobEvent jobEvent && !subscribers.isEmpty()) {
                OutgoingFrame frame = frames.frame(jobEvent.type(), JobJson.of(jobEvent.job()));
                subscribers.forEach(connection -> connection.send(frame));
            }
        });
    }

    /** Adds the client and sends it the jobs not dismissed, newest first, as {@code jobs_list}. */
    void subscribe(WsConnection connection) {
        subscribers.add(connection);
        connection.send(frames.frame("jobs_list", Map.of("jobs",
                jobs.list(null, false).stream().map(JobJson::of).toList())));
    }

    void unsubscribe(WsConnection connection) {
        subscribers.remove(connection);
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
