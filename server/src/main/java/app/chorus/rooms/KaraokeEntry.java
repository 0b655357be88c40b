package app.chorus.rooms;

/**
 * A song a singer can queue: the seed's KaraokeEntry. {@code id} is the source's own id (a
 * YouTube id, a library song id); {@code videoUrl} may be null until it is resolved.
 */
public record KaraokeEntry(String id, String title, String artist, String videoUrl, String source,
                           String uploader, Double duration) {

    /** The same entry with its video URL set. */
    public KaraokeEntry withVideoUrl(String url) {
        return new KaraokeEntry(id, title, artist, url, source, uploader, duration);
    }
}
