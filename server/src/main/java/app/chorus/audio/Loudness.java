package app.chorus.audio;

/**
 * Integrated loudness after EBU R128 / ITU-R BS.1770-4: K-weighting (a high shelf and a high
 * pass, designed for the sample rate), mean square over 400 ms blocks that overlap by 75%, an
 * absolute gate at -70 LUFS and a relative gate 10 LU below the gated mean. Feed samples with
 * {@link #add}; read {@link #integrated}. Memory: one value per 100 ms of audio. Not thread-safe.
 */
public final class Loudness {
    private final Biquad[] shelf;
    private final Biquad[] highPass;
    private final int channels;
    private final int stepSamples;
    private double stepSum;
    private int stepCount;
    private final java.util.ArrayList<Double> steps = new java.util.ArrayList<>();

    public Loudness(int sampleRate, int channels) {
        this.channels = channels;
        this.shelf = new Biquad[channels];
        this.highPass = new Biquad[channels];
        for (int channel = 0; channel < channels; channel++) {
            shelf[channel] = Biquad.highShelf(sampleRate);
            highPass[channel] = Biquad.highPass(sampleRate);
        }
        this.stepSamples = Math.max(1, sampleRate / 10);
    }

    /** One sample per channel at a time (frame), values in -1..1. */
    public void add(float[] frame) {
        double sum = 0;
        for (int channel = 0; channel < channels; channel++) {
            double weighted = highPass[channel].apply(shelf[channel].apply(frame[channel]));
            sum += weighted * weighted;
        }
        stepSum += sum;
        if (++stepCount == stepSamples) {
            steps.add(stepSum / stepSamples);
            stepSum = 0;
            stepCount = 0;
        }
    }

    /** The integrated loudness in LUFS, or negative infinity for silence (or less than 400 ms). */
    public double integrated() {
        int blocks = steps.size() - 3;
        if (blocks <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] blockPower = new double[blocks];
        for (int block = 0; block < blocks; block++) {
            blockPower[block] = (steps.get(block) + steps.get(block + 1) + steps.get(block + 2) + steps.get(block + 3)) / 4;
        }
        double absoluteGate = power(-70);
        double gatedMean = mean(blockPower, absoluteGate);
        if (Double.isNaN(gatedMean)) {
            return Double.NEGATIVE_INFINITY;
        }
        double relativeGate = gatedMean * Math.pow(10, -10 / 10.0);
        double mean = mean(blockPower, Math.max(absoluteGate, relativeGate));
        return Double.isNaN(mean) ? Double.NEGATIVE_INFINITY : lufs(mean);
    }

    private static double mean(double[] values, double gate) {
        double sum = 0;
        int count = 0;
        for (double value : values) {
            if (value > gate) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static double lufs(double power) {
        return -0.691 + 10 * Math.log10(power);
    }

    private static double power(double lufs) {
        return Math.pow(10, (lufs + 0.691) / 10);
    }

    /** A second-order IIR section (direct form I). */
    private static final class Biquad {
        private final double b0;
        private final double b1;
        private final double b2;
        private final double a1;
        private final double a2;
        private double x1;
        private double x2;
        private double y1;
        private double y2;

        private Biquad(double b0, double b1, double b2, double a1, double a2) {
            this.b0 = b0;
            this.b1 = b1;
            this.b2 = b2;
            this.a1 = a1;
            this.a2 = a2;
        }

        double apply(double x) {
            double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            return y;
        }

        /** BS.1770's pre-filter: a high shelf of about +4 dB above 1.7 kHz. */
        static Biquad highShelf(int sampleRate) {
            double gainDb = 3.999843853973347;
            double frequency = 1681.974450955533;
            double q = 0.7071752369554196;
            double k = Math.tan(Math.PI * frequency / sampleRate);
            double vh = Math.pow(10, gainDb / 20);
            double vb = Math.pow(vh, 0.4996667741545416);
            double a0 = 1 + k / q + k * k;
            return new Biquad((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                    2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
        }

        /** BS.1770's RLB weighting: a high pass at about 38 Hz. */
        static Biquad highPass(int sampleRate) {
            double frequency = 38.13547087602444;
            double q = 0.5003270373238773;
            double k = Math.tan(Math.PI * frequency / sampleRate);
            double a0 = 1 + k / q + k * k;
            return new Biquad(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
        }
    }
}
