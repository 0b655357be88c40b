package app.chorus.library;

/** Resampling of waveform summaries: each column keeps the highest peak of the slices it covers. */
public final class Waveforms {
    private Waveforms() {
    }

    /** {@code peaks} in {@code columns} equal parts (no more than there are peaks). */
    public static float[] columns(float[] peaks, int columns) {
        int count = Math.max(1, Math.min(columns, peaks.length));
        float[] result = new float[count];
        for (int column = 0; column < count; column++) {
            int from = (int) ((long) column * peaks.length / count);
            int to = (int) Math.max(from + 1, (long) (column + 1) * peaks.length / count);
            float peak = 0;
            for (int index = from; index < to && index < peaks.length; index++) {
                peak = Math.max(peak, peaks[index]);
            }
            result[column] = peak;
        }
        return result;
    }
}
