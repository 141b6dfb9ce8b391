"""Portfolio references (covariance, mean-variance, risk parity, HRP, Black-Litterman) on two windows of a
closes file. Run from qtrade-portfolio/src/test/resources/refcases:
    /usr/bin/python3 ../../python/portfolio_expected.py CLOSES.csv.gz
Writes portfolio_dj10_1999_2000_returns.csv, portfolio_dj15_1995_1996_returns.csv and the five
portfolio_*_expected.json files (conventions inside each; Debian bookworm numpy, scipy, sklearn, cvxopt). The window
names keep their historical labels: the closes are the synthetic universe of make_synthetic_universe.py."""
import json
import platform
import sys

import cvxopt
import numpy as np
import pandas as pd
import scipy
import sklearn
from cvxopt import matrix, solvers
from scipy.cluster.hierarchy import linkage, leaves_list
from scipy.optimize import minimize, root
from scipy.spatial.distance import squareform
from sklearn.covariance import LedoitWolf

CLOSES = sys.argv[1]
OUT = sys.argv[2] if len(sys.argv) > 2 else "."
VERS = {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
        "pandas": pd.__version__, "sklearn": sklearn.__version__, "cvxopt": cvxopt.__version__}
closes = pd.read_csv(CLOSES)
WINDOWS = {
    "dj10_1999_2000": (["AA", "AXP", "BA", "CAT", "KO", "XOM", "GE", "IBM", "JNJ", "MSFT"], "1998-12-31", "2000-12-29",
                       [0.1] * 10,
                       [({"MSFT": 1.0}, 0.05), ({"KO": 1.0, "XOM": -1.0}, 0.02),
                        ({"GE": 0.5, "IBM": 0.5, "AA": -0.5, "CAT": -0.5}, 0.03)],
                       [0.0025000000000000005, 0.0009, 0.0004]),
    "dj15_1995_1996": (["T", "C", "DD", "EK", "GM", "HWP", "HD", "HON", "INTC", "IP", "JPM", "MCD", "MRK", "MMM", "MO"],
                       "1994-12-30", "1996-12-31", [0.1] * 5 + [0.05] * 10,
                       [({"INTC": 1.0}, 0.15), ({"JPM": 1.0, "C": -1.0}, -0.01),
                        ({"MRK": 0.5, "MO": 0.5, "GM": -0.5, "EK": -0.5}, 0.04), ({"HD": 1.0}, 0.08)],
                       [0.010000000000000002, 0.0004, 0.0016, 0.0025000000000000005]),
}
LB, UB, RF, LAM, SEED_M, DELTA, TAU = 0.0, 0.2, 0.0002, 0.94, 20, 2.5, 0.05
solvers.options.update({"abstol": 1e-12, "reltol": 1e-12, "feastol": 1e-12, "show_progress": False})
docs = {k: {"generated_by": "python3 ../../python/portfolio_expected.py", "versions": VERS, "cases": {}}
        for k in ["covariance", "mean_variance", "risk_parity", "hrp", "black_litterman"]}
docs["covariance"]["conventions"] = (
    "R = T x n daily simple returns P_t/P_{t-1}-1. sample_cov_ddof1 = np.cov(R, ddof=1). ledoit_wolf = "
    "sklearn.covariance.LedoitWolf().fit(R). ewma (RiskMetrics, zero mean): covariance_recursive_seeded: Sigma = "
    "(1/m) sum_{t<=m} r_t r_t', m = 20, then Sigma <- lambda Sigma + (1-lambda) r_t r_t'; covariance_normalised_"
    "weights: sum_i w_i r_{T-i} r_{T-i}', w_i = (1-lambda) lambda^i / (1-lambda^T).")
docs["mean_variance"]["conventions"] = (
    "Daily units; mu = mean, Sigma = sample covariance (ddof 1). cvxopt.solvers.qp (abstol = reltol = feastol = "
    "1e-12; objective scaled by 1/mean(diag Sigma)). gmv_long_only_bounded: min w'Sigma w, sum w = 1, bounds; "
    "gmv_long_only_bounds_0_1; gmv_unconstrained_closed_form Sigma^-1 1/(1'Sigma^-1 1); max_sharpe_long_only_bounded "
    "via y = kappa w: min y'Sigma y, (mu-rf)'y = 1, lb sum y <= y_i <= ub sum y; efficient_for_target_bounded: "
    "target = round(mu'w_gmv + 0.5 (max feasible return - mu'w_gmv), 6). Sharpe daily (mu_p - rf)/sigma_p.")
