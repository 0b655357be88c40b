package app.chorus.config;

/** A setting is unknown or its value is invalid; the message names the setting and its source. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
