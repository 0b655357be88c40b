package app.chorus.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-node event bus: subscribers are called on the publishing thread, so one publisher's
 * events arrive in order. A subscriber must not block (transports queue and return). A failing
 * subscriber is logged and does not stop the others. Thread-safe.
 */
public final class InProcessEventBus implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessEventBus.class);

    private final Map<String, List<Consumer<Object>>> subscribers = new ConcurrentHashMap<>();

    @Override
    public void publish(String topic, Object event) {
        for (Consumer<Object> subscriber : subscribers.getOrDefault(topic, List.of())) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A subscriber of {} failed", topic, e);
            }
        }
    }

    @Override
    public AutoCloseable subscribe(String topic, Consumer<Object> subscriber) {
        List<Consumer<Object>> list = subscribers.computeIfAbsent(topic, name -> new CopyOnWriteArrayList<>());
        list.add(subscriber);
        return () -> list.remove(subscriber);
    }
}
