package app.chorus.events;

import java.util.function.Consumer;

/**
 * Publishes events to whoever subscribed to their topic: in one process by default
 * ({@link InProcessEventBus}); across nodes through Redis later, behind this same interface.
 */
public interface EventBus {
    /** Delivers {@code event} to the topic's current subscribers, in the order of publication. */
    void publish(String topic, Object event);

    /** Subscribes; the returned handle unsubscribes. */
    AutoCloseable subscribe(String topic, Consumer<Object> subscriber);
}
