package app.chorus.audio;

/**
 * Medians of a few values for {@link HarmonicPercussive}: a sliding window kept in order (moving
 * it by one value costs one removal and one insertion instead of a sort), slid across each frame,
 * and {@link #sortAndTakeMiddle} for the short runs over time. Not thread-safe.
 */
final class Median {
    private final float[] sorted;
    private int count;

    Median(int capacity) {
        this.sorted = new float[capacity];
    }

    /** Empties the window. */
    void clear() {
        count = 0;
    }

    void add(float value) {
        int at = count;
        // Float.compare orders every value, NaN included, so a removal always finds its value.
        while (at > 0 && Float.compare(sorted[at - 1], value) > 0) {
            sorted[at] = sorted[at - 1];
            at--;
        }
        sorted[at] = value;
        count++;
    }

    /** Removes one occurrence of {@code value}, which must be in the window. */
    void remove(float value) {
        int at = 0;
        while (at < count - 1 && Float.compare(sorted[at], value) != 0) {
            at++;
        }
        System.arraycopy(sorted, at + 1, sorted, at, count - at - 1);
        count--;
    }

    /** The middle value, or the mean of the two middle values for an even count; 0 when empty. */
    float value() {
        return middle(sorted, count);
    }

    /** The median of {@code values[0..count)}, which this puts in order (an insertion sort: a few values at most). */
    static float sortAndTakeMiddle(float[] values, int count) {
        for (int index = 1; index < count; index++) {
            float value = values[index];
            int at = index - 1;
            while (at >= 0 && Float.compare(values[at], value) > 0) {
                values[at + 1] = values[at];
                at--;
            }
            values[at + 1] = value;
        }
        return middle(values, count);
    }

    private static float middle(float[] ordered, int count) {
        if (count == 0) {
            return 0;
        }
        int half = count / 2;
        return count % 2 == 1 ? ordered[half] : 0.5f * (ordered[half - 1] + ordered[half]);
    }
}
