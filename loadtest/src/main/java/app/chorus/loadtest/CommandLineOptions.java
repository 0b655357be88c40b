package app.chorus.loadtest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command lines of the load tools, read against each tool's table of options: rows of
 * {@code {"--name", "VALUE HINT", "description"}}, the hint empty for a flag. Values come as
 * {@code --name value} or {@code --name=value}. Stateless.
 */
final class CommandLineOptions {
    private CommandLineOptions() {
    }

    /** The usage text: the synopsis line, then one aligned line per option. */
    static String usage(String synopsis, String[][] table, int width) {
        StringBuilder text = new StringBuilder("Usage: " + synopsis + " [options]\n\nOptions:\n");
        for (String[] line : table) {
            String left = line[1].isEmpty() ? line[0] : line[0] + " " + line[1];
            text.append(String.format("  %-" + width + "s %s%n", left, line[2]));
        }
        return text.toString();
    }

    /**
     * The values given, by option name, in the order given; null when {@code --help} or
     * {@code -h} came first. An option not in the table, or one without its value, is an
     * {@link IllegalArgumentException}.
     */
    static Map<String, String> read(String[] args, String[][] table) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            String name = arg;
            String value = null;
            // Accept both "--name value" and "--name=value".
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!known(table, name)) {
                throw new IllegalArgumentException("unknown option: " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                value = args[++i];
            }
            values.put(name, value);
        }
        return values;
    }

    private static boolean known(String[][] table, String name) {
        for (String[] line : table) {
            if (line[0].equals(name)) {
                return true;
            }
        }
        return false;
    }
}
