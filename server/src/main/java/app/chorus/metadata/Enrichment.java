package app.chorus.metadata;

import java.util.List;
import java.util.function.Consumer;

/**
 * Looks up what a song lacks (names, album, genre, year, cover art, lyrics) and fills it in. An
 * outage or a bad answer of a service costs only what that service would have given: it becomes
 * a note, never an exception, so an import never fails because of it.
 */
@FunctionalInterface
public interface Enrichment {
    /** Does nothing: for imports run without lookups. */
    Enrichment NONE = (songId, progress) -> List.of();

    /**
     * Enriches the song; {@code progress} hears a message per step. Returns notes for people:
     * what could not be looked up and why (empty when every service answered).
     *
     * @throws InterruptedException when the calling job is cancelled
     */
    List<String> enrich(String songId, Consumer<String> progress) throws InterruptedException;
}
