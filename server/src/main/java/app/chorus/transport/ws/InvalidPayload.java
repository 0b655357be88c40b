package app.chorus.transport.ws;

/** A payload that fails its command's schema; the message says which field and why. */
final class InvalidPayload extends RuntimeException {
    InvalidPayload(String message) {
        super(message, null, false, false);
    }
}
