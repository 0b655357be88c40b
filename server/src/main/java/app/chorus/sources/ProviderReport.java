package app.chorus.sources;

/**
 * How one provider did in one search: answered, was too slow, failed, or was not asked because
 * it is unavailable.
 *
 * @param id       the provider
 * @param status   ok, timeout, failed or unavailable
 * @param count    entries it gave (before merging)
 * @param millis   how long the answer took, 0 when it came from the cache or was not asked
 * @param cached   whether the answer came from the search cache
 * @param note     why it gave nothing, for people; empty when ok
 */
public record ProviderReport(String id, Status status, int count, long millis, boolean cached, String note) {

    /** The outcome of one provider's part of a search. */
    public enum Status {
        OK, TIMEOUT, FAILED, UNAVAILABLE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
