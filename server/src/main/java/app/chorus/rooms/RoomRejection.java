package app.chorus.rooms;

/**
 * A room command that cannot be carried out: a limit is reached or access is denied. The
 * {@code errorType} is the lowercase type sent to the client.
 */
public final class RoomRejection extends RuntimeException {
    public static final String LIMIT_EXCEEDED = "limit_exceeded";
    public static final String AUTHORIZATION_ERROR = "authorization_error";
    public static final String NOT_FOUND = "not_found";
    public static final String CONFLICT = "conflict";
    public static final String INVALID = "validation_error";

    private final String errorType;

    public RoomRejection(String errorType, String message) {
        super(message, null, false, false);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }
}
