package app.chorus.rooms;

/** Limits a room enforces on itself. */
public record RoomLimits(int maxClients, int maxQueueLength) {
}
