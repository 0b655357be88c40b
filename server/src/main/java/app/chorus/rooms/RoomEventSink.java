package app.chorus.rooms;

import java.util.List;

/**
 * Where room events go: the transport that owns the members' connections. Called with the room's
 * lock held and in order, once per command with all of its events, so implementations can send
 * one command's frames to a socket together; they must only queue frames, never block on a send.
 */
@FunctionalInterface
public interface RoomEventSink {
    /** Send each event, in order, to the members of {@code room} that its audience names. */
    void deliver(RoomState room, List<RoomEvent> events);
}
