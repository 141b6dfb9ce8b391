"""Synthetic regime-switching equity returns and the statsmodels 0.13.5 Markov-switching references on them.

Writes (run from qtrade-features/src/test/resources/refcases:  /usr/bin/python3 ../../python/markov_switching_expected.py):
- markov_synthetic_daily_pct.csv: the last 2,000 of 17,056 simulated daily returns in percent;
- markov_synthetic_21day_blocks_pct.csv: 810 non-overlapping 21-day sums of the same series (days 2..17011);
- markov_switching_expected.json and the two *_probabilities.csv files (filtered and smoothed probabilities).
The simulation (seed 19871019): a two-regime chain (calm: p00 0.997, mean 0.05 %, sd 0.8 %; turbulent: p11 0.985,
mean -0.15 %, sd 2.4 %) with Student-t(5) shocks scaled to those sds and one crash day of -15 % in the turbulent
regime 400 days before the end, the shape of fGarch's sp500dge (GPL) that it replaces. Project data, Apache-2.0."""
import json
import platform

import numpy as np
import pandas as pd
import scipy
import statsmodels
from statsmodels.tsa.regime_switching.markov_autoregression import MarkovAutoregression
from statsmodels.tsa.regime_switching.markov_regression import MarkovRegression

rng = np.random.default_rng(19871019)
N = 17056
P = np.array([[0.997, 0.003], [0.015, 0.985]])   # row-stochastic
mean = np.array([0.05, -0.15])
sd = np.array([0.8, 2.4])
s = 0
r = np.empty(N)
nu = 5.0
for t in range(N):
    s = 0 if rng.uniform() < P[s, 0] else 1
    r[t] = mean[s] + sd[s] * rng.standard_t(nu) * np.sqrt((nu - 2) / nu)
    if t == N - 400:
        s = 1
        r[t] = -15.0
r = np.round(r, 5)

daily = r[-2000:]
t0 = N - 2000 + 1
pd.DataFrame({"t": np.arange(t0, N + 1), "y": daily}).to_csv("markov_synthetic_daily_pct.csv", index=False,
                                                             float_format="%.17g")
blocks = np.array([r[1 + 21 * b: 22 + 21 * b].sum() for b in range(810)])
pd.DataFrame({"block": np.arange(810), "y": blocks}).to_csv("markov_synthetic_21day_blocks_pct.csv", index=False,
                                                            float_format="%.17g")


def degenerate(res, y):
    names = res.model.param_names
    return any(res.params[i] < 1e-6 * np.var(y) for i, n in enumerate(names) if n.startswith("sigma2"))


def case(name, y, make, index_name, index, csv_in, csv_prob, data_text):
    model = make()
    default = model.fit()
    np.random.seed(20240611)
    search = make().fit(search_reps=20)
    fits = [("statsmodels_default", default), ("search_reps_20", search)]
    gen = np.random.default_rng(20240611 + 1)
    start_u = model.untransform_params(model.start_params)
    for i in range(30):
        st = model.transform_params(start_u + gen.uniform(-2, 2, len(start_u)))
        try:
            fits.append(("random_start_%d" % i, make().fit(start_params=st, em_iter=0, maxiter=500, disp=False)))
        except Exception:
            pass
    finished = len(fits)
    good = [(n, f) for n, f in fits if np.isfinite(f.llf) and not degenerate(f, y)]
    found_by, best0 = max(good, key=lambda nf: nf[1].llf)
    best = make().fit(start_params=best0.params, em_iter=0, method="bfgs", maxiter=2000, gtol=1e-8, disp=False)
    relabel = False
    names = model.param_names
    i0, i1 = names.index("sigma2[0]"), names.index("sigma2[1]")
    if best.params[i0] > best.params[i1]:
        relabel = True
        p = best.params.copy()
        p00, p10 = p[0], p[1]
        p[0], p[1] = 1 - p10, 1 - p00
        for a, b in [("const[0]", "const[1]"), ("sigma2[0]", "sigma2[1]")]:
            ia, ib = names.index(a), names.index(b)
            p[ia], p[ib] = p[ib], p[ia]
        best = make().fit(start_params=p, em_iter=0, method="bfgs", maxiter=2000, gtol=1e-8, disp=False)
    k = len(best.params)
    T = best.regime_transition[:, :, 0]
    f = np.asarray(best.filtered_marginal_probabilities)
    sm = np.asarray(best.smoothed_marginal_probabilities)
    nobs = int(best.nobs)
    reached = sum(1 for _, g in good if g.llf >= best.llf - 1e-4)
    others = sorted({round(g.llf, 3) for _, g in good if g.llf < best.llf - 1e-3})
    out = {"input": csv_in, "probabilities": csv_prob, "model": type(model).__name__, "k_regimes": 2,
           "order": getattr(model, "order", 0), "trend": "c", "switching_variance": True,
           "switching_ar": False if isinstance(model, MarkovAutoregression) else None, "data": data_text,
           "n": len(y),
           "best": {"param_names": names, "params": best.params.tolist(), "bse": best.bse.tolist(),
                    "llf": best.llf, "aic": best.aic, "bic": best.bic, "hqic": best.hqic, "nobs": nobs,
                    "k_params": k,
                    "transition_matrix_statsmodels_P[i,j]=Pr(S_t=i|S_t-1=j)": T.tolist(),
                    "transition_matrix_row_stochastic_P[i,j]=Pr(S_t=j|S_t-1=i)": T.T.tolist(),
                    "expected_durations": (1 / (1 - np.diag(T))).tolist(), "converged": bool(best.mle_retvals["converged"]),
                    "found_by": found_by,
                    "polished": "fit(start_params=best, em_iter=0, method='bfgs', maxiter=2000, gtol=1e-8)",
                    "relabelled_regimes": relabel, "score_max_abs": float(np.max(np.abs(model.score(best.params)))),
                    "filtered_first5": f[:5].tolist(), "smoothed_first5": sm[:5].tolist(),
                    "smoothed_last5": sm[-5:].tolist()},
           "statsmodels_defaults_fit": {"llf": default.llf, "params": default.params.tolist(),
                                        "converged": bool(default.mle_retvals["converged"])},
           "search_reps_fit": {"search_reps": 20, "np_random_seed": 20240611, "llf": search.llf,
                               "params": search.params.tolist()},
           "global_check": {"random_starts": 30,
                            "rng": "numpy default_rng(20240612).uniform(-2, 2, k) added to the untransformed default start",
                            "fits_finished": finished, "degenerate_zero_variance_fits_excluded": finished - len(good),
                            "starts_reaching_best_within_1e-4": reached, "of_non_degenerate_fits": len(good),
                            "best_llf_of_any_start_before_polish": best0.llf,
                            "other_local_optima_llf_rounded": others}}
    off = len(y) - nobs
    pd.DataFrame({index_name: index[off:], "y": y[off:], "filtered_p0": f[:, 0], "filtered_p1": f[:, 1],
                  "smoothed_p0": sm[:, 0], "smoothed_p1": sm[:, 1]}).to_csv(csv_prob, index=False,
                                                                          float_format="%.17g")
    return out


