"""Writes synthetic_universe_daily_19901231_20010102.csv.gz: daily closes of 30 simulated stocks on every weekday
from 1990-12-31 to 2001-01-02, the shape of fBasics' DowJones30 (GPL) that it replaces. The columns carry the 30
DJIA tickers of 2000 as labels only: the prices are simulated, not those companies'.

Model (seed 19901231): log returns = beta_i * market + gamma_i * sector_{s(i)} + idiosyncratic, with a market
factor of 1 % daily volatility and 0.045 % daily drift, five sector factors of 0.6 %, idiosyncratic volatility 1.0-2.2 %,
Student-t(5) shocks scaled to those volatilities, a volatility regime (x1.8 in 1998-10..1998-12 and 2000-03..2000-12),
betas 0.6-1.4; starting prices 2-35 (split-adjusted levels), closes rounded to cents. Project data, Apache-2.0.

    /usr/bin/python3 make_synthetic_universe.py OUTPUT_DIR"""
import datetime
import gzip
import sys

import numpy as np

TICKERS = ["AA", "AXP", "T", "BA", "CAT", "C", "KO", "DD", "EK", "XOM", "GE", "GM", "HWP", "HD", "HON", "INTC",
           "IBM", "IP", "JPM", "JNJ", "MCD", "MRK", "MSFT", "MMM", "MO", "PG", "SBC", "UTX", "WMT", "DIS"]
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
for t in range(1, T):
    day = days[t]
    stress = 1.8 if (datetime.date(1998, 10, 1) <= day <= datetime.date(1998, 12, 31)
                     or datetime.date(2000, 3, 1) <= day <= datetime.date(2000, 12, 31)) else 1.0
    m = 0.00045 + 0.010 * stress * scale * rng.standard_t(nu)
    s = 0.006 * stress * scale * rng.standard_t(nu, 5)
    e = idio * stress * scale * rng.standard_t(nu, n)
    logp = logp + drift + beta * m + gamma * s[sector] + e
    rows.append(np.round(np.exp(logp), 2))
with gzip.open("%s/synthetic_universe_daily_19901231_20010102.csv.gz" % out, "wt") as f:
    f.write("date," + ",".join(TICKERS) + "\n")
    for day, r in zip(days, rows):
        f.write(day.isoformat() + "," + ",".join("%.2f" % v for v in r) + "\n")
print(T, "days")
