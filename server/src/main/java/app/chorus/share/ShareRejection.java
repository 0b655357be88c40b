package app.chorus.share;

/**
 * A share request that cannot be carried out. The {@link Reason} tells the transport which
 * status or error type to answer with; the message is for people.
 */
public final class ShareRejection extends RuntimeException {
    /** Why a request was refused. */
    public enum Reason {
        /** The request itself is malformed: bad id, bad field, bad base64, too large. */
        INVALID,
        /** No such session (never started, expired, or past its grace). */
        NOT_FOUND,
        /** The session exists but has been stopped: it can be read, not written. */
        ENDED,
        /** The session id is in use by an active session. */
        CONFLICT,
        /** The most sessions allowed are active. */
        FULL,
        /** There is no fresh metadata to give. */
        NO_METADATA
    }

    private final Reason reason;
    private final String field;

    public ShareRejection(Reason reason, String message) {
        this(reason, message, null);
    }

    public ShareRejection(Reason reason, String message, String field) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    static ShareRejection invalid(String field, String message) {
        return new ShareRejection(Reason.INVALID, message, field);
    }
}
