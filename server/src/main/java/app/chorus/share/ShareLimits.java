package app.chorus.share;

import java.time.Duration;

/**
 * The rules of music share sessions, all configurable.
 *
 * @param maxSessions       sessions that may be active at once; one more is refused
 * @param inactivity        an active session without a broadcaster request for this long ends
 * @param grace             how long a stopped session stays readable (status "not active")
 * @param metadataTtl       how long the latest metadata is served after it arrived
 * @param audioTtl          how long the audio buffer lives after its latest chunk
 * @param bufferChunks      audio chunks kept per session, the newest by sequence number
 * @param joinChunks        chunks a newcomer gets first ({@code since=-1}, or a push subscription)
 * @param listenerWindow    a listener counts while it was seen (polled, or is subscribed) this recently
 * @param maxChunkBytes     largest audio payload of one chunk, decoded
 * @param maxThumbnailBytes largest cover picture in metadata, decoded
 */
public record ShareLimits(int maxSessions, Duration inactivity, Duration grace, Duration metadataTtl, Duration audioTtl,
                          int bufferChunks, int joinChunks, Duration listenerWindow, int maxChunkBytes, int maxThumbnailBytes) {
    public ShareLimits {
        if (maxSessions < 1 || bufferChunks < 1 || joinChunks < 1 || maxChunkBytes < 1 || maxThumbnailBytes < 1) {
            throw new IllegalArgumentException("share limits must be positive");
        }
        if (joinChunks > bufferChunks) {
            throw new IllegalArgumentException("joinChunks must not exceed bufferChunks");
        }
    }

    /** The documented defaults: 50 sessions, 15 min, 5 min, 30 s, 10 s, 50 chunks, 10, 10 s, 1 MiB, 5 MiB. */
    public static ShareLimits defaults() {
        return new ShareLimits(50, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofSeconds(10), 50, 10, Duration.ofSeconds(10), 1024 * 1024, 5 * 1024 * 1024);
    }
}
