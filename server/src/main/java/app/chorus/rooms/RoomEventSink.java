package app.chorus.rooms;

/**
 * Where room events go: the transport that owns the members' connections. Called with the room's
 * lock held and in order, so implementations must only queue the frames (never block on a send).
 */
@FunctionalInterface
public interface RoomEventSink {
    /** Send {@code event} to the members of {@code room} that its audience names. */
    void deliver(RoomState room, RoomEvent event);
}
