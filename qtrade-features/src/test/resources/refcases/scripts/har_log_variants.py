"""HAR-RV in logs, both conventions, on har_synthetic_daily_rv.csv (rv_pct2): numpy least squares (QR).

LOG_OF_AVERAGES: ln RV_{t+1} ~ 1 + ln RV_t + ln mean(RV_{t-4..t}) + ln mean(RV_{t-21..t})
AVERAGE_OF_LOGS: ln RV_{t+1} ~ 1 + ln RV_t + mean(ln RV_{t-4..t}) + mean(ln RV_{t-21..t})
rows t = 21..T-2 (0-based). Ordinary SEs s^2 (X'X)^-1 with s^2 = SSR/(n-p).
Run: python3 scripts/har_log_variants.py > har_log_variants_expected.json
"""
import csv, json, sys
import numpy as np

rv = np.array([float(r["rv_pct2"]) for r in csv.DictReader(open(sys.argv[1] if len(sys.argv) > 1 else "har_synthetic_daily_rv.csv"))])
T = len(rv)
out = {"generated_by": "scripts/har_log_variants.py", "numpy": np.__version__, "input": "har_synthetic_daily_rv.csv column rv_pct2"}
for name in ("LOG_OF_AVERAGES", "AVERAGE_OF_LOGS"):
    X, y = [], []
    for t in range(21, T - 1):
        if name == "LOG_OF_AVERAGES":
            w, m = np.log(rv[t-4:t+1].mean()), np.log(rv[t-21:t+1].mean())
        else:
            w, m = np.log(rv[t-4:t+1]).mean(), np.log(rv[t-21:t+1]).mean()
        X.append([1.0, np.log(rv[t]), w, m]); y.append(np.log(rv[t+1]))
    X, y = np.array(X), np.array(y)
    q, r = np.linalg.qr(X)
    b = np.linalg.solve(r, q.T @ y)
    u = y - X @ b
    s2 = u @ u / (len(y) - 4)
    se = np.sqrt(np.diag(s2 * np.linalg.inv(X.T @ X)))
    r2 = 1 - (u @ u) / ((y - y.mean()) @ (y - y.mean()))
    out[name] = {"params": b.tolist(), "se": se.tolist(), "r2": float(r2), "first_row": [y[0]] + X[0, 1:].tolist(), "rows": len(y)}
print(json.dumps(out, indent=1))