doc = {"generated_by": "python3 ../../python/markov_switching_expected.py (Debian bookworm packages)",
       "versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
                    "pandas": pd.__version__, "statsmodels": statsmodels.__version__},
       "conventions": "MarkovRegression(y, k_regimes=2, trend='c', switching_variance=True): y_t = mu_{S_t} + e_t, "
                      "e_t ~ N(0, sigma2_{S_t}). MarkovAutoregression(y, k_regimes=2, order=1, trend='c', "
                      "switching_ar=False, switching_variance=True) (Hamilton 1989 form). The likelihood conditions "
                      "on the first p observations: nobs = n - p. p[0->0] = Pr(S_t=0|S_{t-1}=0), p[1->0] = "
                      "Pr(S_t=0|S_{t-1}=1). Initial distribution ergodic. Regime 0 has the smaller variance "
                      "(relabelled and refitted otherwise). bse: statsmodels cov_type='approx'. Starting values: "
                      "(a) fit() defaults; (b) fit(search_reps=20) after np.random.seed(20240611); (c) 30 starts "
                      "untransformed default + default_rng(20240612).uniform(-2, 2, k), fit(start_params, "
                      "em_iter=0, maxiter=500). Fits with a variance below 1e-6 var(y) are excluded; the best llf "
                      "is polished with fit(start_params, em_iter=0, method='bfgs', maxiter=2000, gtol=1e-8).",
       "cases": {}}
doc["cases"]["synthetic_last2000_daily_pct"] = case(
    "daily", daily, lambda: MarkovRegression(daily, k_regimes=2, switching_variance=True), "t",
    np.arange(t0, N + 1), "markov_synthetic_daily_pct.csv", "markov_synthetic_daily_pct_probabilities.csv",
    "the last 2,000 of the 17,056 simulated daily returns (t = 15057..17056), crash day included")
doc["cases"]["synthetic_21day_blocks_pct_ar1"] = case(
    "blocks", blocks, lambda: MarkovAutoregression(blocks, k_regimes=2, order=1, switching_ar=False,
                                                   switching_variance=True), "block", np.arange(810),
    "markov_synthetic_21day_blocks_pct.csv", "markov_synthetic_21day_blocks_pct_probabilities.csv",
    "y_b = sum of the daily returns t = 2+21b .. 22+21b (b = 0..809): 810 non-overlapping 21-day returns")
json.dump(doc, open("markov_switching_expected.json", "w"), indent=1)
for c in doc["cases"].values():
    b = c["best"]
    print(c["input"], b["params"], b["bse"], b["llf"], b["aic"], b["bic"], b["hqic"], b["expected_durations"],
          b["transition_matrix_statsmodels_P[i,j]=Pr(S_t=i|S_t-1=j)"], b["nobs"], c["global_check"],
          c["statsmodels_defaults_fit"]["llf"])
