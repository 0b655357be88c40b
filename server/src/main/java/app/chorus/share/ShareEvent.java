package app.chorus.share;

/** What a session's push listeners hear, on every node serving the session. */
public sealed interface ShareEvent {
    String sessionId();

    /** Newer metadata was stored. */
    record MetadataChanged(String sessionId, StoredMetadata metadata) implements ShareEvent {
    }

    /**
     * A chunk was buffered (duplicates are not announced). {@code frame} is its binary frame
     * ({@link ShareCodec#frame(String, AudioChunk)}), encoded once for every listener.
     */
    record ChunkArrived(String sessionId, AudioChunk chunk, byte[] frame) implements ShareEvent {
    }

    /** The session was stopped or expired; nothing more will come. */
    record SessionEnded(String sessionId, String reason) implements ShareEvent {
    }
}
