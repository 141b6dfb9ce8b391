"""Cross-check of MeanVarianceConstraintsTest.costPenaltyTradesOffVarianceAgainstTrading with cvxopt (Debian bookworm
python3-cvxopt 1.3.0): min w'Sigma w + rate * sum_i |w_i - w0_i| over sum w = 1, 0 <= w <= 0.2, w0 = 1/N, on the dj10
returns (Sigma = sample covariance, ddof 1), as a QP in (w, t) with t_i >= |w_i - w0_i| (objective scaled by
N / trace Sigma, as the Java model). With the bounds inactive at w0, w0 is optimal iff rate >= (max_i g_i - min_i g_i)
/ 2 with g = 2 Sigma w0. Prints that threshold and, per rate, max |w - w0|, the turnover and the variance.

    /usr/bin/python3 qtrade-portfolio/src/test/python/cost_penalty_check.py"""
import os

import numpy as np
from cvxopt import matrix, solvers

HERE = os.path.dirname(os.path.abspath(__file__))
R = np.genfromtxt(os.path.join(HERE, "..", "resources", "refcases", "portfolio_dj10_1999_2000_returns.csv"),
                  delimiter=",", skip_header=1)[:, 1:]
S = np.cov(R, rowvar=False, ddof=1)
n = S.shape[0]
w0 = np.full(n, 1.0 / n)
solvers.options.update({"abstol": 1e-13, "reltol": 1e-13, "feastol": 1e-13, "show_progress": False})
sc = n / np.trace(S)


def solve(rate, lb=0.0, ub=0.2):
    P = np.zeros((2 * n, 2 * n))
    P[:n, :n] = 2 * S * sc
    q = np.concatenate([np.zeros(n), np.full(n, rate * sc)])
    eye, zero = np.eye(n), np.zeros((n, n))
    G = np.vstack([np.hstack([eye, -eye]), np.hstack([-eye, -eye]), np.hstack([eye, zero]), np.hstack([-eye, zero])])
    h = np.concatenate([w0, -w0, np.full(n, ub), np.full(n, -lb)])
    A = np.hstack([np.ones((1, n)), np.zeros((1, n))])
    sol = solvers.qp(matrix(P), matrix(q), matrix(G), matrix(h), matrix(A), matrix(np.ones(1)))
    return np.array(sol["x"]).ravel()[:n], sol["status"]


g = 2 * S @ w0
print("smallest rate with w0 optimal: %.6e" % ((g.max() - g.min()) / 2))
for rate in [1.0, 1e-3, 1e-4, 2e-5, 0.0]:
    w, status = solve(rate)
    print("rate %g %s max|w-w0| %.3e turnover %.6f variance %.6e"
          % (rate, status, np.abs(w - w0).max(), np.abs(w - w0).sum(), w @ S @ w))
