#!/usr/bin/env python3
"""Ridge reference for qtrade-ml's RidgeRegression test: scikit-learn Ridge (solver 'cholesky', an exact solve) on
the standardised features of ../resources/refcases/logreg_synthetic_ibm_1999_2000_features.csv (a simulated stock,
made by make_synthetic_stock_fixtures.py), target 100 * next_log_return, train rows: the first floor(0.7 * rows), as
the logistic regression's. Writes ../resources/fixtures/ridge_expected.json. Run with Debian's python3-sklearn:
/usr/bin/python3 qtrade-ml/src/test/python/make_ridge_fixture.py"""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import Ridge
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
df = np.genfromtxt(os.path.join(HERE, "..", "resources", "refcases", "logreg_synthetic_ibm_1999_2000_features.csv"),
                   delimiter=",", names=True, dtype=None, encoding="utf-8")
cols = ["lag1", "lag2", "lag3", "lag4", "lag5", "vol20"]
X = np.column_stack([df[c].astype(np.float64) for c in cols])
y = 100 * df["next_log_return"].astype(np.float64)
n_train = int(np.floor(0.7 * len(y)))  # the logistic-regression split
scaler = StandardScaler().fit(X[:n_train])
Z = scaler.transform(X)
cases = {}
for alpha in [0.0, 1.0, 50.0]:
    m = Ridge(alpha=alpha, solver="cholesky", fit_intercept=True).fit(Z[:n_train], y[:n_train])
    cases["alpha_%g" % alpha] = {"alpha": alpha, "coef": m.coef_.tolist(), "intercept": float(m.intercept_),
                                 "predict_test": m.predict(Z[n_train:]).tolist()}
with open(os.path.join(HERE, "..", "resources", "fixtures", "ridge_expected.json"), "w") as f:
    json.dump({"generated_by": "qtrade-ml/src/test/python/make_ridge_fixture.py",
               "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__},
               "conventions": "Objective ||y - Zw - b||^2 + alpha ||w||^2, b unpenalised; Z = StandardScaler (ddof 0) "
                              "fitted on rows 0..%d of features lag1..lag5, vol20; y = 100 * next_log_return; "
                              "predict_test on rows %d..%d. Exact solve: compare to 1e-9." % (n_train - 1, n_train,
                                                                                            len(y) - 1),
               "n_train": n_train, "features": cols, "cases": cases}, f, indent=1)
print(sorted(cases))
