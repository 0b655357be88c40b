package app.chorus.config;

import java.util.Locale;

/**
 * One configurable setting: its name in a config file and on the command line ({@code port},
 * {@code --port}), its environment variable ({@code CHORUS_PORT}), its default and what it means.
 */
public record Setting(String name, String defaultValue, String description) {

    /** The environment variable that sets this setting. */
    public String environmentVariable() {
        return "CHORUS_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
