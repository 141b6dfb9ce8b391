"""scipy references for GARCH(1,1) on garch_synthetic_fx.csv: writes garch_scipy_expected.json and prints the
tseries-convention optimum (GarchOptionsTest). Conventions in the JSON. Run from
qtrade-features/src/test/resources/refcases:  /usr/bin/python3 ../../python/garch_scipy_expected.py [input.csv]"""
import json
import platform
import sys

import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy.optimize import minimize

INPUT = sys.argv[1] if len(sys.argv) > 1 else "garch_synthetic_fx.csv"
r = pd.read_csv(INPUT)["r"].to_numpy()
n = len(r)


def loglik(p, init):
    mu, omega, alpha, beta = p
    e = r - mu
    m2 = np.mean(e * e)
    h = np.empty(n)
    if init == "h1":
        h[0] = m2
    elif init == "fcp":
        h[0] = omega + (alpha + beta) * m2
    else:
        h[0] = omega / (1 - alpha - beta)
    for t in range(1, n):
        h[t] = omega + alpha * e[t - 1] ** 2 + beta * h[t - 1]
    return -0.5 * np.sum(np.log(2 * np.pi) + np.log(h) + e * e / h)


def mle(init, start):
    bounds = [(-1, 1), (1e-8, 1), (1e-8, 1 - 1e-8), (1e-8, 1 - 1e-8)]
    a = minimize(lambda p: -loglik(p, init), start, method="L-BFGS-B", bounds=bounds,
                 options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 10000})
    b = minimize(lambda p: -loglik(p, init), a.x, method="Nelder-Mead",
                 options={"xatol": 1e-12, "fatol": 1e-13, "maxiter": 40000, "maxfev": 40000})
    x = b.x if b.fun <= a.fun else a.x
    return {"mu": x[0], "omega": x[1], "alpha": x[2], "beta": x[3]}, -min(a.fun, b.fun)


start = [np.mean(r), 0.1 * np.var(r), 0.1, 0.8]
p1, l1 = mle("h1", start)
p2, l2 = mle("fcp", start)
fixed = [0.0, 0.01, 0.05, 0.90]
out = {"generated_by": "python3 ../../python/garch_scipy_expected.py",
       "versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
                    "statsmodels": statsmodels.__version__, "pandas": pd.__version__},
       "model": "r_t = mu + eps_t, eps_t = sqrt(h_t) z_t, z ~ N(0,1), h_t = omega + alpha eps_{t-1}^2 + beta h_{t-1}",
       "conventions": "Two initialisations, both with m2 = mean((r - mu)^2) over the whole sample at the current mu: "
                      "(a) 'h1_eq_mean_eps2': h_1 = m2; (b) 'presample_fcp': h_1 = omega + (alpha+beta)*m2 "
                      "(Fiorentini-Calzolari-Panattoni 1996, fGarch init.rec='mci'); (c) h_1 = omega/(1-alpha-beta) "
                      "for the third fixed-parameter value. loglik = -0.5 sum_{t=1..n} [ln(2 pi) + ln h_t + "
                      "eps_t^2/h_t]. Optimiser: L-BFGS-B then a Nelder-Mead polish. The fixed-param logliks are "
                      "deterministic function values.",
       "results": {INPUT: {"n": n,
                           "mle_init_h1_eq_mean_eps2": p1, "loglik_init_h1_eq_mean_eps2": l1,
                           "mle_init_presample_fcp": p2, "loglik_init_presample_fcp": l2,
                           "loglik_at_fixed_params_mu0_omega0.01_alpha0.05_beta0.90_presample_fcp": loglik(fixed, "fcp"),
                           "loglik_at_fixed_params_mu0_omega0.01_alpha0.05_beta0.90": loglik(fixed, "h1"),
                           "loglik_at_fixed_params_init_h0_equals_omega_over_1_minus_a_minus_b": loglik(fixed, "unc")}}}
json.dump(out, open("garch_scipy_expected.json", "w"), indent=1)

# tseries::garch convention (GarchOptionsTest): demeaned x, h_1 = mean(x^2), likelihood over t = 2..n; the optimum
# of that function from tseries' estimate (tseries' quasi-Newton stops early on this flat likelihood).
x = r - r.mean()


def nll(p):
    a0, a1, b1 = p
    h = np.empty(n)
    h[0] = np.mean(x ** 2)
    for t in range(1, n):
        h[t] = a0 + a1 * x[t - 1] ** 2 + b1 * h[t - 1]
    return 0.5 * np.sum(np.log(h[1:]) + x[1:] ** 2 / h[1:])


ts = json.load(open("garch_fgarch_expected.json"))["results"][INPUT]["tseries_garch"]["coef"]
s = [ts["a0"], ts["a1"], ts["b1"]]
a = minimize(nll, s, method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 20000})
b = minimize(nll, a.x, method="L-BFGS-B", bounds=[(1e-8, 1), (0, 1), (0, 1)], options={"ftol": 1e-15, "gtol": 1e-10})
print("tseries convention optimum", repr(b.x.tolist()), repr(-b.fun - 0.5 * (n - 1) * np.log(2 * np.pi)))
print("tseries estimate", s, "LL at it", -nll(s) - 0.5 * (n - 1) * np.log(2 * np.pi))
print(json.dumps(out["results"], indent=1))
