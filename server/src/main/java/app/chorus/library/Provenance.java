package app.chorus.library;

/**
 * What the import and metadata steps learnt about where a song comes from. Every field may be
 * null. {@code sourceId} is the provider's id (a video id for URL imports).
 */
public record Provenance(String sourceId, String sourceUrl, String uploader, String channel, String channelId,
                         String description, String uploadDate, String mbid, String releaseId, String releaseTitle,
                         String releaseDate) {
    public static final Provenance NONE = new Provenance(null, null, null, null, null, null, null, null, null, null, null);

    /** This provenance with each missing field taken from {@code other}. */
    public Provenance orElse(Provenance other) {
        return new Provenance(either(sourceId, other.sourceId), either(sourceUrl, other.sourceUrl),
                either(uploader, other.uploader), either(channel, other.channel), either(channelId, other.channelId),
                either(description, other.description), either(uploadDate, other.uploadDate), either(mbid, other.mbid),
                either(releaseId, other.releaseId), either(releaseTitle, other.releaseTitle),
                either(releaseDate, other.releaseDate));
    }

    private static String either(String mine, String theirs) {
        return mine != null ? mine : theirs;
    }
}
