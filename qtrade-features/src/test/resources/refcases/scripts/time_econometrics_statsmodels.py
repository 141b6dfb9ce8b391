"""Times statsmodels 0.13.5 VECM fits with restricted deterministic terms (the Johansen reduced-rank regression with
urca's ecdet "const" = 'ci' and "trend" = 'coli'), for docs/benchmarks.md, and writes the input and the estimates to
OUT_DIR so that CheckLargeEconometrics.java can compare qtrade on the same data. statsmodels' coint_johansen has no
restricted terms; VECM.fit() runs the same eigenproblem plus the estimates, but its _r_matrices builds an n x n
identity matrix (74.5 GiB at n = 100,000), so it is timed at n = 2,000, 5,000 and 10,000 rows (the first rows of the
3 x 100,000 series) and coint_johansen (det_order 0) on all 100,000.
Run: /usr/bin/python3 time_econometrics_statsmodels.py [OUT_DIR (default /tmp/qtrade-econ)]"""
import json
import os
import sys
import time

import numpy as np
import statsmodels
from statsmodels.tsa.vector_ar.vecm import VECM, coint_johansen

out_dir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/qtrade-econ"
os.makedirs(out_dir, exist_ok=True)
rng = np.random.default_rng(20261125)
n = 100_000
a = np.cumsum(rng.uniform(-0.5, 0.5, n))
b = np.cumsum(rng.uniform(-0.5, 0.5, n))
u = np.zeros(n)
e = rng.uniform(-0.5, 0.5, n)
for t in range(n):
    u[t] = (0.5 * u[t - 1] if t else 0.0) + e[t]
three = np.column_stack([a, b, a + b + u])
np.savetxt(os.path.join(out_dir, "three.csv"), three[:10_000], fmt="%.17g", delimiter=",")
res = {"statsmodels": statsmodels.__version__, "numpy": np.__version__}
for rows in (2_000, 5_000, 10_000):
    for det in ("ci", "coli"):
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            fit = VECM(three[:rows], k_ar_diff=1, coint_rank=1, deterministic=det).fit()
            times.append(time.perf_counter() - t0)
        res[f"{det}_{rows}"] = {"ms_best_of_3": 1e3 * min(times), "ms_median_of_3": 1e3 * float(np.median(times)),
                                "alpha": fit.alpha.tolist(), "beta": fit.beta.tolist(),
                                "det_coef_coint": fit.det_coef_coint.tolist(), "gamma": fit.gamma.tolist(),
                                "llf": float(fit.llf)}
times = []
for _ in range(5):
    t0 = time.perf_counter()
    coint_johansen(three, 0, 1)
    times.append(time.perf_counter() - t0)
res["coint_johansen_det0_ms_best_of_5"] = 1e3 * min(times)
json.dump(res, open(os.path.join(out_dir, "statsmodels_vecm.json"), "w"), indent=1)
print(json.dumps({k: (v if not isinstance(v, dict) else {kk: vv for kk, vv in v.items() if kk.startswith("ms") or kk in ("llf", "beta", "det_coef_coint")}) for k, v in res.items()}, indent=1))
