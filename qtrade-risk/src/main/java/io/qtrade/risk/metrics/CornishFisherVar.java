package io.qtrade.risk.metrics;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Modified (Cornish-Fisher) value at risk and expected shortfall: the normal quantile corrected for the sample's
 * skewness and excess kurtosis.
 *
 * <pre>{@code
 * m_k = (1/n) sum (r_t - mu)^k,  sigma = sqrt(m2),  S = m3 / m2^{3/2},  K = m4 / m2^2 - 3   (population moments)
 * z   = Phi^{-1}(1 - a)
 * h   = z + (z^2 - 1) S / 6 + (z^3 - 3z) K / 24 - (2 z^3 - 5z) S^2 / 36                (Cornish-Fisher quantile)
 * VaR_a = -(mu + sigma h)
 * E     = phi(h) (1 + h^3 S / 6 + (h^6 - 9 h^4 + 9 h^2 + 3) S^2 / 72 + (h^4 - 2 h^2 - 1) K / 24) / (1 - a)
 * ES_a  = -mu - sigma min(-E, h)           = max(-mu + sigma E, VaR_a)
 * }</pre>
 *
 * With {@code S = K = 0} both reduce to {@link GaussianVar} with ddof 0.
 *
 * <p>References: L. Favre and J.-A. Galeano (2002), "Mean-modified value-at-risk optimization with hedge funds",
 * <i>J. Alternative Investments</i> 5(2), 21-25 (the VaR); K. Boudt, B. Peterson and C. Croux (2008), "Estimation and
 * decomposition of downside risk for portfolios with non-normal returns", <i>J. Risk</i> 11(2), 79-103 (the ES, from
 * the Edgeworth expansion of the density, in the closed form of R PerformanceAnalytics 2.0 {@code ES.CornishFisher});
 * the floor at the VaR is PerformanceAnalytics' "operational" ES: the expansion's tail mean can fall below the VaR
 * for extreme moments, which no distribution allows. Moments are population moments, as in both references.
 */
public final class CornishFisherVar implements TailRisk {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0.0, 1.0);

    private final double confidence;

    /**
     * A Cornish-Fisher estimator.
     *
     * @param confidence the confidence level, in (0, 1)
     */
    public CornishFisherVar(double confidence) {
        this.confidence = TailRisk.requireConfidence(confidence);
    }

    @Override
    public double confidence() {
        return confidence;
    }

    @Override
    public double valueAtRisk(double[] returns) {
        double[] m = PerformanceMetrics.centralMoments(returns);
        double h = cornishFisherQuantile(confidence, m);
        return -(m[0] + Math.sqrt(m[1]) * h);
    }

    @Override
    public double expectedShortfall(double[] returns) {
        double[] m = PerformanceMetrics.centralMoments(returns);
        double h = cornishFisherQuantile(confidence, m);
        double s = m[2] / Math.pow(m[1], 1.5);
        double k = m[3] / (m[1] * m[1]) - 3.0;
        double h2 = h * h;
        double h4 = h2 * h2;
        double e = STANDARD_NORMAL.density(h) * (1.0 + h2 * h * s / 6.0 + (h4 * h2 - 9.0 * h4 + 9.0 * h2 + 3.0) * s * s
                / 72.0 + (h4 - 2.0 * h2 - 1.0) * k / 24.0) / (1.0 - confidence);
        return -m[0] - Math.sqrt(m[1]) * Math.min(-e, h);
    }

    /**
     * The Cornish-Fisher quantile {@code h} of the standardised returns at tail probability {@code 1 - confidence}.
     *
     * @param moments {@code [mu, m2, m3, m4]} as from {@link PerformanceMetrics#centralMoments(double[])}
     */
    static double cornishFisherQuantile(double confidence, double[] moments) {
        double m2 = moments[1];
        if (!(m2 > 0.0)) {
            throw new IllegalArgumentException("Cornish-Fisher VaR: the returns have zero variance, skewness and "
                    + "kurtosis are undefined");
        }
        double s = moments[2] / Math.pow(m2, 1.5);
        double k = moments[3] / (m2 * m2) - 3.0;
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1.0 - confidence);
        double z2 = z * z;
        return z + (z2 - 1.0) * s / 6.0 + (z2 * z - 3.0 * z) * k / 24.0 - (2.0 * z2 * z - 5.0 * z) * s * s / 36.0;
    }

    @Override
    public String toString() {
        return "CornishFisherVar[confidence=" + confidence + "]";
    }
}
