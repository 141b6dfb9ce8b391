#!/usr/bin/env python3
"""Logistic-regression, XGBoost and ridge fixtures of qtrade-ml on one simulated stock: the column IBM (a label only)
of the synthetic 30-stock universe (qtrade-portfolio/src/test/python/make_synthetic_universe.py, seed 19901231; a
market and five sector factors, GARCH(1,1) volatility clustering, Student-t(5) shocks; Apache-2.0, the project's),
closes 1998-12-31..2000-12-29. It replaces IBM of fBasics' DowJones30 (GPL). Run with Debian bookworm's python3
packages (numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1, xgboost 1.7.4):

    /usr/bin/python3 qtrade-ml/src/test/python/make_synthetic_stock_fixtures.py [CLOSES.csv]

CLOSES.csv (i,date,close) replaces the universe column as input: pointed at the old DowJones30 IBM closes, it
reproduces the earlier logistic_regression_expected.json to 1e-12 and the XGBoost predictions exactly (checked once
when the fixtures were replaced). Writes into ../resources/refcases/ (prefix synthetic_ibm): the closes, the features
CSV, logistic_regression_expected.json, the XGBoost model (JSON and UBJ), its inputs and xgboost_expected.json; then
../resources/fixtures/ridge_expected.json is remade by make_ridge_fixture.py."""
import gzip
import json
import os
import platform
import subprocess
import sys

import numpy as np
import scipy
import sklearn
import xgboost as xgb
from scipy import stats
from scipy.optimize import minimize
from sklearn import metrics
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.join(HERE, "..", "resources", "refcases")
ROOT = os.path.join(HERE, "..", "..", "..", "..")
UNIVERSE = os.path.join(ROOT, "examples", "src", "main", "resources", "io", "qtrade", "examples",
                        "synthetic_universe_daily_19901231_20010102.csv.gz")
PREFIX = "synthetic_ibm"
CLOSES = PREFIX + "_close_19981231_20001229.csv"
FEATURES = "logreg_" + PREFIX + "_1999_2000_features.csv"
XGB_NAME = "xgb_" + PREFIX + "_1999_2000_t20_d3"
VERS = {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
        "sklearn": sklearn.__version__, "xgboost": xgb.__version__}

# 1. closes
if len(sys.argv) > 1:
    rows = [l.strip().split(",") for l in open(sys.argv[1])][1:]
    dates = [r[1] for r in rows]
    close = np.array([float(r[2]) for r in rows])
    source = "closes of " + os.path.basename(sys.argv[1])
else:
    with gzip.open(UNIVERSE, "rt") as f:
        header = f.readline().strip().split(",")
        col = header.index("IBM")
        all_rows = [l.strip().split(",") for l in f]
    sel = [r for r in all_rows if "1998-12-31" <= r[0] <= "2000-12-29"]
    dates = [r[0] for r in sel]
    close = np.array([float(r[col]) for r in sel])
    source = "synthetic universe column IBM (a label only), closes 1998-12-31..2000-12-29"
    with open(os.path.join(REF, CLOSES), "w") as f:
        f.write("i,date,close\n")
        for i, (d, c) in enumerate(zip(dates, close)):
            f.write("%d,%s,%.2f\n" % (i, d, c))

# 2. features: r_i = ln(c_i/c_{i-1}); lag1..5 = r_t..r_{t-4}; vol20 = std(r_{t-19..t}, ddof 1); y = r_{t+1} > 0
r = np.full(len(close), np.nan)
r[1:] = np.log(close[1:] / close[:-1])
ts = list(range(20, len(close) - 1))
X = np.array([[r[t - k] for k in range(5)] + [np.std(r[t - 19:t + 1], ddof=1)] for t in ts]).astype(np.float32)
nxt = np.array([r[t + 1] for t in ts])
y = (nxt > 0).astype(int)
X64 = X.astype(np.float64)
with open(os.path.join(REF, FEATURES), "w") as f:
    f.write("date,close_index,lag1,lag2,lag3,lag4,lag5,vol20,next_log_return,y\n")
    for k, t in enumerate(ts):
        f.write("%s,%d,%s,%r,%d\n" % (dates[t], t, ",".join(repr(float(v)) for v in X64[k]), float(nxt[k]), y[k]))
