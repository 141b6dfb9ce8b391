"""Writes garch_synthetic_fx.csv: 1974 daily percentage returns of a simulated exchange rate, a GARCH(1,1) with
Student-t (8 degrees of freedom, unit variance) innovations and parameters near the DEM/GBP benchmark's
(mu -0.02, omega 0.0108, alpha 0.153, beta 0.806), rounded to 6 decimals like vendor data. Replaces fGarch's
dem2gbp (GPL) as the GARCH test input. Project data, Apache-2.0.

Run from qtrade-features/src/test/resources/refcases:  /usr/bin/python3 ../../python/make_synthetic_fx_returns.py"""
import numpy as np

rng = np.random.default_rng(19960101)
n, burn = 1974, 500
mu, omega, alpha, beta, nu = -0.02, 0.0108, 0.153, 0.806, 8.0
z = rng.standard_t(nu, n + burn) * np.sqrt((nu - 2) / nu)
h = omega / (1 - alpha - beta)
r = np.empty(n + burn)
for t in range(n + burn):
    eps = np.sqrt(h) * z[t]
    r[t] = mu + eps
    h = omega + alpha * eps * eps + beta * h
with open("garch_synthetic_fx.csv", "w") as f:
    f.write("r\n")
    for v in r[burn:]:
        f.write("%.6f\n" % v)
