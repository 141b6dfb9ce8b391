"""Triple-barrier and purged k-fold references on a synthetic daily stock (replaces timeSeries' MSFT, GPL).

Run from qtrade-ml/src/test/resources/refcases:  /usr/bin/python3 ../../python/make_triple_barrier_fixture.py
Writes triple_barrier_synthetic_close.csv (253 weekdays from 2000-09-27, a geometric random walk with
Student-t(4) shocks, 3.5 % daily volatility and a -0.2 % daily drift, in 1/16-dollar ticks as US stocks were then;
seed 20000927; project data, Apache-2.0), triple_barrier_synthetic_daily_vol.csv, the events CSVs of the two
barrier settings, and replaces the synthetic cases in triple_barrier_expected.json and purged_kfold_expected.json
(the aapl2013 cases stay). Conventions: the "conventions" field of those JSONs (pandas ewm, AFML ch. 3 and 7).
With an argument SERIES it labels triple_barrier_SERIES_close.csv instead, to check against earlier outputs."""
import datetime
import json
import sys

import numpy as np
import pandas as pd

SERIES = sys.argv[1] if len(sys.argv) > 1 else "synthetic"
OUT = sys.argv[2] if len(sys.argv) > 2 else "."
if SERIES == "synthetic":
    rng = np.random.default_rng(20000927)
    days = []
    d = datetime.date(2000, 9, 27)
    while len(days) < 253:
        if d.weekday() < 5:
            days.append(d)
        d += datetime.timedelta(days=1)
    nu = 4.0
    z = rng.standard_t(nu, 252) * np.sqrt((nu - 2) / nu)
    logp = np.log(60.625) + np.concatenate([[0.0], np.cumsum(-0.002 + 0.035 * z)])
    close = np.round(np.exp(logp) * 16) / 16
    pd.DataFrame({"i": np.arange(253), "date": [x.isoformat() for x in days], "close": close}).to_csv(
        "%s/triple_barrier_synthetic_close.csv" % OUT, index=False, float_format="%.17g")
close = pd.read_csv("triple_barrier_%s_close.csv" % SERIES)["close"].to_numpy() if SERIES != "synthetic" else close
n = len(close)
lr = np.full(n, np.nan)
lr[1:] = np.log(close[1:] / close[:-1])
sigma = pd.Series(lr[1:]).ewm(span=100, adjust=True).std(bias=False).to_numpy()
sigma = np.concatenate([[np.nan], sigma])
vol = pd.DataFrame({"i": np.arange(n), "log_return": lr, "ewm_std_span100": sigma})
vol.to_csv("%s/triple_barrier_%s_daily_vol.csv" % (OUT, SERIES), index=False, float_format="%.17g", na_rep="")


def events(pt, sl, h, first=20):
    rows = []
    for t0 in range(first, n - h):
        s = sigma[t0]
        up, lo = pt * s, -sl * s

        def first_touch(path):
            for t in range(t0 + 1, t0 + h + 1):
                x = path(t)
                if x > up:
                    return t, "pt"
                if x < lo:
                    return t, "sl"
            return t0 + h, "vertical"

        ti, tt = first_touch(lambda t: close[t] / close[t0] - 1)
        li, lt = first_touch(lambda t: np.log(close[t] / close[t0]))
        vret = close[t0 + h] / close[t0] - 1
        lab0 = {"pt": 1, "sl": -1, "vertical": 0}
        rows.append({"t0": t0, "t1_vertical": t0 + h, "sigma_t0": s, "upper_ret": up, "lower_ret": lo,
                     "touch_index": ti, "touch_type": tt, "ret_at_touch": close[ti] / close[t0] - 1,
                     "label_vertical_zero": lab0[tt],
                     "label_vertical_sign": lab0[tt] if tt != "vertical" else int(np.sign(vret)),
                     "logpath_touch_index": li, "logpath_touch_type": lt, "logpath_label_vertical_zero": lab0[lt],
                     "logpath_label_vertical_sign": lab0[lt] if lt != "vertical" else int(np.sign(vret))})
    return pd.DataFrame(rows)


def purged(ev, k, embargo_pct):
    s = ev["t0"].to_numpy()
    e = ev["touch_index"].to_numpy()
    N = len(s)
    emb = int(N * embargo_pct)
    folds = []
    for test in np.array_split(np.arange(N), k):
        a = test[0]
        t0 = s[a]
        maxT1 = e[test].max()
        train = [i for i in range(N) if e[i] <= t0]
        j0 = int(np.searchsorted(s, maxT1, side="left"))
        if j0 < N:
            train += list(range(j0 + emb, N))
        folds.append({"test": test.tolist(), "train": sorted(set(train)), "test_start_bar": int(t0),
                      "test_max_end_bar": int(maxT1), "first_right_train_before_embargo": j0})
    return emb, folds


tb = json.load(open("triple_barrier_expected.json"))
pk = json.load(open("purged_kfold_expected.json"))
for pt, sl, h in [(1.0, 1.0, 10), (2.0, 1.0, 5)]:
    name = "%s_pt%d_sl%d_h%d" % (SERIES, pt, sl, h)
    ev = events(pt, sl, h)
    ev.to_csv("%s/triple_barrier_%s_events.csv" % (OUT, name), index=False, float_format="%.17g")
    if SERIES != "synthetic":
        continue
    tb["cases"][name] = {
        "close_input": "triple_barrier_synthetic_close.csv", "source": "../../python/make_triple_barrier_fixture.py",
        "daily_vol_output": "triple_barrier_synthetic_daily_vol.csv",
        "events_output": "triple_barrier_%s_events.csv" % name,
        "params": {"pt_multiplier": pt, "sl_multiplier": sl, "vertical_h_bars": h, "ewm_span": 100,
                   "first_event_index": 20, "last_event_index": n - 1 - h},
        "n_events": len(ev), "counts_touch_type": ev["touch_type"].value_counts().to_dict(),
        "counts_label_vertical_zero": {str(k): int(v) for k, v in ev["label_vertical_zero"].value_counts().items()},
        "counts_label_vertical_sign": {str(k): int(v) for k, v in ev["label_vertical_sign"].value_counts().items()},
        "first_5_events": json.loads(ev.head(5).to_json(orient="records"))}
    if (pt, sl, h) == (1.0, 1.0, 10):
        for k, emb_pct in [(5, 0.02), (3, 0.0)]:
            emb, folds = purged(ev, k, emb_pct)
            pk["cases"]["%s_k%d_embargo%s" % (name, k, "0.02" if emb_pct else "0")] = {
                "input": "triple_barrier_%s_events.csv (columns t0 = label start, touch_index = label end)" % name,
                "n_obs": len(ev), "k": k, "embargo_pct": emb_pct, "embargo_n_obs": emb, "folds": folds}
if SERIES == "synthetic":
    for d in (tb["cases"], pk["cases"]):
        for key in [k for k in d if k.startswith("msft")]:
            del d[key]
    json.dump(tb, open("triple_barrier_expected.json", "w"), indent=1)
    json.dump(pk, open("purged_kfold_expected.json", "w"), indent=1)
print("ok", n)
