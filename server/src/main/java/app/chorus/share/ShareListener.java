package app.chorus.share;

/**
 * A push subscriber: a /ws or Socket.IO connection following a session. Called with the backlog
 * first, then live events in order, one at a time per subscription; an event object is the same
 * instance for every subscriber of the node, so a transport can encode it once. Must not block.
 */
@FunctionalInterface
public interface ShareListener {
    void event(ShareEvent event);
}
