"""tseries garch convention on demeaned DEM/GBP: h_1 = mean(x^2), likelihood over t = 2..n.
scipy Nelder-Mead then L-BFGS-B from the tseries estimate. Prints the optimum and the LL with constants."""
import numpy as np, csv
from scipy.optimize import minimize
r=np.array([float(x['r']) for x in csv.DictReader(open('/work/wt/econometrics/qtrade-features/src/test/resources/refcases/garch_dem2gbp.csv'))])
x=r-r.mean(); n=len(x)
def nll(p, first=1, h0=None):
    a0,a1,b1=p
    h=np.empty(n); h[0]=np.mean(x**2) if h0 is None else h0
    for t in range(1,n): h[t]=a0+a1*x[t-1]**2+b1*h[t-1]
    return 0.5*np.sum(np.log(h[first:])+x[first:]**2/h[first:])
ts=[0.0105499410754305,0.150957994060516,0.808928806112528]
print('nll at tseries', nll(ts))
res=minimize(nll,ts,method='Nelder-Mead',options={'xatol':1e-10,'fatol':1e-12,'maxiter':20000})
print(res.x, res.fun)
res2=minimize(nll,res.x,method='L-BFGS-B',bounds=[(1e-8,1),(0,1),(0,1)],options={'ftol':1e-15,'gtol':1e-10})
print(repr(res2.x.tolist()), repr(-res2.fun - 0.5*(n-1)*np.log(2*np.pi)))
