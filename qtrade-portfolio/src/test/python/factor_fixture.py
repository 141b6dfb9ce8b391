"""Makes ../resources/refcases/factor_momentum_dj15_expected.json: alphalens-style statistics of a 20-day momentum
factor on the dj15 window, computed with numpy/scipy independently of the Java code.

Prices: P_0 = 1, P_t = prod_{s<=t} (1 + r_s) from portfolio_dj15_1995_1996_returns.csv (row 0 of prices is the base,
so T = 507 price rows). Factor at t: P_t / P_{t-20} - 1 (NaN for t < 20). Forward return: P_{t+h}/P_t - 1.
IC: scipy.stats.spearmanr / pearsonr per date over finite pairs; summary as alphalens (mean, std ddof 1,
ttest_1samp). Quantiles: pandas qcut semantics (edges = np.quantile(x, linspace(0,1,Q+1)) linear, bins right-closed,
lowest included) via np.searchsorted(edges[1:-1], x, side='left') + 1. Turnover: share of a quantile's names at t not
in it at t-h. Rank autocorrelation: spearmanr of factor at t and t-1.
Run: python3 factor_fixture.py (numpy and scipy).
"""
import csv, json, os
import numpy as np
from scipy import stats

here = os.path.dirname(os.path.abspath(__file__))
res = os.path.join(here, '..', 'resources', 'refcases')
rows = list(csv.reader(open(os.path.join(res, 'portfolio_dj15_1995_1996_returns.csv'))))
header, rows = rows[0], rows[1:]
r = np.array([[float(v) for v in row[1:]] for row in rows])
prices = np.vstack([np.ones(r.shape[1]), np.cumprod(1 + r, axis=0)])
T, N = prices.shape
L = 20
factor = np.full((T, N), np.nan)
factor[L:] = prices[L:] / prices[:-L] - 1

def fwd(h):
    f = np.full((T, N), np.nan)
    f[:-h] = prices[h:] / prices[:-h] - 1
    return f

def summary(ic):
    x = ic[np.isfinite(ic)]
    t, p = stats.ttest_1samp(x, 0.0)
    return dict(mean=float(x.mean()), std=float(x.std(ddof=1)), t=float(t), p=float(p), n=int(len(x)))

def qcut(x, q):
    out = np.zeros(len(x), dtype=int)
    m = np.isfinite(x)
    if m.sum() < q:
        return out
    edges = np.quantile(x[m], np.linspace(0, 1, q + 1))
    out[m] = np.searchsorted(edges[1:-1], x[m], side='left') + 1
    return out

out = dict(definition=__doc__, versions=dict(numpy=np.__version__, scipy=__import__('scipy').__version__),
           lookback=L, quantiles=5, horizons={})
Q = 5
for h in (1, 5, 21):
    fr = fwd(h)
    ics = {}
    for name, fn in (('spearman', stats.spearmanr), ('pearson', stats.pearsonr)):
        ic = np.full(T, np.nan)
        for t in range(T):
            m = np.isfinite(factor[t]) & np.isfinite(fr[t])
            if m.sum() >= 3:
                ic[t] = fn(factor[t][m], fr[t][m])[0]
        ics[name] = dict(summary(ic), per_date_first=[None if not np.isfinite(v) else float(v) for v in ic[:40]])
    buckets = np.array([qcut(factor[t], Q) for t in range(T)])
    qr = {'equal': np.full((T, Q), np.nan), 'factor': np.full((T, Q), np.nan)}
    for t in range(T):
        for k in range(1, Q + 1):
            m = (buckets[t] == k) & np.isfinite(fr[t])
            if m.any():
                qr['equal'][t, k - 1] = fr[t][m].mean()
                w = np.abs(factor[t][m])
                qr['factor'][t, k - 1] = (w * fr[t][m]).sum() / w.sum()
    quant = {}
    for wname, mat in qr.items():
        ls = mat[:, Q - 1] - mat[:, 0]
        lsf = ls[np.isfinite(ls)]
        quant[wname] = dict(mean=[float(np.nanmean(mat[:, k])) for k in range(Q)], long_short_mean=float(lsf.mean()),
                            long_short_t=float(stats.ttest_1samp(lsf, 0.0)[0]))
    turn = []
    for k in range(1, Q + 1):
        vals = []
        for t in range(h, T):
            now = buckets[t] == k
            if now.sum() == 0:
                continue
            vals.append(float((now & (buckets[t - h] != k)).sum() / now.sum()))
        turn.append(float(np.mean(vals)))
    out['horizons'][str(h)] = dict(ic=ics, quantile_returns=quant, turnover=turn,
                                   buckets_row_30=[int(v) for v in buckets[30]])
ac = []
for t in range(1, T):
    m = np.isfinite(factor[t]) & np.isfinite(factor[t - 1])
    if m.sum() >= 3:
        ac.append(stats.spearmanr(factor[t][m], factor[t - 1][m])[0])
out['rank_autocorrelation_lag1_mean'] = float(np.mean(ac))
json.dump(out, open(os.path.join(res, 'factor_momentum_dj15_expected.json'), 'w'), indent=1)
print('ok', out['horizons']['1']['ic']['spearman']['mean'], out['rank_autocorrelation_lag1_mean'])