docs["risk_parity"]["conventions"] = (
    "Spinu (2013): x* = argmin_{x>0} 0.5 x'Sigma x - sum b_i ln x_i, w = x*/sum x*; scipy L-BFGS-B then root (hybr) "
    "on the gradient. sigma = sqrt(w'Sigma w); MRC = (Sigma w)/sigma; RC = w (Sigma w)/sigma.")
docs["hrp"]["conventions"] = (
    "Lopez de Prado (2016) on the sample covariance (ddof 1): d = sqrt(0.5 (1 - rho)); scipy linkage(squareform(d), "
    "'single'); order = leaves_list; recursive bisection into first floor(len/2) and the rest with inverse-variance "
    "cluster variances, alpha = 1 - V_left/(V_left + V_right); weights in the original asset order. "
    "variant_paper_code_linkage_on_distance_matrix_rows: linkage(d, 'single') on the rows of the square matrix; "
    "other_linkage_methods: 'average' and 'ward' on squareform(d).")
docs["black_litterman"]["conventions"] = (
    "He & Litterman (1999). Sigma = 252 * sample covariance; w_mkt = price weights of the window's last close; "
    "pi = delta Sigma w_mkt; Omega = diag(tau P Sigma P'); M = [(tau Sigma)^-1 + P'Omega^-1 P]^-1; mu_bl = M "
    "[(tau Sigma)^-1 pi + P'Omega^-1 Q]; weights (delta (Sigma+M))^-1 mu_bl and variant (delta Sigma)^-1 mu_bl; "
    "variant_omega_given: Omega = diag(Omega_diag).")


def L(a):
    return np.asarray(a).tolist()


def qp(S, q=None, G=None, h=None, A=None, b=None):
    n = S.shape[0]
    sc = 1.0 / np.mean(np.diag(S))
    P = matrix(2 * S * sc)
    qv = matrix(np.zeros(n) if q is None else q * sc)
    sol = solvers.qp(P, qv, matrix(G), matrix(h), matrix(A), matrix(b))
    return np.array(sol["x"]).ravel(), sol["iterations"]


def stats(w, mu, S):
    r = float(mu @ w)
    v = float(w @ S @ w)
    return {"weights": L(w), "expected_return_daily": r, "variance_daily": v, "volatility_daily": np.sqrt(v),
            "sharpe_daily_(mu_p-rf)/sigma_p": (r - RF) / np.sqrt(v)}


def bounds_G(n, lb, ub):
    return np.vstack([-np.eye(n), np.eye(n)]), np.concatenate([-np.full(n, lb), np.full(n, ub)])


def hrp(S, names, method, on_rows=False):
    sd = np.sqrt(np.diag(S))
    rho = S / np.outer(sd, sd)
    d = np.sqrt(np.clip(0.5 * (1 - rho), 0, None))
    np.fill_diagonal(d, 0.0)
    Z = linkage(d, "single") if on_rows else linkage(squareform(d, checks=False), method)
    order = [int(i) for i in leaves_list(Z)]
    w = np.ones(len(names))
    steps = []
    clusters = [order]
    while clusters:
        nxt = []
        for c in clusters:
            if len(c) <= 1:
                continue
            h = len(c) // 2
            left, right = c[:h], c[h:]

            def cvar(items):
                sub = S[np.ix_(items, items)]
                iv = 1 / np.diag(sub)
                iv /= iv.sum()
                return float(iv @ sub @ iv)

            vl, vr = cvar(left), cvar(right)
            a = 1 - vl / (vl + vr)
            w[left] *= a
            w[right] *= 1 - a
            steps.append({"left": [names[i] for i in left], "right": [names[i] for i in right], "var_left": vl,
                          "var_right": vr, "alpha_left": a})
            nxt += [left, right]
        clusters = nxt
    return rho, d, Z, order, w, steps


