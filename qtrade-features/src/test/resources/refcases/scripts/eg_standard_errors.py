"""Standard errors of the Engle-Granger cointegrating regression on eg_synthetic_pair.csv, numpy only.

Design columns: x, const [, t] with t = 1..n. Ordinary: s^2 (X'X)^-1, s^2 = SSR/(n-p).
Newey-West: (X'X)^-1 S (X'X)^-1, S = sum u_t^2 x_t x_t' + sum_{l=1..L} (1 - l/(L+1)) sum_t u_t u_{t-l} (x_t x_{t-l}' + x_{t-l} x_t')
(statsmodels cov_type="HAC", use_correction=False). Run: python3 scripts/eg_standard_errors.py > eg_standard_errors_expected.json
"""
import csv, json
import numpy as np

rows = list(csv.DictReader(open("eg_synthetic_pair.csv")))
x = np.array([float(r["x"]) for r in rows]); y = np.array([float(r["y"]) for r in rows]); n = len(y)
out = {"generated_by": "scripts/eg_standard_errors.py", "numpy": np.__version__, "input": "eg_synthetic_pair.csv"}
for trend, cols in (("c", [x, np.ones(n)]), ("ct", [x, np.ones(n), np.arange(1, n + 1.0)])):
    X = np.column_stack(cols)
    b = np.linalg.lstsq(X, y, rcond=None)[0]
    u = y - X @ b
    xtxi = np.linalg.inv(X.T @ X)
    se = np.sqrt(np.diag(u @ u / (n - X.shape[1]) * xtxi))
    case = {"params": b.tolist(), "se": se.tolist()}
    for L in (0, 5, 12):
        g = X * u[:, None]
        S = g.T @ g
        for l in range(1, L + 1):
            w = 1 - l / (L + 1)
            S += w * (g[l:].T @ g[:-l] + g[:-l].T @ g[l:])
        case[f"nw_se_L{L}"] = np.sqrt(np.diag(xtxi @ S @ xtxi)).tolist()
    out[trend] = case
print(json.dumps(out, indent=1))
