package app.chorus.config;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The resolved text values and where each came from, for error messages. */
record Values(Map<String, String> values, Map<String, String> sources) {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    String text(String name) {
        return values.get(name).trim();
    }

    int integer(String name, int min, int max) {
        String text = text(name);
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw invalid(name, "must be between " + min + " and " + max + ", was " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number, was '" + text + "'");
        }
    }

    boolean bool(String name) {
        return switch (text(name).toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(name, "must be true or false, was '" + text(name) + "'");
        };
    }

    Duration duration(String name) {
        String text = text(name);
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw invalid(name, "must be a duration like 500ms, 30s, 5m or 12h, was '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (duration.isZero()) {
            throw invalid(name, "must be greater than zero");
        }
        return duration;
    }

    ConfigException invalid(String name, String problem) {
        return new ConfigException("Invalid setting '" + name + "' (from " + sources.get(name) + "): " + problem);
    }
}
