"""Synthetic daily realized variances of an exchange rate and the statsmodels 0.13.5 HAR-RV references on them.

Writes (run from qtrade-features/src/test/resources/refcases:  /usr/bin/python3 ../../python/har_rv_expected.py):
- har_synthetic_daily_rv.csv: 1302 weekdays (1996-04-01 .. 2001-03-27) of realized variance from 48 simulated
  30-minute log returns a day (47 on the first day), columns date, n_returns, rv, rv_pct2 = 1e4 rv. The spot
  volatility is exp of the sum of three AR(1) components in logs (daily, weekly and monthly persistence, the
  cascade HAR approximates; Corsi 2009) times an intraday U-shape, with Student-t(6) returns; about 0.6 % a day,
  the level of USD/CHF. Seed 19960401. Replaces the RV of timeSeries::USDCHF (GPL). Project data, Apache-2.0.
- har_rv_expected.json: statsmodels OLS of the HAR regression (conventions inside);
- har_rv_pvalues_derived.json: p-values from its t statistics (scipy.stats)."""
import datetime
import json
import platform

import numpy as np
import pandas as pd
import scipy
import scipy.stats as st
import statsmodels
import statsmodels.api as sm

rng = np.random.default_rng(19960401)
days = []
d = datetime.date(1996, 4, 1)
while len(days) < 1302:
    if d.weekday() < 5:
        days.append(d)
    d += datetime.timedelta(days=1)
T = len(days)
phis = [0.5, 0.9, 0.995]
sds = [0.12, 0.06, 0.04]
comp = np.zeros(3)
lv = np.empty(T)
for t in range(T):
    comp = np.array(phis) * comp + np.array(sds) * rng.standard_normal(3)
    lv[t] = comp.sum()
daily_sd = 0.006 * np.exp(lv - 0.5 * np.var(lv))            # about 0.6 % a day
k = np.arange(48)
shape = 1.0 + 0.6 * np.cos(2 * np.pi * (k + 0.5) / 48) ** 2
shape /= shape.mean()
nu = 6.0
rows = []
for t in range(T):
    n = 47 if t == 0 else 48
    r = daily_sd[t] / np.sqrt(48) * np.sqrt(shape[48 - n:]) * rng.standard_t(nu, n) * np.sqrt((nu - 2) / nu)
    rv = float(np.sum(r * r))
    rows.append((days[t].isoformat(), n, rv, 1e4 * rv))
with open("har_synthetic_daily_rv.csv", "w") as f:
    f.write("date,n_returns,rv,rv_pct2\n")
    for row in rows:
        f.write("%s,%d,%.17g,%.17g\n" % row)

rv = pd.read_csv("har_synthetic_daily_rv.csv")["rv_pct2"].to_numpy()
X, y = [], []
for t in range(21, T - 1):
    y.append(rv[t + 1])
    X.append([rv[t], rv[t - 4:t + 1].mean(), rv[t - 21:t + 1].mean()])
X = sm.add_constant(np.array(X))
y = np.array(y)
ols = sm.OLS(y, X).fit()
hac = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": 5, "use_correction": False})
versions = {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
            "statsmodels": statsmodels.__version__, "pandas": pd.__version__}
out = {"generated_by": "python3 ../../python/har_rv_expected.py (Debian bookworm packages)", "versions": versions,
       "input": "har_synthetic_daily_rv.csv (simulated by the same script)",
       "rv_definition": "RV_d = sum of the day's squared 30-minute log returns; rv_pct2 = 1e4 * rv (percent^2). "
                        "Regression uses rv_pct2.",
       "har_definition": "For t = 21 .. T-2 (0-based index into the daily series, T = number of days): y = RV_{t+1}; "
                         "RV_d = RV_t; RV_w = mean(RV_{t-4..t}) (5 values incl. t); RV_m = mean(RV_{t-21..t}) (22 "
                         "values incl. t). OLS y ~ 1 + RV_d + RV_w + RV_m; rows = T-22. First row: target index 22, "
                         "regressors from indices 0..21. Newey-West: statsmodels cov_type='HAC', maxlags 5, Bartlett, "
                         "use_correction=False.",
       "n_days_T": T, "n_regression_rows": len(y),
       "first_row_y_d_w_m": [y[0]] + X[0, 1:].tolist(), "last_row_y_d_w_m": [y[-1]] + X[-1, 1:].tolist(),
       "ols": {"param_names": ["const", "beta_d", "beta_w", "beta_m"], "params": ols.params.tolist(),
               "se_nonrobust": ols.bse.tolist(),
               "se_HAC_newey_west_bartlett_maxlags5_statsmodels_default_small_sample_off": hac.bse.tolist(),
               "r2": ols.rsquared, "adj_r2": ols.rsquared_adj, "sigma2_resid_ssr_over_n_minus_4": ols.scale,
               "ssr": ols.ssr}}
json.dump(out, open("har_rv_expected.json", "w"), indent=1)
t_o = ols.params / ols.bse
t_h = hac.params / hac.bse
df = len(y) - 4
pv = {"generated_by": "python3 ../../python/har_rv_expected.py: scipy.stats from the params and standard errors of "
                      "har_rv_expected.json (derived, not a statsmodels output)", "versions": versions,
      "definition": "t_j = params_j / se_j; p_t = 2 * t.sf(|t_j|, df = n - 4 = %d) (statsmodels OLS nonrobust); "
                    "p_normal = 2 * norm.sf(|t_j|) (statsmodels HAC default use_t=False)" % df,
      "t_nonrobust": t_o.tolist(), "p_nonrobust_t%d" % df: (2 * st.t.sf(np.abs(t_o), df)).tolist(),
      "t_hac": t_h.tolist(), "p_hac_normal": (2 * st.norm.sf(np.abs(t_h))).tolist(),
      "p_hac_t%d" % df: (2 * st.t.sf(np.abs(t_h), df)).tolist()}
json.dump(pv, open("har_rv_pvalues_derived.json", "w"), indent=1)
print(json.dumps(out["ols"]), out["first_row_y_d_w_m"], out["last_row_y_d_w_m"])
print(json.dumps(pv))
print("mean rv_pct2", rv.mean(), "last", rv[-1])
