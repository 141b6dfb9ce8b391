package io.qtrade.features.volatility;

/**
 * Streaming HAR-RV regressors: the daily, weekly (5-day) and monthly (22-day) realized variance components of the
 * latest day, kept in a ring of the last 22 daily RVs.
 *
 * <pre>{@code
 * RVd_t = RV_t
 * RVw_t = (RV_{t-4} + ... + RV_t) / 5            (5 values, day t included)
 * RVm_t = (RV_{t-21} + ... + RV_t) / 22          (22 values, day t included)
 * }</pre>
 *
 * <p>Reference: F. Corsi (2009), "A Simple Approximate Long-Memory Model of Realized Volatility", <i>J. Financial
 * Econometrics</i> 7(2), 174-196, eq. (6)-(8). Warm-up: 22 days; before that the weekly (before 5 days) and
 * monthly components are {@code NaN}. The sums run oldest to newest, the order of the batch design in
 * {@link HarRv#design}, so both give identical bits. O(22) = O(1) per day, no allocation. Not thread-safe.
 */
public final class HarRvComponents {

    private final double[] ring = new double[HarRv.MONTHLY_DAYS];
    private long count;

    /** Creates an empty ring. */
    public HarRvComponents() {
    }

    /** Adds day t's realized variance (finite, >= 0). */
    public void update(double realizedVariance) {
        if (!(realizedVariance >= 0.0) || Double.isInfinite(realizedVariance)) {
            throw new IllegalArgumentException("realized variance of day #" + count + " = " + realizedVariance
                    + ", expected finite and >= 0");
        }
        ring[(int) (count % HarRv.MONTHLY_DAYS)] = realizedVariance;
        count++;
    }

    /** Days seen. */
    public long count() {
        return count;
    }

    /** True once 22 days are in: every component is defined. */
    public boolean isReady() {
        return count >= HarRv.MONTHLY_DAYS;
    }

    /** RV_t, the latest day (NaN before the first). */
    public double daily() {
        return count == 0 ? Double.NaN : ring[(int) ((count - 1) % HarRv.MONTHLY_DAYS)];
    }

    /** Mean of the last 5 days (NaN before 5 days). */
    public double weekly() {
        return average(HarRv.WEEKLY_DAYS);
    }

    /** Mean of the last 22 days (NaN before 22 days). */
    public double monthly() {
        return average(HarRv.MONTHLY_DAYS);
    }

    /** Mean of ln RV over the last 5 days (NaN before 5 days; -Infinity if one of them is 0). */
    public double weeklyMeanLog() {
        return averageLog(HarRv.WEEKLY_DAYS);
    }

    /** Mean of ln RV over the last 22 days (NaN before 22 days; -Infinity if one of them is 0). */
    public double monthlyMeanLog() {
        return averageLog(HarRv.MONTHLY_DAYS);
    }

    /** Forgets every day. */
    public void reset() {
        count = 0;
    }

    private double average(int days) {
        if (count < days) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (long i = count - days; i < count; i++) {
            sum += ring[(int) (i % HarRv.MONTHLY_DAYS)];
        }
        return sum / days;
    }

    private double averageLog(int days) {
        if (count < days) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (long i = count - days; i < count; i++) {
            sum += Math.log(ring[(int) (i % HarRv.MONTHLY_DAYS)]);
        }
        return sum / days;
    }

    @Override
    public String toString() {
        return "HarRvComponents[count=" + count + ", daily=" + daily() + ", weekly=" + weekly() + ", monthly="
                + monthly() + "]";
    }
}
