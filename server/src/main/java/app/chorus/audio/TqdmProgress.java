package app.chorus.audio;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far Demucs is, read from its output: the tqdm bar it draws while separating
 * ({@code " 45%|████▌     | 23.4/52.0 [00:10<00:12, 2.30seconds/s]"}). Only bars counted in
 * seconds count, so a model download's bar (in bytes) does not pass for separation. A bag of
 * models ("Selected model is a bag of 4 models") draws one bar per model, one after the other;
 * each takes its share. The share never goes back. Thread-safe: the output reader feeds it, the
 * waiting thread reads it.
 */
final class TqdmProgress {
    private static final Pattern BAR = Pattern.compile("(\\d{1,3})%\\|.*seconds");
    private static final Pattern BAG = Pattern.compile("bag of (\\d{1,4}) models");

    private int bars = 1;
    private int finishedBars;
    private int lastPercent;
    private volatile double share;

    /** Takes one piece of output: a line, or one redraw of a bar. */
    synchronized void hear(String segment) {
        Matcher bag = BAG.matcher(segment);
        if (bag.find()) {
            bars = Math.max(1, Integer.parseInt(bag.group(1)));
            return;
        }
        Matcher bar = BAR.matcher(segment);
        if (!bar.find()) {
            return;
        }
        int percent = Math.min(100, Integer.parseInt(bar.group(1)));
        if (percent < lastPercent) {
            // A new bar: the next model of the bag.
            finishedBars = Math.min(bars - 1, finishedBars + 1);
        }
        lastPercent = percent;
        share = Math.max(share, (finishedBars + percent / 100.0) / bars);
    }

    /** 0 to 1. */
    double share() {
        return share;
    }
}
