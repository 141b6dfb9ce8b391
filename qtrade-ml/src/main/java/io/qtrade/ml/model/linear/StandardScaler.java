package io.qtrade.ml.model.linear;

/**
 * Standardisation fitted on training rows, as scikit-learn's {@code StandardScaler}: {@code z_j = (x_j - mean_j) /
 * scale_j}, with the population standard deviation (ddof 0); a constant column gets scale 1 (as sklearn does).
 */
public final class StandardScaler {
    private final double[] mean;
    private final double[] scale;

    private StandardScaler(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Fits on {@code rows} (not modified). */
    public static StandardScaler fit(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("cannot fit a scaler on no rows");
        }
        int p = rows[0].length;
        double[] m = new double[p];
        double[] s = new double[p];
        for (double[] r : rows) {
            for (int j = 0; j < p; j++) {
                m[j] += r[j];
            }
        }
        for (int j = 0; j < p; j++) {
            m[j] /= rows.length;
        }
        for (double[] r : rows) {
            for (int j = 0; j < p; j++) {
                double d = r[j] - m[j];
                s[j] += d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            s[j] = Math.sqrt(s[j] / rows.length);
            if (s[j] == 0) {
                s[j] = 1;
            }
        }
        return new StandardScaler(m, s);
    }

    /** An identity scaler for {@code p} features. */
    public static StandardScaler identity(int p) {
        double[] one = new double[p];
        java.util.Arrays.fill(one, 1);
        return new StandardScaler(new double[p], one);
    }

    /** Number of features. */
    public int size() {
        return mean.length;
    }

    /** {@code mean_j}. */
    public double mean(int j) {
        return mean[j];
    }

    /** {@code scale_j} (ddof 0). */
    public double scale(int j) {
        return scale[j];
    }

    /** {@code (x_j - mean_j) / scale_j} of one value. */
    public double transform(int j, double x) {
        return (x - mean[j]) / scale[j];
    }

    /** A new standardised copy of {@code rows}. */
    public double[][] transform(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = transform(j, rows[i][j]);
            }
        }
        return out;
    }
}
