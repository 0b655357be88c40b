package app.chorus.metadata;

/**
 * One song from the iTunes Search API. Everything but the id, title and artist may be missing.
 *
 * @param durationMs  {@code trackTimeMillis}
 * @param releaseDate as iTunes writes it, an ISO-8601 instant such as {@code 2011-01-24T12:00:00Z}
 * @param genre       {@code primaryGenreName}
 * @param artworkUrl  the cover at 600×600 (iTunes renders any size the URL asks for)
 * @param explicit    {@code trackExplicitness} is "explicit" ("cleaned" and "notExplicit" are not)
 * @param country     the store's three-letter country code, e.g. "USA"
 * @param price       {@code trackPrice} in the store's currency; negative when not sold on its own
 */
public record ItunesTrack(long trackId, String title, String artist, String album, Long durationMs, String releaseDate,
                          String genre, Integer trackNumber, Integer discNumber, String artworkUrl, String previewUrl,
                          boolean explicit, Long artistId, Long collectionId, String country, Double price) {
}
