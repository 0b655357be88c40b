package app.chorus.sources;

/**
 * The answer to "what URL plays this entry".
 *
 * @param url    the playable URL, or null when none was found
 * @param cached whether the answer (a URL or a failure) came from the cache
 * @param note   why there is no URL, for people; empty when there is one
 */
public record UrlLookup(String url, boolean cached, String note) {

    static UrlLookup found(String url, boolean cached) {
        return new UrlLookup(url, cached, "");
    }

    static UrlLookup missing(String note, boolean cached) {
        return new UrlLookup(null, cached, note);
    }

    public boolean isFound() {
        return url != null;
    }
}
