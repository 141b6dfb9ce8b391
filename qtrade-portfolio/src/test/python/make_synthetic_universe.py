"""Writes synthetic_universe_daily_19901231_20010102.csv.gz: daily closes of 30 simulated stocks on every weekday
from 1990-12-31 to 2001-01-02, the shape of fBasics' DowJones30 (GPL) that it replaces. The columns carry the 30
DJIA tickers of 2000 as labels only: the prices are simulated, not those companies'. Project data, Apache-2.0.

Model (seed 19901231), log returns r_{i,t} = drift_i + beta_i m_t + gamma_i f_{s(i),t} + e_{i,t}:
- factor structure: one market factor m (0.045 % daily drift), five sector factors f (each stock in one sector s(i)),
  betas 0.6-1.4, sector loadings 0.5-1.2, so stocks of one sector co-move more than stocks of different sectors;
- volatility clustering: every component (m, each f, each e) is a GARCH(1,1) shock, h_t = omega + 0.08 eps_{t-1}^2
  + 0.90 h_{t-1}, omega set so that the long-run volatility is 1 % (market), 0.6 % (sectors), 1.0-2.2 % (stocks);
  and two stress regimes (1998-10..1998-12 and 2000-03..2000-12) multiply every shock by 1.8;
- fat tails: the GARCH innovations are Student-t(5), scaled to unit variance;
- starting prices 2-35 (split-adjusted levels), closes rounded to cents.
Checked facts (printed when run): excess kurtosis of daily returns, autocorrelation of squared returns at lags 1-5
(near zero for returns themselves), mean correlation within and across sectors.

    /usr/bin/python3 make_synthetic_universe.py OUTPUT_DIR"""
import datetime
import gzip
import sys

import numpy as np

TICKERS = ["AA", "AXP", "T", "BA", "CAT", "C", "KO", "DD", "EK", "XOM", "GE", "GM", "HWP", "HD", "HON", "INTC",
           "IBM", "IP", "JPM", "JNJ", "MCD", "MRK", "MSFT", "MMM", "MO", "PG", "SBC", "UTX", "WMT", "DIS"]
ALPHA, BETA_G = 0.08, 0.90
out = sys.argv[1] if len(sys.argv) > 1 else "."
rng = np.random.default_rng(19901231)
days = []
d = datetime.date(1990, 12, 31)
while d <= datetime.date(2001, 1, 2):
    if d.weekday() < 5:
        days.append(d)
    d += datetime.timedelta(days=1)
T, n, nu = len(days), len(TICKERS), 5.0
sector = rng.integers(0, 5, n)
beta = rng.uniform(0.6, 1.4, n)
gamma = rng.uniform(0.5, 1.2, n)
idio = rng.uniform(0.010, 0.022, n)
drift = rng.uniform(-0.0001, 0.0004, n)
scale = np.sqrt((nu - 2) / nu)
price = np.round(rng.uniform(2, 35, n), 2)
logp = np.log(price)
rows = [price]
# GARCH(1,1) state of the market (index 0), the five sectors (1..5) and the 30 stocks (6..35)
longrun = np.concatenate([[0.010], np.full(5, 0.006), idio]) ** 2
omega = longrun * (1.0 - ALPHA - BETA_G)
h = longrun.copy()
eps = np.zeros_like(h)
for t in range(1, T):
    day = days[t]
    stress = 1.8 if (datetime.date(1998, 10, 1) <= day <= datetime.date(1998, 12, 31)
                     or datetime.date(2000, 3, 1) <= day <= datetime.date(2000, 12, 31)) else 1.0
    h = omega + ALPHA * eps ** 2 + BETA_G * h
    eps = np.sqrt(h) * scale * rng.standard_t(nu, 6 + n)
    m = 0.00045 + stress * eps[0]
    s = stress * eps[1:6]
    e = stress * eps[6:]
    logp = logp + drift + beta * m + gamma * s[sector] + e
    rows.append(np.round(np.exp(logp), 2))
with gzip.open("%s/synthetic_universe_daily_19901231_20010102.csv.gz" % out, "wt") as f:
    f.write("date," + ",".join(TICKERS) + "\n")
    for day, r in zip(days, rows):
        f.write(day.isoformat() + "," + ",".join("%.2f" % v for v in r) + "\n")
P = np.array(rows)
R = np.diff(np.log(P), axis=0)
z = R - R.mean(axis=0)
kurt = (z ** 4).mean(axis=0) / (z ** 2).mean(axis=0) ** 2 - 3.0


def acf(x, k):
    x = x - x.mean()
    return float((x[k:] * x[:-k]).sum() / (x * x).sum())


C = np.corrcoef(R, rowvar=False)
same = [C[i, j] for i in range(n) for j in range(i + 1, n) if sector[i] == sector[j]]
diff = [C[i, j] for i in range(n) for j in range(i + 1, n) if sector[i] != sector[j]]
print(T, "days; excess kurtosis median %.2f (min %.2f)" % (np.median(kurt), kurt.min()))
print("ACF of squared returns, lags 1-5 (median over stocks):",
      ["%.3f" % np.median([acf(R[:, i] ** 2, k) for i in range(n)]) for k in range(1, 6)])
print("ACF of returns, lags 1-5 (median):",
      ["%.3f" % np.median([acf(R[:, i], k) for i in range(n)]) for k in range(1, 6)])
print("mean correlation within sector %.3f, across sectors %.3f" % (np.mean(same), np.mean(diff)))
