package app.chorus.audio;

/** A file that is not media Chorus can use; {@code reason} is a stable code, the message says why. */
public final class UnsupportedMedia extends Exception {
    private final String reason;

    public UnsupportedMedia(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
