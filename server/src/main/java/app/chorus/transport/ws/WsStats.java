package app.chorus.transport.ws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the /ws endpoint for /health. Thread-safe. */
public final class WsStats {
    final LongAdder totalConnections = new LongAdder();
    final LongAdder disconnections = new LongAdder();
    final LongAdder heartbeatTimeouts = new LongAdder();
    final LongAdder slowConsumerDisconnects = new LongAdder();
    final LongAdder refusedConnections = new LongAdder();
    final LongAdder messagesReceived = new LongAdder();
    final LongAdder framesSent = new LongAdder();
    final LongAdder errorsSent = new LongAdder();
    final LongAdder rateLimited = new LongAdder();

    /** The counters by their /health names. */
    public Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("total_connections", totalConnections.sum());
        counters.put("total_disconnections", disconnections.sum());
        counters.put("heartbeat_timeouts", heartbeatTimeouts.sum());
        counters.put("slow_consumer_disconnects", slowConsumerDisconnects.sum());
        counters.put("refused_connections", refusedConnections.sum());
        counters.put("messages_received", messagesReceived.sum());
        counters.put("frames_sent", framesSent.sum());
        counters.put("errors_sent", errorsSent.sum());
        counters.put("rate_limited_messages", rateLimited.sum());
        return counters;
    }
}
