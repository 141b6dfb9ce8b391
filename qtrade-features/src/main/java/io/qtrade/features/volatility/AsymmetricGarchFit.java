package io.qtrade.features.volatility;

import java.util.List;

/**
 * A fitted {@link AsymmetricGarch11}: estimates, standard errors by name, log-likelihood, information criteria,
 * in-sample conditional variances and the next period's variance.
 */
public final class AsymmetricGarchFit {

    private final AsymmetricGarch11 model;
    private final AsymmetricGarchParameters params;
    private final double logLikelihood;
    private final int n;
    private final double[][] covariance;
    private final List<GarchParameter> estimated;
    private final double[] h;
    private final int evaluations;

    AsymmetricGarchFit(AsymmetricGarch11 model, AsymmetricGarchParameters params, double logLikelihood, int n,
                       double[][] covariance, List<GarchParameter> estimated, double[] h, int evaluations) {
        this.model = model;
        this.params = params;
        this.logLikelihood = logLikelihood;
        this.n = n;
        this.covariance = covariance;
        this.estimated = estimated;
        this.h = h;
        this.evaluations = evaluations;
    }

    /** The model. */
    public AsymmetricGarch11 model() {
        return model;
    }

    /** The estimates. */
    public AsymmetricGarchParameters params() {
        return params;
    }

    /** The maximised log-likelihood. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** Estimated parameters, the order of {@link #covariance()}. */
    public List<GarchParameter> estimatedParameters() {
        return estimated;
    }

    /**
     * Standard error of an estimated parameter (inverse central-difference Hessian of -LL, relative step 1e-4).
     *
     * @throws IllegalArgumentException for a parameter the fit did not estimate
     */
    public double standardError(GarchParameter p) {
        int i = estimated.indexOf(p);
        if (i < 0) {
            throw new IllegalArgumentException(p + " is not estimated by this fit (estimated: " + estimated + ")");
        }
        return Math.sqrt(covariance[i][i]);
    }

    /** The covariance of the estimates (a copy). */
    public double[][] covariance() {
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        return c;
    }

    /** AIC = 2k - 2 LL. */
    public double aic() {
        return 2.0 * estimated.size() - 2.0 * logLikelihood;
    }

    /** BIC = k ln n - 2 LL. */
    public double bic() {
        return estimated.size() * Math.log(n) - 2.0 * logLikelihood;
    }

    /** In-sample conditional variances h_1..h_n (a copy). */
    public double[] conditionalVariances() {
        return h.clone();
    }

    /** Likelihood evaluations of the optimiser. */
    public int evaluations() {
        return evaluations;
    }

    @Override
    public String toString() {
        return "AsymmetricGarchFit[" + model + ", " + params + ", LL=" + logLikelihood + ", n=" + n + "]";
    }
}
