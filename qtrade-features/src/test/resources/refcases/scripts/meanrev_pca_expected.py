"""Reference values for the OU half-life, the rolling z-score and PCA.
Run from qtrade-features/src/test/resources/refcases:  /usr/bin/python3 scripts/meanrev_pca_expected.py
Writes pca_returns.csv (simulated 3-factor returns, 500 x 6, seed 20261125) and meanrev_pca_expected.json."""
import json
import platform

import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.api as sm
from statsmodels.tsa.stattools import coint  # noqa: F401  (same package version recorded)

VERSIONS = {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
            "statsmodels": statsmodels.__version__, "pandas": pd.__version__}
out = {"versions": VERSIONS, "script": "scripts/meanrev_pca_expected.py"}

# OU half-life: OLS of ds_t on [1, s_{t-1}] (statsmodels OLS).
pair = pd.read_csv("eg_synthetic_pair.csv")
ols = sm.OLS(pair["y"].to_numpy(), sm.add_constant(pair["x"].to_numpy())).fit()
spread = ols.resid
hl = {}
for name, s in [("eg_spread", spread), ("adf_ar1_phi05.csv", pd.read_csv("adf_ar1_phi05.csv")["x"].to_numpy()),
                ("adf_random_walk.csv", pd.read_csv("adf_random_walk.csv")["x"].to_numpy())]:
    r = sm.OLS(np.diff(s), sm.add_constant(s[:-1])).fit()
    a, b = r.params
    hl[name] = {"intercept": a, "slope": b,
                "half_life_discrete": -np.log(2) / np.log(1 + b) if -1 < b < 0 else None,
                "half_life_continuous": -np.log(2) / b if b < 0 else None}
out["ou_half_life"] = {"definition": "OLS ds_t = a + b s_{t-1}; discrete -ln2/ln(1+b); continuous -ln2/b; eg_spread ="
                       " residuals of OLS y ~ 1 + x on eg_synthetic_pair.csv", "series": hl}

# Rolling z-score: pandas rolling mean/std (ddof 1 and 0), window 20, current value included.
s = pd.Series(spread)
z = {}
for ddof in [1, 0]:
    zz = (s - s.rolling(20).mean()) / s.rolling(20).std(ddof=ddof)
    z["ddof%d" % ddof] = [None if np.isnan(v) else v for v in zz.to_numpy()]
out["rolling_zscore"] = {"definition": "(s_t - rolling(20).mean()) / rolling(20).std(ddof) on eg_spread (pandas)",
                         "window": 20, "values": z}

# PCA: 500 x 6 returns from 2 factors plus noise; numpy SVD of the centred matrix.
rng = np.random.default_rng(20261125)
f = rng.standard_normal((500, 2)) * [0.02, 0.01]
b = rng.uniform(0.5, 1.5, (2, 6)) * [[1], [0.5]] * np.array([[1, 1, 1, 1, 1, 1], [1, -1, 1, -1, 1, -1]])
R = f @ b + rng.standard_normal((500, 6)) * 0.005
pd.DataFrame(R, columns=["r%d" % i for i in range(6)]).to_csv("pca_returns.csv", index=False, float_format="%.17g")
Xc = R - R.mean(axis=0)
U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
ev = S ** 2 / (R.shape[0] - 1)
C = np.corrcoef(R, rowvar=False)
w = np.sort(np.linalg.eigvalsh(C))[::-1]
out["pca"] = {"definition": "X centred by column means; X = U S V'; explained_variance = S^2/(T-1); loadings = V"
              " columns (sign arbitrary); factor returns = X V; correlation PCA: eigenvalues of corrcoef",
              "explained_variance": list(ev), "explained_variance_ratio": list(ev / ev.sum()),
              "loadings_columns": Vt.tolist(), "first3_factor_returns": (Xc @ Vt.T)[:3].tolist(),
              "correlation_eigenvalues": list(w)}
json.dump(out, open("meanrev_pca_expected.json", "w"), indent=1)
print("ok")
