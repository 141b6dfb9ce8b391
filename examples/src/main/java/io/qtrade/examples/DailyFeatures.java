package io.qtrade.examples;

import io.qtrade.ml.dataset.ReturnLagFeatures;
import io.qtrade.ml.label.EwmVolatility;
import io.qtrade.ml.signal.FeatureVector;
import java.util.ArrayList;
import java.util.List;

/**
 * The example's daily features, one close at a time (the batch rows come from the same object, so training and
 * trading see the same numbers): lagged log returns 1..5 and the 20-day volatility ({@link ReturnLagFeatures}), the
 * EWM volatility of log returns with span 100 ({@link EwmVolatility}, the triple barrier's target) and the 60-day
 * momentum {@code ln(c_t / c_{t-60})}. Ready after 61 closes. Allocation-free per update.
 */
public final class DailyFeatures implements FeatureVector {
    static final int MOMENTUM_DAYS = 60;
    private final ReturnLagFeatures lags = new ReturnLagFeatures(5, 20);
    private final EwmVolatility sigma = new EwmVolatility(100);
    private final double[] closes = new double[MOMENTUM_DAYS + 1];
    private long count;
    private final List<String> names;

    /** Fresh features. */
    public DailyFeatures() {
        List<String> n = new ArrayList<>(lags.names());
        n.add("ewm_vol100");
        n.add("momentum60");
        this.names = List.copyOf(n);
    }

    /** Adds one close. */
    public void update(double close) {
        if (count > 0) {
            sigma.update(Math.log(close / closes[(int) ((count - 1) % closes.length)]));
        }
        lags.update(close);
        closes[(int) (count % closes.length)] = close;
        count++;
    }

    @Override
    public int size() {
        return names.size();
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public boolean isReady() {
        return count > MOMENTUM_DAYS && lags.isReady();
    }

    @Override
    public void write(double[] out) {
        if (!isReady()) {
            java.util.Arrays.fill(out, 0, size(), Double.NaN);
            return;
        }
        lags.write(out);
        out[lags.size()] = sigma.value();
        double now = closes[(int) ((count - 1) % closes.length)];
        double then = closes[(int) ((count - 1 - MOMENTUM_DAYS) % closes.length)];
        out[lags.size() + 1] = Math.log(now / then);
    }

    /** One row per close (NaN rows before the features are ready). */
    public static double[][] rows(double[] close) {
        DailyFeatures f = new DailyFeatures();
        double[][] out = new double[close.length][f.size()];
        for (int t = 0; t < close.length; t++) {
            f.update(close[t]);
            f.write(out[t]);
        }
        return out;
    }
}
