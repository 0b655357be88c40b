package app.chorus.rooms;

/**
 * A connected client in a room.
 *
 * @param connectionId    unique per connection on this server
 * @param type            display or controller
 * @param connectionOrder increases with connection time; the lowest controller leads
 */
public record Member(long connectionId, ClientType type, long connectionOrder) {
}