for case, (assets, start, end, budgets, views, omega_given) in WINDOWS.items():
    win = closes[(closes["date"] >= start) & (closes["date"] <= end)]
    px = win[assets].to_numpy()
    R = px[1:] / px[:-1] - 1
    dates = win["date"].to_numpy()[1:]
    pd.DataFrame(R, columns=assets).assign(date=dates)[["date"] + assets].to_csv(
        "%s/portfolio_%s_returns.csv" % (OUT, case), index=False, float_format="%.17g")
    T, n = R.shape
    head = {"input": "portfolio_%s_returns.csv" % case, "assets": assets, "n_assets": n, "n_returns": T,
            "dates": "returns dated %s .. %s (closes %s .. %s)" % (dates[0], dates[-1], win["date"].iloc[0],
                                                                    win["date"].iloc[-1])}
    mu = R.mean(axis=0)
    S = np.cov(R, rowvar=False, ddof=1)
    lw = LedoitWolf().fit(R)
    E = R[:SEED_M].T @ R[:SEED_M] / SEED_M
    for t in range(SEED_M, T):
        E = LAM * E + (1 - LAM) * np.outer(R[t], R[t])
    wts = (1 - LAM) * LAM ** np.arange(T) / (1 - LAM ** T)
    E2 = sum(wts[i] * np.outer(R[T - 1 - i], R[T - 1 - i]) for i in range(T))
    docs["covariance"]["cases"][case] = dict(head, mean_daily=L(mu), sample_cov_ddof1=L(S), ledoit_wolf={
        "shrinkage": float(lw.shrinkage_), "mu_trace_over_p": float(np.trace(np.cov(R, rowvar=False, ddof=0)) / n),
        "location": L(lw.location_), "covariance": L(lw.covariance_),
        "empirical_cov_ddof0": L(np.cov(R, rowvar=False, ddof=0))},
        ewma={"lambda": LAM, "seed_m": SEED_M, "covariance_recursive_seeded": L(E),
              "covariance_normalised_weights": L(E2)})

    G, h = bounds_G(n, LB, UB)
    A1, b1 = np.ones((1, n)), np.ones(1)
    w_gmv, it1 = qp(S, G=G, h=h, A=A1, b=b1)
    G01, h01 = bounds_G(n, 0.0, 1.0)
    w_gmv01, _ = qp(S, G=G01, h=h01, A=A1, b=b1)
    iv = np.linalg.solve(S, np.ones(n))
    w_cf = iv / iv.sum()
    Gy = np.vstack([-np.eye(n) + LB * np.ones((n, n)), np.eye(n) - UB * np.ones((n, n))])
    y, it2 = qp(S, G=Gy, h=np.zeros(2 * n), A=(mu - RF).reshape(1, n), b=np.ones(1))
    w_ms = y / y.sum()
    # the largest return under the bounds: fill the best assets up to UB
    order = np.argsort(-mu)
    wmax = np.zeros(n)
    left = 1.0
    for i in order:
        wmax[i] = min(UB, left)
        left -= wmax[i]
    rmax = float(mu @ wmax)
    target = round(float(mu @ w_gmv) + 0.5 * (rmax - float(mu @ w_gmv)), 6)
    w_t, it3 = qp(S, G=G, h=h, A=np.vstack([np.ones(n), mu]), b=np.array([1.0, target]))
    mv = dict(head, mean_daily=L(mu), covariance="sample_cov_ddof1 from portfolio_covariance_expected.json",
              params={"lower_bound": LB, "upper_bound": UB, "rf_daily": RF, "target_return_daily": target})
    mv["gmv_long_only_bounded"] = dict(stats(w_gmv, mu, S), cvxopt_iterations=it1)
    mv["gmv_long_only_bounds_0_1"] = stats(w_gmv01, mu, S)
    mv["gmv_unconstrained_closed_form"] = stats(w_cf, mu, S)
    mv["max_sharpe_long_only_bounded"] = dict(stats(w_ms, mu, S), y_unnormalised=L(y), cvxopt_iterations=it2)
    mv["efficient_for_target_bounded"] = dict(stats(w_t, mu, S), cvxopt_iterations=it3,
                                              max_feasible_return_under_bounds=rmax)
    docs["mean_variance"]["cases"][case] = mv

    b = np.array(budgets)
    f = lambda x: 0.5 * x @ S @ x - b @ np.log(x)
    g = lambda x: S @ x - b / x
    x0 = np.full(n, 1.0 / np.sqrt(np.mean(np.diag(S)) * n))
    res = minimize(f, x0, jac=g, method="L-BFGS-B", bounds=[(1e-12, None)] * n, options={"ftol": 1e-16, "gtol": 1e-14})
    x = root(g, res.x, method="hybr", options={"xtol": 1e-15}).x
    w = x / x.sum()
    sig = np.sqrt(w @ S @ w)
    mrc = S @ w / sig
    rc = w * mrc
    docs["risk_parity"]["cases"][case] = dict(head, covariance="sample_cov_ddof1", risk_budgets=L(b),
        x_unnormalised=L(x), weights=L(w), portfolio_volatility_daily=sig, **{
            "marginal_risk_contribution_(Sw)_i/sigma": L(mrc), "risk_contribution_w_i(Sw)_i/sigma": L(rc),
            "risk_contribution_fraction": L(rc / sig), "max_abs_fraction_minus_budget": float(np.max(np.abs(rc / sig - b))),
            "gradient_norm_inf": float(np.max(np.abs(g(x))))})

    rho, d, Z, order, w, steps = hrp(S, assets, "single")
    hc = dict(head, covariance="sample_cov_ddof1", correlation=L(rho), linkage_method="single",
              distance_matrix=L(d), linkage=L(Z), order_indices=order, order_names=[assets[i] for i in order],
              weights=L(w), weights_by_name={a: float(v) for a, v in zip(assets, w)}, bisection_steps=steps)
    _, _, Zp, op, wp, _ = hrp(S, assets, "single", on_rows=True)
    hc["variant_paper_code_linkage_on_distance_matrix_rows"] = {"linkage": L(Zp), "order_indices": op,
                                                                "order_names": [assets[i] for i in op], "weights": L(wp)}
    hc["other_linkage_methods"] = {}
    for m in ["average", "ward"]:
        _, _, Zm, om, wm, _ = hrp(S, assets, m)
        hc["other_linkage_methods"][m] = {"linkage": L(Zm), "order_indices": om,
                                          "order_names": [assets[i] for i in om], "weights": L(wm)}
    docs["hrp"]["cases"][case] = hc

    Sa = 252 * S
    last = px[-1]
    wm = last / last.sum()
    pi = DELTA * Sa @ wm
    P = np.array([[v.get(a, 0.0) for a in assets] for v, _ in views])
    Q = np.array([q for _, q in views])

    def bl(Om):
        ts = TAU * Sa
        M = np.linalg.inv(np.linalg.inv(ts) + P.T @ np.linalg.inv(Om) @ P)
        mub = M @ (np.linalg.inv(ts) @ pi + P.T @ np.linalg.inv(Om) @ Q)
        alt = pi + ts @ P.T @ np.linalg.solve(P @ ts @ P.T + Om, Q - P @ pi)
        return M, mub, float(np.max(np.abs(mub - alt)))

    Om = np.diag(np.diag(TAU * P @ Sa @ P.T))
    M, mub, altd = bl(Om)
    bc = dict(head, params={"delta": DELTA, "tau": TAU, "annualisation": 252},
              market_weights_definition="price weights of the window's last close (illustrative; no market caps "
                                        "ship with the data): w_i = P_i / sum_j P_j",
              last_close_prices=L(last), w_mkt=L(wm), views=[{"P_row": v, "Q": q} for v, q in views], P=L(P), Q=L(Q),
              Omega_diag=L(np.diag(Om)), Sigma_annual=L(Sa), pi_implied=L(pi), posterior_mean=L(mub),
              posterior_mean_alt_formula_max_abs_diff=altd, M_posterior_cov_of_mean=L(M),
              posterior_cov_Sigma_plus_M=L(Sa + M))
    bc["weights_unconstrained_(delta(Sigma+M))^-1_mu_bl"] = L(np.linalg.solve(DELTA * (Sa + M), mub))
    bc["weights_variant_(delta Sigma)^-1_mu_bl"] = L(np.linalg.solve(DELTA * Sa, mub))
    bc["check_(delta Sigma)^-1_pi_equals_w_mkt_max_abs_diff"] = float(np.max(np.abs(np.linalg.solve(DELTA * Sa, pi) - wm)))
    M2, mub2, _ = bl(np.diag(omega_given))
    bc["variant_omega_given"] = {"Omega_diag": omega_given, "posterior_mean": L(mub2), "M_posterior_cov_of_mean": L(M2),
                                 "weights_unconstrained_(delta(Sigma+M))^-1_mu_bl": L(np.linalg.solve(DELTA * (Sa + M2), mub2))}
    docs["black_litterman"]["cases"][case] = bc

for k, doc in docs.items():
    json.dump(doc, open("%s/portfolio_%s_expected.json" % (OUT, k), "w"), indent=1)
print("ok")
