"""Prints the published MacKinnon (1994, 2010) and MacKinnon-Haug-Michelis (1996) tables, as statsmodels 0.13.5
holds them, as Java array literals (repr keeps every digit). Used once to write
io/qtrade/features/cointegration/MacKinnonTables.java and JohansenCriticalValues.java; kept for provenance.
Run: /usr/bin/python3 transcribe_tables.py"""
import numpy as np
import statsmodels.tsa.adfvalues as a
import statsmodels.tsa.coint_tables as c

ORDER = ["n", "c", "ct", "ctt"]


def lit(x):
    x = np.asarray(x, dtype=float)
    if x.ndim == 1:
        return "{" + ", ".join(repr(float(v)) for v in x) + "}"
    return "{" + ", ".join(lit(r) for r in x) + "}"


for name in ["_tau_maxs", "_tau_mins", "_tau_stars", "_tau_smallps", "_tau_largeps", "tau_2010s"]:
    d = getattr(a, name)
    print("// " + name)
    print("{" + ",\n".join(lit(d[k]) for k in ORDER) + "}")
for name in ["tjcp0", "tjcp1", "tjcp2", "ejcp0", "ejcp1", "ejcp2"]:
    print("// " + name)
    print(lit(getattr(c, name)))
