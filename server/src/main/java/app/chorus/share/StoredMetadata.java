package app.chorus.share;

/**
 * The latest metadata of a session with the server time it arrived, and its JSON in the
 * contract's form, encoded once and served as is to every poller.
 */
public record StoredMetadata(ShareMetadata metadata, long receivedAt, byte[] json) {
}