n = len(ts)
n_train = int(np.floor(0.7 * n))
tr, te = slice(0, n_train), slice(n_train, n)
mean = X64[tr].mean(axis=0)
scale = X64[tr].std(axis=0, ddof=0)
Z = (X64 - mean) / scale


def mets(yt, p):
    pred = (p > 0.5).astype(int)
    return {"n": int(len(yt)), "n_positive": int(yt.sum()), "accuracy": metrics.accuracy_score(yt, pred),
            "precision": metrics.precision_score(yt, pred, zero_division=0),
            "recall": metrics.recall_score(yt, pred, zero_division=0),
            "f1": metrics.f1_score(yt, pred, zero_division=0), "roc_auc": metrics.roc_auc_score(yt, p),
            "log_loss": metrics.log_loss(yt, p), "brier": float(np.mean((p - yt) ** 2))}


def exact_logreg(C):
    A = np.column_stack([Z[tr], np.ones(n_train)])
    s = 2.0 * y[tr] - 1.0
    pen = np.ones(A.shape[1])
    pen[-1] = 0.0

    def f(v):
        m = s * (A @ v)
        return 0.5 * np.sum(pen * v * v) + C * np.sum(np.logaddexp(0.0, -m))

    def g(v):
        m = s * (A @ v)
        return pen * v - C * A.T @ (s * stats.logistic.cdf(-m))

    def h(v):
        p = stats.logistic.cdf(A @ v)
        return np.diag(pen) + C * (A.T * (p * (1 - p))) @ A

    v = minimize(f, np.zeros(A.shape[1]), jac=g, hess=h, method="trust-exact", options={"gtol": 1e-14}).x
    for _ in range(5):  # Newton polish
        v = v - np.linalg.solve(h(v), g(v))
    return v, float(np.max(np.abs(g(v))))


cases = {}
for C in [1.0, 0.01]:
    v, gn = exact_logreg(C)
    w, b = v[:-1], v[-1]
    dec = Z[te] @ w + b
    p = 1.0 / (1.0 + np.exp(-dec))
    sk = LogisticRegression(penalty="l2", C=C, solver="lbfgs", tol=1e-10, max_iter=100000,
                            fit_intercept=True).fit(Z[tr], y[tr])
    psk = sk.predict_proba(Z[te])[:, 1]
    sp = stats.spearmanr(p, nxt[te])
    cases["%s_1999_2000_C%g" % (PREFIX, C)] = {
        "input": FEATURES, "source": source, "n_rows": n, "n_train": n_train, "train_rows": "0..%d" % (n_train - 1),
        "test_rows": "%d..%d" % (n_train, n - 1), "params": {"C": C, "penalty": "l2", "fit_intercept": True},
        "scaler_mean": mean.tolist(), "scaler_scale_ddof0": scale.tolist(), "coef": w.tolist(), "intercept": float(b),
        "objective_gradient_norm_inf": gn, "proba_test": p.tolist(), "decision_function_test": dec.tolist(),
        "metrics_test": mets(y[te], p), "metrics_train": mets(y[tr], 1.0 / (1.0 + np.exp(-(Z[tr] @ w + b)))),
        "ic_test_spearman_proba_vs_next_log_return": float(sp.correlation),
        "ic_test_spearman_pvalue": float(sp.pvalue),
        "ic_test_pearson_proba_vs_next_log_return": float(stats.pearsonr(p, nxt[te])[0]),
        "sklearn_lbfgs": {
            "call": "LogisticRegression(penalty='l2', C=%g, solver='lbfgs', tol=1e-10, max_iter=100000, "
                    "fit_intercept=True)" % C,
            "coef": sk.coef_[0].tolist(), "intercept": float(sk.intercept_[0]), "n_iter": int(sk.n_iter_[0]),
            "proba_test": psk.tolist(),
            "max_abs_diff_coef_intercept_vs_exact": float(np.max(np.abs(np.append(sk.coef_[0], sk.intercept_) - v))),
            "max_abs_diff_proba_test_vs_exact": float(np.max(np.abs(psk - p))), "metrics_test": mets(y[te], psk)}}
