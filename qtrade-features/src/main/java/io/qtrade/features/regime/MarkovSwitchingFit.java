package io.qtrade.features.regime;

import java.util.Arrays;

/**
 * A fitted {@link MarkovSwitching}: parameters, log-likelihood, information criteria, standard errors (by name and in
 * statsmodels' order), filtered and smoothed regime probabilities, the transition matrix and expected durations.
 *
 * <pre>{@code
 * AIC = -2 LL + 2 k,   BIC = -2 LL + k ln(nobs),   HQIC = -2 LL + 2 k ln(ln(nobs)),   nobs = n - p
 * expected duration of regime i = 1 / (1 - p_ii)
 * }</pre>
 * Probability rows {@code t = 0..nobs-1} belong to observation {@code y_{t+p}}.
 */
public final class MarkovSwitchingFit {

    private final MarkovSwitching model;
    private final MarkovSwitchingParameters params;
    private final double logLikelihood;
    private final String[] names;
    private final double[] vector;
    private final double[][] covariance;
    private final double[][] filtered;
    private final double[][] smoothed;
    private final int nobs;
    private final int evaluations;

    MarkovSwitchingFit(MarkovSwitching model, MarkovSwitchingParameters params, double logLikelihood, String[] names,
                       double[] vector, double[][] covariance, double[][] filtered, double[][] smoothed, int nobs,
                       int evaluations) {
        this.model = model;
        this.params = params;
        this.logLikelihood = logLikelihood;
        this.names = names;
        this.vector = vector;
        this.covariance = covariance;
        this.filtered = filtered;
        this.smoothed = smoothed;
        this.nobs = nobs;
        this.evaluations = evaluations;
    }

    /** The model that was fitted. */
    public MarkovSwitching model() {
        return model;
    }

    /** The estimates (regime 0 the lowest-variance regime). */
    public MarkovSwitchingParameters params() {
        return params;
    }

    /** The maximised log-likelihood. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** Observations in the likelihood, n - p. */
    public int observationCount() {
        return nobs;
    }

    /** Number of parameters k. */
    public int parameterCount() {
        return vector.length;
    }

    /** Akaike information criterion. */
    public double aic() {
        return -2.0 * logLikelihood + 2.0 * vector.length;
    }

    /** Bayesian information criterion. */
    public double bic() {
        return -2.0 * logLikelihood + vector.length * Math.log(nobs);
    }

    /** Hannan-Quinn information criterion. */
    public double hqic() {
        return -2.0 * logLikelihood + 2.0 * vector.length * Math.log(Math.log(nobs));
    }

    /** statsmodels' parameter names ({@code p[0->0], p[1->0], const[0], .., sigma2[0], .., ar.L1}). */
    public String[] parameterNames() {
        return names.clone();
    }

    /** The estimates in statsmodels' order ({@code res.params}). */
    public double[] parameterVector() {
        return vector.clone();
    }

    /** Standard errors in statsmodels' order ({@code res.bse}). */
    public double[] standardErrors() {
        double[] se = new double[vector.length];
        for (int i = 0; i < se.length; i++) {
            se[i] = Math.sqrt(covariance[i][i]);
        }
        return se;
    }

    /**
     * The standard error of a parameter by its statsmodels name.
     *
     * @param name e.g. {@code "p[0->0]"}, {@code "const[1]"}, {@code "sigma2[0]"}, {@code "ar.L1"}
     * @throws IllegalArgumentException for a name the model does not have
     */
    public double standardError(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return Math.sqrt(covariance[i][i]);
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "': the model has " + Arrays.toString(names));
    }

    /** Standard error of the mean of a regime (the common mean when it does not switch). */
    public double meanStandardError(int regime) {
        return standardError(names(regime, "const"));
    }

    /** Standard error of the variance of a regime. */
    public double varianceStandardError(int regime) {
        return standardError(names(regime, "sigma2"));
    }

    /** Standard error of {@code Pr(S_t = to | S_{t-1} = from)} for {@code to < k - 1} (the free probabilities). */
    public double transitionStandardError(int from, int to) {
        return standardError("p[" + from + "->" + to + "]");
    }

    private String names(int regime, String base) {
        String switching = base + "[" + regime + "]";
        for (String n : names) {
            if (n.equals(switching)) {
                return switching;
            }
        }
        return base;
    }

    /** The covariance of the estimates, statsmodels' order (a copy). */
    public double[][] covariance() {
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        return c;
    }

    /** {@code Pr(S_t = i | y_1..y_t)}, {@code [t][i]} (a copy). */
    public double[][] filteredProbabilities() {
        return copy(filtered);
    }

    /** {@code Pr(S_t = i | y_1..y_n)} by Kim's smoother, {@code [t][i]} (a copy). */
    public double[][] smoothedProbabilities() {
        return copy(smoothed);
    }

    /** Expected durations {@code 1 / (1 - p_ii)}. */
    public double[] expectedDurations() {
        return params.expectedDurations();
    }

    /** A streaming filter with the fitted parameters, at the start of the data. */
    public HamiltonFilter filter() {
        return new HamiltonFilter(params, model.varianceIndexing());
    }

    /** Likelihood evaluations of the optimiser (all starts). */
    public int evaluations() {
        return evaluations;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Override
    public String toString() {
        return "MarkovSwitchingFit[" + params + ", LL=" + logLikelihood + ", nobs=" + nobs + "]";
    }
}
