package app.chorus.share;

/**
 * What the broadcaster is playing, as the desktop sharer sends it (field names of the contract).
 * Strings may be null. {@code timestamp} is the sender's clock in ms; {@code elapsedSeconds} and
 * {@code totalSeconds} are the playback position, which listeners copy into their lyric clock.
 */
public record ShareMetadata(String title, String artist, String lyrics, boolean hasSyncedLyrics, double elapsedSeconds,
                            double totalSeconds, String thumbnailData, long timestamp) {
}
