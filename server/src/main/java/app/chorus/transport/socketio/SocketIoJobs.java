package app.chorus.transport.socketio;

import app.chorus.events.EventBus;
import app.chorus.jobs.Jobs;
import app.chorus.transport.JobJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import java.util.Map;

/**
 * The {@code /jobs} namespace of the Open Karaoke Studio protocol (protocols/oks-socketio.md
 * section 2): clients subscribe to room {@code jobs_updates}, get the job list on request, and
 * every job event on the bus is broadcast to the room with the same Job JSON as /ws and
 * /api/jobs. A client that sends an acknowledgement callback gets it called with the payload of
 * the reply event. No job logic here: only {@link Jobs#list} and the event bus.
 *
 * <p>Thread safety: event handlers run under the {@link EngineLock} (the engine calls them);
 * job events are queued on the publisher's thread and broadcast from the {@link Outbox}.
 */
final class SocketIoJobs implements AutoCloseable {
    static final String NAMESPACE = "/jobs";
    static final String ROOM = "jobs_updates";

    private final Jobs jobs;
    private final SocketAuthenticator authenticator;
    private final ObjectMapper json;
    private final AutoCloseable subscription;

    SocketIoJobs(SocketIoServer server, Outbox outbox, Jobs jobs, EventBus events, ObjectMapper json,
                 SocketAuthenticator authenticator) {
        this.jobs = jobs;
        this.authenticator = authenticator;
        this.json = json;
        SocketIoNamespace namespace = server.namespace(NAMESPACE);
        namespace.on("connection", arguments -> onConnect((SocketIoSocket) arguments[0]));
        this.subscription = events.subscribe(Jobs.TOPIC, event -> {
            if (event instanceof Jobs.JobEvent jobEvent) {
                // The event type is the wire name (job_created, job_updated, job_completed, ...).
                JsonText job = JsonText.of(json, JobJson.of(jobEvent.job()));
                outbox.post(() -> namespace.broadcast(ROOM, jobEvent.type(), job));
            }
        });
    }

    private void onConnect(SocketIoSocket socket) {
        if (SocketToken.admit(socket, authenticator).isEmpty()) {
            return;
        }
        socket.send("connected", status("connected"));
        socket.on("subscribe_to_jobs", arguments -> {
            socket.joinRoom(ROOM);
            JsonText subscribed = status("subscribed to job updates");
            socket.send("subscribed", subscribed);
            socket.send("jobs_list", jobsList());
            acknowledge(arguments, subscribed);
        });
        socket.on("request_jobs_list", arguments -> {
            JsonText list = jobsList();
            socket.send("jobs_list", list);
            acknowledge(arguments, list);
        });
        socket.on("unsubscribe_from_jobs", arguments -> {
            socket.leaveRoom(ROOM);
            JsonText unsubscribed = status("unsubscribed from job updates");
            socket.send("unsubscribed", unsubscribed);
            acknowledge(arguments, unsubscribed);
        });
    }

    /** The jobs not dismissed, newest first (the order {@link Jobs#list} keeps). */
    private JsonText jobsList() {
        return JsonText.of(json, Map.of("jobs", jobs.list(null, false).stream().map(JobJson::of).toList()));
    }

    private JsonText status(String status) {
        return JsonText.of(json, Map.of("status", status));
    }

    /** socket.io-server passes the client's acknowledgement callback, if any, as the last argument. */
    private static void acknowledge(Object[] arguments, JsonText payload) {
        if (arguments.length > 0
                && arguments[arguments.length - 1] instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback ack) {
            ack.sendAcknowledgement(payload);
        }
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
