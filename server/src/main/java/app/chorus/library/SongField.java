package app.chorus.library;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields a user may edit. An edited field is remembered, and later enrichment (metadata,
 * lyrics lookups) never overwrites it. Wire names are those of the Open Karaoke Studio API.
 */
public enum SongField {
    TITLE("title"),
    ARTIST("artist"),
    ALBUM("album"),
    GENRE("genre"),
    LANGUAGE("language"),
    YEAR("year"),
    DURATION_MS("durationMs"),
    PLAIN_LYRICS("plainLyrics"),
    SYNCED_LYRICS("syncedLyrics");

    private final String wireName;

    SongField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SongField> fromWireName(String name) {
        for (SongField field : values()) {
            if (field.wireName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** The stored form: names separated by commas, in declaration order. */
    static String store(Set<SongField> fields) {
        return fields.stream().sorted().map(field -> field.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    static Set<SongField> parse(String stored) {
        EnumSet<SongField> fields = EnumSet.noneOf(SongField.class);
        if (stored != null && !stored.isBlank()) {
            for (String name : stored.split(",")) {
                fields.add(valueOf(name.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return fields;
    }
}
