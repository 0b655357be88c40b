package app.chorus.lyrics;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** LRC time stamps ({@code mm:ss.xx} and its variants) to and from milliseconds. */
final class LrcTime {
    /**
     * Minutes (any number: LRC has no hours, so a long song counts past 59), seconds, and an
     * optional fraction of 1 to 3 digits; some editors put a colon before the fraction.
     */
    static final String STAMP = "\\d{1,5}:\\d{1,2}(?:[.:]\\d{1,3})?";
    private static final Pattern PARTS = Pattern.compile("(\\d{1,5}):(\\d{1,2})(?:[.:](\\d{1,3}))?");

    private LrcTime() {
    }

    /** The stamp's time in milliseconds; empty when it is not a stamp or its seconds pass 59. */
    static OptionalLong parse(String stamp) {
        Matcher parts = PARTS.matcher(stamp.strip());
        if (!parts.matches()) {
            return OptionalLong.empty();
        }
        long minutes = Long.parseLong(parts.group(1));
        long seconds = Long.parseLong(parts.group(2));
        if (seconds > 59) {
            return OptionalLong.empty();
        }
        String fraction = parts.group(3);
        // ".5" is half a second, ".05" five hundredths, ".005" five thousandths.
        long millis = fraction == null ? 0 : Long.parseLong(fraction) * (fraction.length() == 1 ? 100
                : fraction.length() == 2 ? 10 : 1);
        return OptionalLong.of((minutes * 60 + seconds) * 1000 + millis);
    }

    /**
     * The canonical stamp: {@code mm:ss.xx}, or {@code mm:ss.xxx} when the time is not a whole
     * number of hundredths, so that writing never loses precision the file had.
     */
    static String format(long millis) {
        long time = Math.max(0, millis);
        long minutes = time / 60_000;
        long seconds = time / 1000 % 60;
        long rest = time % 1000;
        return rest % 10 == 0 ? String.format(Locale.ROOT, "%02d:%02d.%02d", minutes, seconds, rest / 10)
                : String.format(Locale.ROOT, "%02d:%02d.%03d", minutes, seconds, rest);
    }
}
