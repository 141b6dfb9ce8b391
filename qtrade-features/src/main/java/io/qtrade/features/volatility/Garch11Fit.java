package io.qtrade.features.volatility;

import java.util.List;
import java.util.Locale;

/**
 * A fitted {@link Garch11}: parameters, their standard errors, log-likelihood, information criteria, the in-sample
 * conditional variances and h-step variance forecasts.
 *
 * <pre>{@code
 * h_{n+1}   = omega + alpha eps_n^2 + beta h_n                        (known at the end of the sample)
 * h_{n+k}   = omega + (alpha + beta) h_{n+k-1},  k >= 2
 *           = sigma^2 + (alpha + beta)^{k-1} (h_{n+1} - sigma^2),  sigma^2 = omega / (1 - alpha - beta)
 * Var(r_{n+1} + ... + r_{n+H}) = sum_{k=1..H} h_{n+k}
 * }</pre>
 *
 * <p>Variances are per period of the returns (e.g. daily %^2 for daily % returns), not annualised. Standard errors
 * by name: {@link #standardError(GarchParameter)}. Accessors return copies.
 */
public final class Garch11Fit {

    private final Garch11 model;
    private final Garch11Parameters params;
    private final double logLikelihood;
    private final int n;
    private final double[][] covariance;
    private final double[] conditionalVariances;
    private final double lastResidual;
    private final int evaluations;
    private final List<String> boundaryParameters;
    private final List<GarchParameter> estimated;

    Garch11Fit(Garch11 model, Garch11Parameters params, double logLikelihood, int n, double[][] covariance,
               double[] conditionalVariances, double lastResidual, int evaluations, List<String> boundaryParameters,
               List<GarchParameter> estimated) {
        this.estimated = estimated;
        this.model = model;
        this.params = params;
        this.logLikelihood = logLikelihood;
        this.n = n;
        this.covariance = covariance;
        this.conditionalVariances = conditionalVariances;
        this.lastResidual = lastResidual;
        this.evaluations = evaluations;
        this.boundaryParameters = boundaryParameters;
    }

    /**
     * The reparametrised coordinates (see {@link Garch11}) at a bound of the optimiser's box, each with the bound;
     * empty for an interior maximum. On a bound the Hessian standard errors are not valid.
     */
    public List<String> boundaryParameters() {
        return boundaryParameters;
    }

    /** The model that was fitted. */
    public Garch11 model() {
        return model;
    }

    /** The maximum likelihood estimates. */
    public Garch11Parameters params() {
        return params;
    }

    /** Maximised log-likelihood, all n observations, constants included. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** Number of returns n. */
    public int observationCount() {
        return n;
    }

    /** Estimated parameters k: 4 (normal) or 5 (t), one less with a fixed or zero mean. */
    public int parameterCount() {
        return covariance.length;
    }

    /** Akaike information criterion 2k - 2 LL (a total, not fGarch's per-observation figure). */
    public double aic() {
        return 2.0 * parameterCount() - 2.0 * logLikelihood;
    }

    /** Bayesian (Schwarz) information criterion k ln n - 2 LL (a total, not per observation). */
    public double bic() {
        return parameterCount() * Math.log(n) - 2.0 * logLikelihood;
    }

    /** The estimated parameters, in the order of {@link #covariance()} and {@link #standardErrors()}. */
    public List<GarchParameter> estimatedParameters() {
        return estimated;
    }

    /**
     * The standard error of one estimated parameter: {@code sqrt} of its diagonal element of the inverse
     * central-difference Hessian of -LL (relative step 1e-4 of {@code max(|theta|, 0.01)} per parameter).
     *
     * @param parameter MU (when estimated), OMEGA, ALPHA, BETA, or NU (t errors)
     * @throws IllegalArgumentException for a parameter this fit did not estimate (a fixed mean, NU with normal
     *                                  errors, GAMMA)
     */
    public double standardError(GarchParameter parameter) {
        int i = estimated.indexOf(parameter);
        if (i < 0) {
            throw new IllegalArgumentException(parameter + " is not estimated by this fit (estimated: " + estimated
                    + ")");
        }
        return Math.sqrt(covariance[i][i]);
    }

    /** Covariance of the estimates: the inverse numerical Hessian of -LL, order {@link #estimatedParameters()}. */
    public double[][] covariance() {
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        return c;
    }

    /** Standard errors sqrt(diag(covariance)), order {@link #estimatedParameters()}; prefer {@link #standardError}. */
    public double[] standardErrors() {
        double[] se = new double[covariance.length];
        for (int i = 0; i < se.length; i++) {
            se[i] = Math.sqrt(covariance[i][i]);
        }
        return se;
    }

    /** In-sample conditional variances h_1..h_n. */
    public double[] conditionalVariances() {
        return conditionalVariances.clone();
    }

    /** h_{n+1}, the variance of the next return. */
    public double nextVariance() {
        return params.omega() + params.alpha() * lastResidual * lastResidual
                + params.beta() * conditionalVariances[n - 1];
    }

    /** h_{n+horizon}, the variance of the return {@code horizon} periods ahead (horizon >= 1). */
    public double forecastVariance(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon = " + horizon + " must be >= 1");
        }
        double h = nextVariance();
        double p = params.persistence();
        for (int k = 2; k <= horizon; k++) {
            h = params.omega() + p * h;
        }
        return h;
    }

    /**
     * Writes h_{n+1}, ..., h_{n+H} into {@code out} (modified), H = out.length.
     */
    public void forecastVariances(double[] out) {
        double h = nextVariance();
        double p = params.persistence();
        for (int k = 0; k < out.length; k++) {
            out[k] = h;
            h = params.omega() + p * h;
        }
    }

    /** A streaming filter positioned after the last return: its {@code variance()} is h_{n+1}. */
    public Garch11Filter filter() {
        return new Garch11Filter(params, nextVariance());
    }

    /** Likelihood evaluations the optimiser used. */
    public int evaluations() {
        return evaluations;
    }

    @Override
    public String toString() {
        double seMu = estimated.contains(GarchParameter.MU) ? standardError(GarchParameter.MU) : 0.0;
        StringBuilder sb = new StringBuilder("Garch11Fit[").append(model.errors()).append(", ")
                .append(model.initialisation()).append(", mean ").append(model.mean()).append(", n=").append(n)
                .append(String.format(Locale.ROOT, ", mu=%.6g (%.2g), omega=%.6g (%.2g), alpha=%.6g (%.2g), beta=%.6g (%.2g)",
                        params.mu(), seMu, params.omega(), standardError(GarchParameter.OMEGA), params.alpha(),
                        standardError(GarchParameter.ALPHA), params.beta(), standardError(GarchParameter.BETA)));
        if (estimated.contains(GarchParameter.NU)) {
            sb.append(String.format(Locale.ROOT, ", nu=%.4g (%.2g)", params.nu(), standardError(GarchParameter.NU)));
        }
        return sb.append(String.format(Locale.ROOT, ", LL=%.6f, AIC=%.4f, BIC=%.4f]", logLikelihood, aic(), bic()))
                .toString();
    }
}
