package app.chorus.metadata;

/**
 * A MusicBrainz release (an album, single… as issued) that contains a recording.
 *
 * @param id     the release MBID, also the key of its cover in the Cover Art Archive
 * @param date   "YYYY", "YYYY-MM" or "YYYY-MM-DD", or null
 * @param status "Official", "Promotion", "Bootleg", "Pseudo-Release"…, or null
 */
public record MbRelease(String id, String title, String date, String status) {
}
