"""Times statsmodels 0.13.5 adfuller (autolag AIC, maxlag 67) and coint_johansen (det_order 0, k_ar_diff 1) on
100,000 rows, for the comparison in docs/benchmarks.md, and writes the inputs and results to OUT_DIR so the Java
results can be checked against them on the same data (scripts/CheckLargeCases.java).
Run: /usr/bin/python3 time_statsmodels.py [OUT_DIR (default /tmp/qtrade-coint)]"""
import json
import os
import sys
import time

import numpy as np
import statsmodels
from statsmodels.tsa.stattools import adfuller
from statsmodels.tsa.vector_ar.vecm import coint_johansen

out_dir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/qtrade-coint"
os.makedirs(out_dir, exist_ok=True)
rng = np.random.default_rng(20261125)
n = 100_000
walk = 100.0 + np.cumsum(rng.uniform(-0.5, 0.5, n))
a = np.cumsum(rng.uniform(-0.5, 0.5, n))
b = np.cumsum(rng.uniform(-0.5, 0.5, n))
u = np.zeros(n)
e = rng.uniform(-0.5, 0.5, n)
for t in range(n):
    u[t] = (0.5 * u[t - 1] if t else 0.0) + e[t]
three = np.column_stack([a, b, a + b + u])
np.savetxt(os.path.join(out_dir, "walk.csv"), walk, fmt="%.17g")
np.savetxt(os.path.join(out_dir, "three.csv"), three, fmt="%.17g", delimiter=",")

t0 = time.perf_counter()
adf = adfuller(walk, maxlag=67, regression="c", autolag="AIC")
adf_s = time.perf_counter() - t0

times = []
for _ in range(7):
    t0 = time.perf_counter()
    jo = coint_johansen(three, 0, 1)
    times.append(time.perf_counter() - t0)
res = {"statsmodels": statsmodels.__version__,
       "adfuller_seconds": adf_s, "adf": {"statistic": adf[0], "pvalue": adf[1], "usedlag": int(adf[2]),
                                          "nobs": int(adf[3]), "icbest": adf[5]},
       "coint_johansen_ms_best_of_7": 1e3 * min(times), "coint_johansen_ms_median_of_7": 1e3 * float(np.median(times)),
       "johansen": {"eig": list(jo.eig), "trace": list(jo.lr1), "max_eig": list(jo.lr2)}}
json.dump(res, open(os.path.join(out_dir, "statsmodels_results.json"), "w"), indent=1)
print(json.dumps(res, indent=1))
