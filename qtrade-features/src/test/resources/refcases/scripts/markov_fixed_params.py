"""statsmodels 0.13.5 Markov-switching log-likelihood, filtered and smoothed probabilities at FIXED parameters
(no optimiser): MarkovAutoregression order 2 with switching AR and switching variance (2 regimes), and
MarkovRegression with 3 regimes and a common variance, on markov_synthetic_21day_blocks_pct.csv.
Run from refcases/: /usr/bin/python3 scripts/markov_fixed_params.py > markov_fixed_params_expected.json"""
import json
import numpy as np
import statsmodels
from statsmodels.tsa.regime_switching.markov_autoregression import MarkovAutoregression
from statsmodels.tsa.regime_switching.markov_regression import MarkovRegression

y = np.loadtxt("markov_synthetic_21day_blocks_pct.csv", delimiter=",", skiprows=1, usecols=1)
out = {"generated_by": "scripts/markov_fixed_params.py", "statsmodels": statsmodels.__version__,
       "numpy": np.__version__, "input": "markov_synthetic_21day_blocks_pct.csv column y", "cases": {}}
cases = {
    "ar2_switching_ar": (MarkovAutoregression(y, k_regimes=2, order=2, switching_ar=True, switching_variance=True),
                         [0.97, 0.10, 0.8, -1.5, 12.0, 120.0, -0.02, 0.05, 0.03, -0.10]),
    "k3_common_variance": (MarkovRegression(y, k_regimes=3, switching_variance=False),
                           [0.95, 0.05, 0.10, 0.03, 0.90, 0.20, 1.0, -0.5, -3.0, 25.0]),
}
for name, (model, params) in cases.items():
    res = model.smooth(np.array(params))
    out["cases"][name] = {"param_names": model.param_names, "params": params, "llf": float(res.llf),
                          "nobs": int(res.nobs),
                          "filtered": np.asarray(res.filtered_marginal_probabilities).tolist(),
                          "smoothed": np.asarray(res.smoothed_marginal_probabilities).tolist()}
# statsmodels 0.13.5 MarkovAutoregression with order >= 2 and switching_variance indexes the variance by
# S_{t-order+1} (its (k, 1, 1) reshape broadcasts against the wrong axis). The correct order-2 likelihood with zero AR
# coefficients is the MarkovRegression likelihood of y[2:]:
mr = MarkovRegression(y[2:], k_regimes=2, switching_variance=True)
out["order2_zero_ar_equals_markov_regression_on_y2"] = {
    "params_mr": [0.97, 0.10, 0.8, -1.5, 12.0, 120.0],
    "llf": float(mr.smooth(np.array([0.97, 0.10, 0.8, -1.5, 12.0, 120.0])).llf)}
print(json.dumps(out))
