package io.qtrade.features.hawkes;

import java.util.Arrays;

/**
 * A maximum-likelihood fit of {@link ExponentialHawkes}: the estimates, their covariance and standard errors by
 * name, the log-likelihood, the branching ratio and the time-rescaling goodness of fit of each dimension.
 * Covariance order: {@code [mu_0..mu_{M-1}, alpha row-major, beta row-major]}.
 */
public final class HawkesFit {

    private final HawkesParameters params;
    private final double logLikelihood;
    private final double[][] covariance;
    private final double horizon;
    private final int events;
    private final int evaluations;
    private final boolean atBound;
    private final HawkesGoodnessOfFit[] goodnessOfFit;

    HawkesFit(HawkesParameters params, double logLikelihood, double[][] covariance, double horizon, int events,
              int evaluations, boolean atBound, HawkesGoodnessOfFit[] goodnessOfFit) {
        this.params = params;
        this.logLikelihood = logLikelihood;
        this.covariance = covariance;
        this.horizon = horizon;
        this.events = events;
        this.evaluations = evaluations;
        this.atBound = atBound;
        this.goodnessOfFit = goodnessOfFit;
    }

    /** The estimates. */
    public HawkesParameters params() {
        return params;
    }

    /** The maximised log-likelihood (natural log, nothing dropped). */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** Number of parameters k = M + 2 M^2. */
    public int parameterCount() {
        return covariance.length;
    }

    /** AIC = 2k - 2 LL. */
    public double aic() {
        return 2.0 * parameterCount() - 2.0 * logLikelihood;
    }

    /** Standard error of mu_m. */
    public double muStandardError(int m) {
        return se(m);
    }

    /** Standard error of alpha_mn (target m, source n). */
    public double alphaStandardError(int m, int n) {
        int d = params.dimension();
        return se(d + m * d + n);
    }

    /** Standard error of beta_mn. */
    public double betaStandardError(int m, int n) {
        int d = params.dimension();
        return se(d + d * d + m * d + n);
    }

    private double se(int i) {
        return Math.sqrt(covariance[i][i]);
    }

    /** The covariance of the estimates (inverse of minus the numerical Hessian), a copy. */
    public double[][] covariance() {
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        return c;
    }

    /** Branching ratio: alpha (univariate) or the spectral radius of the alpha matrix. */
    public double branchingRatio() {
        return params.branchingRatio();
    }

    /** The window length T. */
    public double horizon() {
        return horizon;
    }

    /** Number of events over all dimensions. */
    public int eventCount() {
        return events;
    }

    /** Likelihood evaluations of the optimiser (all starts). */
    public int evaluations() {
        return evaluations;
    }

    /** True when an estimate ended within 1e-6 (in log terms) of a bound of the search box. */
    public boolean atBound() {
        return atBound;
    }

    /** The time-rescaling KS test of dimension m. */
    public HawkesGoodnessOfFit goodnessOfFit(int m) {
        return goodnessOfFit[m];
    }

    @Override
    public String toString() {
        return "HawkesFit[" + params + ", LL=" + logLikelihood + ", branchingRatio=" + branchingRatio() + ", KS="
                + Arrays.toString(goodnessOfFit) + "]";
    }
}
