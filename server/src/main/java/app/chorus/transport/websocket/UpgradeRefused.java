package app.chorus.transport.websocket;

/** An endpoint's refusal of an upgrade: the HTTP status and the {@code detail} sent with it. */
public final class UpgradeRefused extends Exception {
    private final int status;

    public UpgradeRefused(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
