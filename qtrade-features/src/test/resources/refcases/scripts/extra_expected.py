"""Extra statsmodels reference values for the options the shared refcases do not cover.
Run from qtrade-features/src/test/resources/refcases:  /usr/bin/python3 scripts/extra_expected.py
Writes adf_ar2_diff.csv (a simulated unit-root series whose differences are AR(2), seed 20261125),
adf_extra_expected.json, coint_extra_expected.json, johansen_extra_expected.json, mackinnon_expected.json."""
import json
import platform

import numpy as np
import pandas as pd
import scipy
import statsmodels
from statsmodels.tsa.adfvalues import mackinnoncrit, mackinnonp
from statsmodels.tsa.stattools import adfuller, coint
from statsmodels.tsa.vector_ar.vecm import coint_johansen

VERSIONS = {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
            "statsmodels": statsmodels.__version__, "pandas": pd.__version__}

rng = np.random.default_rng(20261125)
e = rng.standard_normal(400)
dy = np.zeros(400)
for t in range(400):
    dy[t] = e[t] + (0.5 * dy[t - 1] if t >= 1 else 0) + (-0.3 * dy[t - 2] if t >= 2 else 0)
x_ar2 = 100.0 + np.cumsum(dy)
with open("adf_ar2_diff.csv", "w") as f:
    f.write("x\n")
    for v in x_ar2:
        f.write("%.17g\n" % v)

series = {name: pd.read_csv(name)["x"].to_numpy() for name in
          ["adf_random_walk.csv", "adf_ar1_phi05.csv", "adf_ar2_diff.csv"]}


def adf_case(x, regression, autolag, maxlag):
    r = adfuller(x, maxlag=maxlag, regression=regression, autolag=autolag)
    out = {"regression": regression, "autolag": autolag, "maxlag": maxlag, "statistic": r[0], "pvalue": r[1],
           "usedlag": int(r[2]), "nobs": int(r[3]),
           "critical_values": [r[4]["1%"], r[4]["5%"], r[4]["10%"]]}
    out["icbest"] = r[5] if autolag is not None else None
    return out


adf = {"versions": VERSIONS, "script": "scripts/extra_expected.py",
       "call": "adfuller(x, maxlag=maxlag, regression=regression, autolag=autolag)", "cases": {}}
for name, x in series.items():
    cases = []
    for regression in ["n", "c", "ct", "ctt"]:
        for autolag in ["AIC", "BIC", "t-stat"]:
            cases.append(adf_case(x, regression, autolag, None))
            cases.append(adf_case(x, regression, autolag, 6))
        for lag in [0, 1, 3]:
            cases.append(adf_case(x, regression, None, lag))
    adf["cases"][name] = cases
json.dump(adf, open("adf_extra_expected.json", "w"), indent=1)

pair = pd.read_csv("eg_synthetic_pair.csv")
den = pd.read_csv("johansen_synthetic_quarterly.csv")
co = {"versions": VERSIONS, "script": "scripts/extra_expected.py",
      "call": "coint(y, x, trend=trend, maxlag=maxlag, autolag=autolag)", "cases": []}
inputs = [("eg_synthetic_pair.csv", "y", ["x"], pair["y"].to_numpy(), pair[["x"]].to_numpy()),
          ("johansen_synthetic_quarterly.csv", "LRM", ["LRY", "IDE"], den["LRM"].to_numpy(), den[["LRY", "IDE"]].to_numpy())]
for name, yname, xnames, y, x in inputs:
    for trend in ["n", "c", "ct", "ctt"]:
        for autolag, maxlag in [("aic", None), ("bic", None), ("t-stat", None), ("aic", 4), (None, 0), (None, 2)]:
            t, p, crit = coint(y, x, trend=trend, maxlag=maxlag, autolag=autolag)
            import statsmodels.api as sm
            xx = x if trend == "n" else sm.tsa.add_trend(x, trend=trend, prepend=False)
            ols = sm.OLS(y, xx).fit()
            co["cases"].append({"file": name, "y": yname, "x": xnames, "trend": trend, "autolag": autolag,
                                "maxlag": maxlag, "t_stat": t, "pvalue": p,
                                "crit_1_5_10": [None if np.isnan(c) else c for c in crit],
                                "ols_params_x_then_trend": list(ols.params)})
json.dump(co, open("coint_extra_expected.json", "w"), indent=1)

jo = {"versions": VERSIONS, "script": "scripts/extra_expected.py", "input": "johansen_synthetic_quarterly.csv LRM,LRY,IBO,IDE",
      "call": "coint_johansen(Y, det_order, k_ar_diff)", "cases": []}
Y = den[["LRM", "LRY", "IBO", "IDE"]].to_numpy()
for det_order in [-1, 0, 1]:
    for k in [0, 1, 2, 3]:
        r = coint_johansen(Y, det_order, k)
        jo["cases"].append({"det_order": det_order, "k_ar_diff": k, "eigenvalues": list(r.eig),
                            "trace": list(r.lr1), "max_eig": list(r.lr2),
                            "trace_crit": r.cvt.tolist(), "max_eig_crit": r.cvm.tolist(),
                            "eigenvectors_rows": r.evec.tolist()})
json.dump(jo, open("johansen_extra_expected.json", "w"), indent=1)

mk = {"versions": VERSIONS, "script": "scripts/extra_expected.py", "pvalues": [], "crit": []}
for reg in ["n", "c", "ct", "ctt"]:
    for n in range(1, 7):
        for stat in [-30.0, -12.5, -6.0, -4.2, -3.3, -2.9, -2.0, -1.2, -0.5, 0.0, 0.8, 2.0, 5.0]:
            mk["pvalues"].append({"regression": reg, "N": n, "stat": stat, "p": mackinnonp(stat, reg, n)})
    for n in (range(1, 2) if reg == "n" else range(1, 13)):
        for nobs in [25, 100, 498, 10000]:
            mk["crit"].append({"regression": reg, "N": n, "nobs": nobs,
                               "crit": list(mackinnoncrit(N=n, regression=reg, nobs=nobs))})
json.dump(mk, open("mackinnon_expected.json", "w"), indent=1)
print("ok")
