package app.chorus.share;

/**
 * Carries share events to the nodes whose listeners follow a session. In one process the event
 * goes straight to the sink; with Redis it goes through pub/sub, so a listener on one node hears
 * a broadcaster on another. Events of one session arrive in the order they were published by one
 * node.
 */
public interface ShareRelay extends AutoCloseable {
    /** Sends an event to every node following its session (this one included). */
    void publish(ShareEvent event);

    /** Starts delivering this session's events to this node's sink. */
    void follow(String sessionId);

    /** Stops delivering this session's events here. */
    void unfollow(String sessionId);

    @Override
    void close();

    /** The relay of a single node: publishing is delivering. */
    static ShareRelay local(java.util.function.Consumer<ShareEvent> sink) {
        return new ShareRelay() {
            @Override
            public void publish(ShareEvent event) {
                sink.accept(event);
            }

            @Override
            public void follow(String sessionId) {
            }

            @Override
            public void unfollow(String sessionId) {
            }

            @Override
            public void close() {
            }
        };
    }
}
