"""statsmodels references for Johansen and the VECM on the project's synthetic quarterly system.

Run from qtrade-features/src/test/resources/refcases:
    /usr/bin/python3 ../../python/vecm_johansen_expected.py [input.csv]
Writes johansen_statsmodels_expected.json and vecm_expected.json (the keys the tests read; conventions inside).
With the input argument (default johansen_synthetic_quarterly.csv) it can be pointed at any 4-column quarterly CSV
to check that it reproduces earlier outputs."""
import json
import platform
import sys

import numpy as np
import pandas as pd
import scipy
import statsmodels
from statsmodels.tsa.vector_ar.vecm import VECM, coint_johansen, select_coint_rank

INPUT = sys.argv[1] if len(sys.argv) > 1 else "johansen_synthetic_quarterly.csv"
PREFIX = sys.argv[2] if len(sys.argv) > 2 else "synthetic"
COLS = ["LRM", "LRY", "IBO", "IDE"]
VERSIONS = {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
            "pandas": pd.__version__, "statsmodels": statsmodels.__version__}

data = pd.read_csv(INPUT)
Y = data[COLS].to_numpy()

jo = {"generated_by": "python3 ../../python/vecm_johansen_expected.py (Debian bookworm packages)",
      "versions": VERSIONS,
      "input": INPUT + " columns " + ",".join(COLS) + " (synthetic, see make_synthetic_quarterly.py), "
               + str(len(Y)) + " quarterly obs",
      "call": "statsmodels.tsa.vector_ar.vecm.coint_johansen(Y, det_order, k_ar_diff)",
      "conventions": "det_order=-1: no deterministic terms; 0: dx, lagged dx and lagged levels demeaned (= urca "
                     "ca.jo ecdet='none', K=k_ar_diff+1); 1: levels detrended first. T = nobs - k_ar_diff - 1; "
                     "trace_r = -T sum_{i>r} ln(1-lambda_i), maxeig_r = -T ln(1-lambda_{r+1}); r=0 first. Critical "
                     "values (90/95/99%) MacKinnon-Haug-Michelis (1996). eigenvectors_columns = coint_johansen evec.",
      "results": {}}
for det_order, k in [(-1, 1), (0, 1), (0, 2), (1, 1)]:
    r = coint_johansen(Y, det_order, k)
    jo["results"]["det_order=%d,k_ar_diff=%d" % (det_order, k)] = {
        "eigenvalues": list(r.eig), "trace_stat_r0..r3": list(r.lr1), "maxeig_stat_r0..r3": list(r.lr2),
        "trace_crit_90_95_99": r.cvt.tolist(), "maxeig_crit_90_95_99": r.cvm.tolist(),
        "eigenvectors_columns": r.evec.tolist()}
json.dump(jo, open("johansen_statsmodels_expected.json", "w"), indent=1)


def mat(a):
    a = np.asarray(a)
    if a.size == 0:
        return []
    return a.tolist()


cases = {}
for rank in [1, 2]:
    for k in [1, 2]:
        for det in ["n", "co", "ci", "lo", "li", "coli", "colo"]:
            cases["%s_rank%d_kdiff%d_%s" % (PREFIX, rank, k, det)] = (rank, k, det, 0)
cases["%s_rank1_kdiff1_ci_seasons4" % PREFIX] = (1, 1, "ci", 4)

vecm = {"generated_by": "python3 ../../python/vecm_johansen_expected.py (Debian bookworm packages)",
        "versions": VERSIONS,
        "conventions": "statsmodels VECM(endog, k_ar_diff, coint_rank, deterministic[, seasons, first_season=0])"
                       ".fit() (method 'ml'; Luetkepohl 2005 ch. 7). beta normalised beta[:r,:r] = I_r; restricted "
                       "deterministic rows in det_coef_coint; alpha K x r; gamma K x (K k_ar_diff) [Gamma_1 | ...]; "
                       "det_coef unrestricted deterministic coefficients (const, lin trend, then centred seasonal "
                       "dummies); Pi = alpha beta'; Pi_det = alpha det_coef_coint'; stderr_* statsmodels' asymptotic "
                       "standard errors; sigma_u = u'u/T; llf statsmodels; llf_check_from_sigma_u = -T/2 (K ln 2pi "
                       "+ ln det sigma_u + K); forecast_5 = predict(steps=5). select_coint_rank(endog, det_order, "
                       "k_ar_diff, method='trace', signif=0.05).",
        "cases": {}}
for name, (rank, k, det, seasons) in cases.items():
    model = VECM(Y, k_ar_diff=k, coint_rank=rank, deterministic=det, seasons=seasons, first_season=0)
    res = model.fit()
    K = Y.shape[1]
    T = res.nobs
    sign, logdet = np.linalg.slogdet(res.sigma_u)
    c = {"input": INPUT, "columns": COLS, "coint_rank": rank, "k_ar_diff": k, "deterministic": det,
         "seasons": seasons, "nobs": int(T),
         "alpha": mat(res.alpha), "beta": mat(res.beta), "det_coef_coint": mat(res.det_coef_coint),
         "gamma": mat(res.gamma), "det_coef": mat(res.det_coef), "Pi": mat(res.alpha @ res.beta.T),
         "Pi_det": mat(res.alpha @ res.det_coef_coint.T) if res.det_coef_coint.size else [],
         "stderr_alpha": mat(res.stderr_alpha), "stderr_beta": mat(res.stderr_beta),
         "stderr_det_coef_coint": mat(res.stderr_det_coef_coint), "stderr_gamma": mat(res.stderr_gamma),
         "stderr_det_coef": mat(res.stderr_det_coef), "sigma_u": mat(res.sigma_u), "llf": float(res.llf),
         "llf_check_from_sigma_u": float(-T / 2 * (K * np.log(2 * np.pi) + logdet + K)),
         "forecast_5": mat(res.predict(steps=5))}
    vecm["cases"][name] = c
sel = {"input": INPUT, "columns": COLS, "method": "trace", "signif": 0.05, "results": {}}
for det_order in [-1, 0, 1]:
    for k in [1, 2]:
        s = select_coint_rank(Y, det_order, k, method="trace", signif=0.05)
        sel["results"]["det_order=%d,k_ar_diff=%d" % (det_order, k)] = {
            "rank": int(s.rank), "test_stats": list(s.test_stats), "crit_vals": list(s.crit_vals)}
vecm["cases"]["%s_select_coint_rank" % PREFIX] = sel
json.dump(vecm, open("vecm_expected.json", "w"), indent=1)
print("ok")
