package app.chorus.rooms;

/** One live room for {@code GET /rooms} and {@code /health}. */
public record RoomSummary(String id, int clientCount, int controllersCount, int displaysCount, boolean hasLeader,
                          Long leaderConnectionId, int queueLength, boolean isPublic, boolean requiresPassword,
                          java.time.Instant createdAt, String currentSong) {
    static RoomSummary of(RoomState state) {
        int controllers = (int) state.members().stream().filter(member -> member.type() == ClientType.CONTROLLER).count();
        KaraokeEntry current = state.currentEntry();
        return new RoomSummary(state.id(), state.members().size(), controllers, state.members().size() - controllers,
                state.leader().isPresent(), state.leader().map(Member::connectionId).orElse(null), state.queue().size(),
                state.settings().isPublic(), state.settings().requiresPassword(), state.settings().createdAt(),
                current == null ? null : current.title());
    }
}
