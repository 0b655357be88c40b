package app.chorus.library;

/** A song field with a value the library does not accept; nothing was changed. */
public final class InvalidSong extends RuntimeException {
    private final String field;

    public InvalidSong(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The field's wire name. */
    public String field() {
        return field;
    }
}
