package app.chorus.library;

/**
 * What the import and metadata steps learnt about where a song comes from. Every field may be
 * null. {@code sourceId} is the provider's id (a video id for URL imports).
 */
public record Provenance(String sourceId, String sourceUrl, String uploader, String channel, String channelId,
                         String description, String uploadDate, String mbid, String releaseId, String releaseTitle,
                         String releaseDate) {
    public static final Provenance NONE = new Provenance(null, null, null, null, null, null, null, null, null, null, null);
}
