package app.chorus.library;

import java.time.Instant;
import java.util.Set;

/**
 * A song in the library. Immutable; changes go through {@link Library}, which stores the new
 * version. {@code editedFields} are the fields a user changed by hand.
 */
public record Song(String id, String title, String artist, String album, String genre, String language, Integer year,
                   Long durationMs, SongStatus status, SongSource source, Provenance provenance, MediaFiles media,
                   String plainLyrics, String syncedLyrics, Double loudnessLufs, Set<SongField> editedFields,
                   Instant createdAt, Instant updatedAt) {
    public Song {
        editedFields = Set.copyOf(editedFields);
    }

    Song withMedia(MediaFiles newMedia, Instant now) {
        return new Song(id, title, artist, album, genre, language, year, durationMs, status, source, provenance, newMedia,
                plainLyrics, syncedLyrics, loudnessLufs, editedFields, createdAt, now);
    }

    Song withLoudness(Double newLoudnessLufs, Instant now) {
        return new Song(id, title, artist, album, genre, language, year, durationMs, status, source, provenance, media,
                plainLyrics, syncedLyrics, newLoudnessLufs, editedFields, createdAt, now);
    }

    Song withProvenance(Provenance newProvenance, Instant now) {
        return new Song(id, title, artist, album, genre, language, year, durationMs, status, source, newProvenance, media,
                plainLyrics, syncedLyrics, loudnessLufs, editedFields, createdAt, now);
    }

    Song withStatus(SongStatus newStatus, Instant now) {
        return new Song(id, title, artist, album, genre, language, year, durationMs, newStatus, source, provenance, media,
                plainLyrics, syncedLyrics, loudnessLufs, editedFields, createdAt, now);
    }
}