old = json.load(open(os.path.join(REF, "logistic_regression_expected.json")))
conv = old["conventions"]
with open(os.path.join(REF, "logistic_regression_expected.json"), "w") as f:
    json.dump({"generated_by": "/usr/bin/python3 qtrade-ml/src/test/python/make_synthetic_stock_fixtures.py",
               "versions": VERS, "conventions": conv, "cases": cases}, f, indent=1)

# 3. XGBoost on the raw float32 train features
params = {"objective": "binary:logistic", "max_depth": 3, "eta": 0.3, "tree_method": "exact", "seed": 20240601,
          "base_score": 0.5, "nthread": 1, "subsample": 1.0, "colsample_bytree": 1.0, "lambda": 1.0, "alpha": 0.0,
          "min_child_weight": 1.0, "gamma": 0.0, "max_bin": 256}
names = ["lag1", "lag2", "lag3", "lag4", "lag5", "vol20"]
bst = xgb.train(params, xgb.DMatrix(X[tr], label=y[tr], feature_names=names), num_boost_round=20)
bst.save_model(os.path.join(REF, XGB_NAME + ".json"))
bst.save_model(os.path.join(REF, XGB_NAME + ".ubj"))
Xin = X[n_train:n_train + 50]
with open(os.path.join(REF, XGB_NAME + "_inputs.csv"), "w") as f:
    f.write("row," + ",".join(names) + "\n")
    for k, row in enumerate(Xin):
        f.write("%d,%s\n" % (k, ",".join(repr(float(v)) for v in row)))
dm = xgb.DMatrix(Xin, feature_names=names)
proba = bst.predict(dm).astype(np.float64)
margin = bst.predict(dm, output_margin=True).astype(np.float64)
reload = xgb.Booster()
reload.load_model(os.path.join(REF, XGB_NAME + ".ubj"))
tree_dump = json.load(open(os.path.join(REF, XGB_NAME + ".json")))
trees = tree_dump["learner"]["gradient_booster"]["model"]["trees"]


def walk(x):
    m = np.log(0.5 / 0.5)
    for t in trees:
        node = 0
        while t["left_children"][node] != -1:
            j = t["split_indices"][node]
            node = t["left_children"][node] if np.float32(x[j]) < np.float32(t["split_conditions"][node]) \
                else t["right_children"][node]
        m += t["split_conditions"][node]
    return m


xold = json.load(open(os.path.join(REF, "xgboost_expected.json")))
with open(os.path.join(REF, "xgboost_expected.json"), "w") as f:
    json.dump({"generated_by": "/usr/bin/python3 qtrade-ml/src/test/python/make_synthetic_stock_fixtures.py",
               "versions": VERS,
               "conventions": xold["conventions"].replace(
                   ", UBJSON (.ubj, loadable by xgboost4j >= 1.6) and the deprecated legacy binary format (.bin; dropped"
                   " by recent xgboost releases)", " and UBJSON (.ubj, loadable by xgboost4j >= 1.6)"),
               "cases": {XGB_NAME: {
                   "model_files": {"json": XGB_NAME + ".json", "ubj": XGB_NAME + ".ubj"},
                   "training_data": "%s rows 0..%d, features %s (raw, not standardised, float32), label y"
                                    % (FEATURES, n_train - 1, names),
                   "inputs_csv": "%s_inputs.csv (= test rows %d..%d of the features CSV)"
                                 % (XGB_NAME, n_train, n_train + 49),
                   "params": params, "num_boost_round": 20, "proba": proba.tolist(), "margin": margin.tolist(),
                   "reload_ubj_max_abs_diff": float(np.max(np.abs(reload.predict(dm) - bst.predict(dm)))),
                   "independent_json_tree_walk_margin_max_abs_diff":
                       float(np.max(np.abs(np.array([walk(x) for x in Xin]) - margin)))}}}, f, indent=1)

# 4. ridge fixture on the new features
if len(sys.argv) == 1:
    subprocess.run([sys.executable, os.path.join(HERE, "make_ridge_fixture.py")], check=True)
print("rows", n, "train", n_train, "xgb proba[0:2]", proba[:2])
