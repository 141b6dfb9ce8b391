/**
 * Hawkes processes with exponential kernels: univariate and multivariate (buy/sell) self- and mutually exciting
 * point processes, their exact O(n) log-likelihood, maximum-likelihood fits with standard errors, intensity paths,
 * Ogata thinning simulation, the time-rescaling goodness-of-fit test and a streaming intensity for strategies.
 *
 * <p>Times are {@code double} in one unit the caller chooses (seconds for trade times: then mu is per second and
 * beta is 1/seconds); the observation window is {@code [0, T]}. Hawkes, A.G. (1971), "Spectra of some self-exciting
 * and mutually exciting point processes", Biometrika 58(1), 83-90; Ozaki, T. (1979), "Maximum likelihood estimation
 * of Hawkes' self-exciting point processes", Ann. Inst. Statist. Math. 31, 145-155; Ogata, Y. (1981), "On Lewis'
 * simulation method for point processes", IEEE Trans. Inf. Theory 27(1), 23-31.
 */
package io.qtrade.features.hawkes;
