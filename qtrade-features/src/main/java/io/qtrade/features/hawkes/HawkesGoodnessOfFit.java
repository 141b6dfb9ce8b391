package io.qtrade.features.hawkes;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Time-rescaling goodness of fit of one dimension: the Kolmogorov-Smirnov distance between the compensator
 * increments and Exp(1) (Brown, Barbieri, Ventura, Kass and Frank (2002), Neural Computation 14, 325-346; Ogata
 * 1988).
 *
 * <pre>{@code
 * D = max_i max(i/n - F(tau_(i)), F(tau_(i)) - (i-1)/n),   F(x) = 1 - exp(-x),   tau sorted ascending
 * }</pre>
 * The p-value is commons-math3's {@code KolmogorovSmirnovTest} one-sample p-value (exact for n <= 140, the Pelz-Good
 * asymptotic series above; scipy's {@code kstest} uses Simard-L'Ecuyer: the two agree to about 1e-4 at n in the
 * thousands).
 *
 * @param increments      number of increments n
 * @param statistic       D
 * @param pValue          P(D_n >= D) under Exp(1) increments
 * @param meanIncrement   mean of the increments (1 under the model)
 */
public record HawkesGoodnessOfFit(int increments, double statistic, double pValue, double meanIncrement) {

    /** The test of one array of increments (not modified). */
    public static HawkesGoodnessOfFit of(double[] tau) {
        int n = tau.length;
        if (n < 2) {
            return new HawkesGoodnessOfFit(n, Double.NaN, Double.NaN, n == 1 ? tau[0] : Double.NaN);
        }
        double[] s = tau.clone();
        Arrays.sort(s);
        double d = 0.0;
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double f = -Math.expm1(-s[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
            sum += s[i];
        }
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double p = 1.0 - ks.cdf(d, n);
        return new HawkesGoodnessOfFit(n, d, p, sum / n);
    }

}
