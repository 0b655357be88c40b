package app.chorus;

import app.chorus.cli.ImportCommand;
import app.chorus.persistence.DatabaseInUse;
import app.chorus.config.Config;
import app.chorus.config.ConfigException;
import app.chorus.config.ConfigLoader;
import app.chorus.config.Settings;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line entry: {@code chorus serve [--setting value ...]} and {@code chorus import
 * [--server URL] <file|folder>...} ({@link ImportCommand}). Loads the configuration
 * (defaults &lt; file &lt; environment &lt; command line), starts the server and stops it gracefully on
 * SIGTERM or Ctrl-C.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() ? "serve" : arguments.getFirst();
        List<String> rest = arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size());
        if (command.startsWith("--")) {
            command = "serve";
            rest = arguments;
        }
        if (rest.contains("--help") || command.equals("help")) {
            System.out.print(Settings.helpText());
            return;
        }
        if (command.equals("import")) {
            try {
                System.exit(new ImportCommand(System.out).run(rest, System.getenv()));
            } catch (ConfigException | DatabaseInUse e) {
                System.err.println("chorus: " + e.getMessage());
                System.exit(2);
            } catch (java.io.IOException e) {
                System.err.println("chorus: import failed: " + e.getMessage());
                System.exit(1);
            } catch (InterruptedException e) {
                System.exit(130);
            }
        }
        if (!command.equals("serve")) {
            System.err.println("Unknown command '" + command + "'. Commands: serve, import, help");
            System.exit(2);
        }
        Config config;
        try {
            config = ConfigLoader.load(rest, System.getenv());
        } catch (ConfigException e) {
            System.err.println("chorus: " + e.getMessage());
            System.exit(2);
            return;
        }
        Chorus chorus;
        try {
            chorus = Chorus.start(config);
        } catch (DatabaseInUse e) {
            System.err.println("chorus: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(chorus::close, "chorus-shutdown"));
    }
}
