"""Writes johansen_synthetic_quarterly.csv: 55 quarters (1974Q1-1987Q3) of a simulated four-variable system shaped
like Johansen & Juselius' (1990) money-demand data (log real money LRM, log real income LRY, bond rate IBO,
deposit rate IDE): two stochastic trends (income, interest rates), two cointegrating relations (a money-demand
relation LRM - LRY + 5.2 IBO - 4.2 IDE and the rate spread IBO - IDE), quarterly seasonality in money and income.
Replaces urca's 'denmark' (GPL) as the Johansen and VECM test input. Project data, Apache-2.0.

Run from qtrade-features/src/test/resources/refcases:  /usr/bin/python3 ../../python/make_synthetic_quarterly.py"""
import numpy as np

rng = np.random.default_rng(19900515)
n = 55
season_m = np.array([0.012, -0.005, -0.010, 0.003])
season_y = np.array([0.015, 0.010, -0.030, 0.005])
trend_y = np.cumsum(0.005 + 0.02 * rng.standard_normal(n))      # income: random walk with drift
trend_r = np.cumsum(0.012 * rng.standard_normal(n))               # interest-rate level: random walk
spread = np.zeros(n)
money_gap = np.zeros(n)
noise_y = np.zeros(n)
for t in range(n):
    prev = t - 1 if t else 0
    spread[t] = (0.6 * spread[prev] if t else 0.0) + 0.012 * rng.standard_normal()
    money_gap[t] = (0.7 * money_gap[prev] if t else 0.0) + 0.012 * rng.standard_normal()
    noise_y[t] = (0.3 * noise_y[prev] if t else 0.0) + 0.008 * rng.standard_normal()
q = np.arange(n) % 4
LRY = 5.90 + trend_y + season_y[q] + noise_y
IDE = 0.094 + trend_r + 0.002 * rng.standard_normal(n)
IBO = IDE + 0.06 + spread
LRM = 11.63 + (LRY - 5.90) - 5.2 * (IBO - 0.154) + 4.2 * (IDE - 0.094) + season_m[q] + money_gap
with open("johansen_synthetic_quarterly.csv", "w") as f:
    f.write("quarter,LRM,LRY,IBO,IDE\n")
    for t in range(n):
        f.write("%d:%02d,%.17g,%.17g,%.17g,%.17g\n" % (1974 + t // 4, t % 4 + 1, LRM[t], LRY[t], IBO[t], IDE[t]))
