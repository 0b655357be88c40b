package app.chorus.audio;

import java.io.IOException;

/** The separator's external program cannot be run here (not installed, not executable, not on the PATH). */
public final class SeparatorUnavailable extends IOException {
    public SeparatorUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
