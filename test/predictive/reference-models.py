# Generates test/predictive/reference-models.json: fits and formula values for Pareto/NBD, MBG/NBD, BG/BB and the
# penalized BG/NBD, computed independently of the package. Fits minimise the objective with scipy (the objective is the
# one the lifetimes package minimises: the mean negative log-likelihood over the weights, plus the penalizer times the
# sum of the squared parameters, with alpha and beta in units of the largest T); log-likelihoods at the optimum and every
# formula value are then evaluated with mpmath at 50 significant digits from the closed forms of the papers (Gauss's
# hypergeometric function where the paper has one).
# Run from the repository root: python3 test/predictive/reference-models.py
import csv, json
import mpmath as m
import numpy as np
from scipy import optimize, special

m.mp.dps = 50
out = {"_source": "scipy 1.17 fits of the objectives named in each section, then mpmath 1.3.0 at 50 significant digits (generator: test/predictive/reference-models.py)."}

rows = list(csv.reader(open("test/fixtures/cdnow/cdnow_customers_summary.csv")))[1:]
x = np.array([float(r[1]) for r in rows]); tx = np.array([float(r[2]) for r in rows]); T = np.array([float(r[3]) for r in rows])
w = np.ones_like(x)
scale = 1 / T.max()


def fit(nll, start):
    best = optimize.minimize(nll, np.log(start), method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-14, "maxiter": 40000, "maxfev": 80000})
    best = optimize.minimize(nll, best.x, method="BFGS", options={"gtol": 1e-11})
    best = optimize.minimize(nll, best.x, method="Nelder-Mead", options={"xatol": 1e-12, "fatol": 1e-15, "maxiter": 40000, "maxfev": 80000})
    return np.exp(best.x)


# ---- BG/NBD with lifetimes' penalizer: alpha in units of max T ----
def bg_nll(lp, pen):
    r, al, a, b = np.exp(lp)
    s = scale
    A1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(al)
    A2 = special.gammaln(a + b) + special.gammaln(b + x) - special.gammaln(b) - special.gammaln(a + b + x)
    A3 = -(r + x) * np.log(al + T * s)
    A4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(al + tx * s), -np.inf)
    ll = A1 + A2 + np.logaddexp(A3, A4)
    return -(ll * w).sum() / w.sum() + pen * (r * r + al * al + a * a + b * b)


def bg_ll_mp(r, al, a, b):
    r, al, a, b = map(m.mpf, (r, al, a, b))
    tot = m.mpf(0)
    for xi, ti, Ti in zip(x, tx, T):
        xi, ti, Ti = m.mpf(xi), m.mpf(ti), m.mpf(Ti)
        L = m.gamma(r + xi) * al**r / m.gamma(r) * m.beta(a, b + xi) / m.beta(a, b) * (al + Ti) ** (-(r + xi))
        if xi > 0:
            L += m.gamma(r + xi) * al**r / m.gamma(r) * m.beta(a + 1, b + xi - 1) / m.beta(a, b) * (al + ti) ** (-(r + xi))
        tot += m.log(L)
    return tot


pen = {}
for p in [0.1, 10]:
    r, al, a, b = fit(lambda lp: bg_nll(lp, p), [1, 1, 1, 1])
    al = al / scale
    pen[str(p)] = {"params": {"r": r, "alpha": al, "a": a, "b": b}, "logLikelihood": float(bg_ll_mp(r, al, a, b))}
out["bgNbdPenalized"] = {"formula": "lifetimes BetaGeoFitter objective: -LL/W + penalizer (r^2 + (alpha/maxT)^2 + a^2 + b^2), CDNOW summary", "cases": pen}

# ---- MBG/NBD (Batislam, Denizel & Filiztekin 2007; lifetimes ModifiedBetaGeoFitter) ----
def mbg_nll(lp, pen):
    r, al, a, b = np.exp(lp)
    s = scale
    A1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(al)
    A2 = special.gammaln(a + b) + special.gammaln(b + x + 1) - special.gammaln(b) - special.gammaln(a + b + x + 1)
    A3 = -(r + x) * np.log(al + T * s)
    A4 = np.log(a) - np.log(b + x) + (r + x) * (np.log(al + T * s) - np.log(al + tx * s))
    ll = A1 + A2 + A3 + np.logaddexp(A4, 0)
    return -(ll * w).sum() / w.sum() + pen * (r * r + al * al + a * a + b * b)


def mbg_ll_mp(r, al, a, b):
    r, al, a, b = map(m.mpf, (r, al, a, b))
    tot = m.mpf(0)
    for xi, ti, Ti in zip(x, tx, T):
        xi, ti, Ti = m.mpf(xi), m.mpf(ti), m.mpf(Ti)
        c = m.gamma(r + xi) * al**r / m.gamma(r) * m.beta(a, b + xi + 1) / m.beta(a, b)
        L = c * (al + Ti) ** (-(r + xi)) * (1 + a / (b + xi) * ((al + Ti) / (al + ti)) ** (r + xi))
        tot += m.log(L)
    return tot


mbg = {}
for p in [0, 0.1]:
    r, al, a, b = fit(lambda lp: mbg_nll(lp, p), [1, 1, 1, 1])
    al = al / scale
    mbg[str(p)] = {"params": {"r": r, "alpha": al, "a": a, "b": b}, "logLikelihood": float(mbg_ll_mp(r, al, a, b))}
out["mbgNbdFit"] = {"formula": "lifetimes ModifiedBetaGeoFitter objective (Batislam et al. 2007 likelihood), CDNOW summary, penalizer 0 and 0.1", "cases": mbg}


def mbg_expected(r, al, a, b, t):
    r, al, a, b, t = map(m.mpf, (r, al, a, b, t))
    return b / (a - 1) * (1 - (al / (al + t)) ** r * m.hyp2f1(r, b + 1, a + b, t / (al + t)))


def mbg_cond(r, al, a, b, xi, ti, Ti, t):
    r, al, a, b, xi, ti, Ti, t = map(m.mpf, (r, al, a, b, xi, ti, Ti, t))
    num = (a + b + xi) / (a - 1) * (1 - ((al + Ti) / (al + Ti + t)) ** (r + xi) * m.hyp2f1(r + xi, b + xi + 1, a + b + xi, t / (al + Ti + t)))
    return num / (1 + a / (b + xi) * ((al + Ti) / (al + ti)) ** (r + xi))


def mbg_alive(r, al, a, b, xi, ti, Ti):
    r, al, a, b, xi, ti, Ti = map(m.mpf, (r, al, a, b, xi, ti, Ti))
    return 1 / (1 + a / (b + xi) * ((al + Ti) / (al + ti)) ** (r + xi))


MP = [(0.525, 6.183, 0.891, 1.614), (1, 2, 2, 3), (0.5, 10, 1.5, 0.8), (2.5, 30, 0.3, 4)]
CU = [(0, 0, 38.86), (2, 30.43, 38.86), (1, 1.71, 38.86), (10, 35, 38.86), (40, 77, 78)]
out["mbgNbdExpectedPurchases"] = {"formula": "Batislam et al. (2007): E[X(t)] = b/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b+1; a+b; t/(alpha+t))]", "cases": [[list(p), t, float(mbg_expected(*p, t))] for p in MP for t in [0.5, 39, 78, 1000]]}
out["mbgNbdConditionalExpectedPurchases"] = {"formula": "Batislam et al. (2007), conditional expectation", "cases": [[list(p), list(c), t, float(mbg_cond(*p, *c, t))] for p in MP for c in CU for t in [0.5, 39, 1000]]}
out["mbgNbdProbabilityAlive"] = {"formula": "Batislam et al. (2007): 1 / (1 + a/(b+x) ((alpha+T)/(alpha+t_x))^(r+x))", "cases": [[list(p), list(c), float(mbg_alive(*p, *c))] for p in MP for c in CU]}

# ---- Pareto/NBD (Fader, Hardie & Lee 2005, "A note on deriving the Pareto/NBD model and related expressions") ----
def pnbd_logL_mp(r, al, s, be, xi, ti, Ti):
    r, al, s, be, xi, ti, Ti = map(m.mpf, (r, al, s, be, xi, ti, Ti))
    if al >= be:
        F = lambda t: m.hyp2f1(r + s + xi, s + 1, r + s + xi + 1, (al - be) / (al + t)) / (al + t) ** (r + s + xi)
    else:
        F = lambda t: m.hyp2f1(r + s + xi, r + xi, r + s + xi + 1, (be - al) / (be + t)) / (be + t) ** (r + s + xi)
    A0 = F(ti) - F(Ti)
    L = m.gamma(r + xi) * al**r * be**s / m.gamma(r) * (1 / ((al + Ti) ** (r + xi) * (be + Ti) ** s) + s / (r + s + xi) * A0)
    return m.log(L)


def pnbd_nll(lp, pen):
    r, al, s, be = np.exp(lp)
    ll = np.empty_like(x)
    # float64 integral form for the search (the published form overflows); the optimum is then checked in mpmath
    from scipy import integrate
    for i in range(len(x)):
        xi, ti, Ti = x[i], tx[i] * scale, T[i] * scale
        I = integrate.quad(lambda u: (al + u) ** (-(r + xi)) * (be + u) ** (-(s + 1)), ti, Ti, epsabs=0, epsrel=1e-13)[0] if Ti > ti else 0.0
        ll[i] = special.gammaln(r + xi) - special.gammaln(r) + r * np.log(al) + s * np.log(be) + np.log((al + Ti) ** (-(r + xi)) * (be + Ti) ** (-s) + s * I)
    return -(ll * w).sum() / w.sum() + pen * (r * r + al * al + s * s + be * be)


def pnbd_fit():
    # group identical rows: the quad calls dominate
    global x, tx, T, w
    keys = {}
    for xi, ti, Ti in zip(x, tx, T):
        keys[(xi, ti, Ti)] = keys.get((xi, ti, Ti), 0) + 1
    x0, tx0, T0, w0 = x, tx, T, w
    x = np.array([k[0] for k in keys]); tx = np.array([k[1] for k in keys]); T = np.array([k[2] for k in keys]); w = np.array(list(keys.values()), dtype=float)
    lp = optimize.minimize(lambda lp: pnbd_nll(lp, 0), np.log([0.5, 0.25, 0.5, 0.25]), method="Nelder-Mead", options={"xatol": 1e-9, "fatol": 1e-13, "maxiter": 4000}).x
    r, al, s, be = np.exp(lp)
    x, tx, T, w = x0, tx0, T0, w0
    return r, al / scale, s, be / scale


r, al, s, be = pnbd_fit()
ll = m.fsum(pnbd_logL_mp(r, al, s, be, xi, ti, Ti) for xi, ti, Ti in zip(x, tx, T))
out["paretoNbdFit"] = {"formula": "Pareto/NBD maximum likelihood on the CDNOW summary; LL from the note's closed form (2F1) in mpmath", "params": {"r": r, "alpha": al, "s": s, "beta": be}, "logLikelihood": float(ll)}

PP = [(0.5533, 10.5793, 0.6061, 11.6650), (1, 2, 3, 0.5), (2, 0.5, 0.4, 7), (0.3, 1e-3, 1.5, 1e3), (5, 1e4, 0.01, 1e-2), (0.2, 5, 0.2, 5)]
PC = [(0, 0, 38.86), (2, 30.43, 38.86), (1, 1.71, 38.86), (10, 35, 38.86), (40, 77, 78), (200, 1, 1000), (3, 999.999, 1000), (0, 0, 1e6)]
out["paretoNbdLogLikelihood"] = {"formula": "ln L of one customer, Fader, Hardie & Lee (2005) note, eq. for L with A0 by 2F1", "cases": [[list(p), list(c), float(pnbd_logL_mp(*p, *c))] for p in PP for c in PC]}


def pnbd_alive(r, al, s, be, xi, ti, Ti):
    r, al, s, be, xi, ti, Ti = map(m.mpf, (r, al, s, be, xi, ti, Ti))
    main = m.gamma(r + xi) * al**r * be**s / m.gamma(r) / ((al + Ti) ** (r + xi) * (be + Ti) ** s)
    return main / m.exp(pnbd_logL_mp(r, al, s, be, xi, ti, Ti))


def pnbd_cond(r, al, s, be, xi, ti, Ti, t):
    r, al, s, be, xi, ti, Ti, t = map(m.mpf, (r, al, s, be, xi, ti, Ti, t))
    return (r + xi) * (be + Ti) / ((al + Ti) * (s - 1)) * (1 - ((be + Ti) / (be + Ti + t)) ** (s - 1)) * pnbd_alive(r, al, s, be, xi, ti, Ti)


def pnbd_expected(r, al, s, be, t):
    r, al, s, be, t = map(m.mpf, (r, al, s, be, t))
    return r * be / (al * (s - 1)) * (1 - (be / (be + t)) ** (s - 1))


out["paretoNbdProbabilityAlive"] = {"formula": "Fader, Hardie & Lee (2005) note: P(alive) = the first term of L over L", "cases": [[list(p), list(c), float(pnbd_alive(*p, *c))] for p in PP for c in PC]}
out["paretoNbdConditionalExpectedPurchases"] = {"formula": "Schmittlein, Morrison & Colombo (1987): (r+x)(beta+T)/((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)] P(alive)", "cases": [[list(p), list(c), t, float(pnbd_cond(*p, *c, t))] for p in PP[:4] for c in PC[:6] for t in [0.5, 39, 1000]]}
out["paretoNbdExpectedPurchases"] = {"formula": "E[X(t)] = r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]", "cases": [[list(p), t, float(pnbd_expected(*p, t))] for p in PP for t in [0.5, 39, 78, 1000, 1e6]]}

# ---- BG/NBD P(X(t) = k), Fader, Hardie & Lee (2005) eq. 8 ----
def bg_pmf(r, al, a, b, t, k):
    r, al, a, b, t = map(m.mpf, (r, al, a, b, t))
    q = t / (al + t)
    nb = lambda j: m.gamma(r + j) / (m.gamma(r) * m.factorial(j)) * (al / (al + t)) ** r * q**j
    p = m.beta(a, b + k) / m.beta(a, b) * nb(k)
    if k > 0:
        p += m.beta(a + 1, b + k - 1) / m.beta(a, b) * m.betainc(k, r, 0, q, regularized=True)  # P(N >= k), no cancellation
    return p


BP = [(0.2426, 4.4135, 0.7929, 2.4258), (1, 2, 2, 3), (2.5, 30, 0.3, 4)]
out["bgNbdPurchaseCountProbability"] = {"formula": "Fader, Hardie & Lee (2005) eq. 8", "cases": [[list(p), t, k, float(bg_pmf(*p, t, k))] for p in BP for t in [0.5, 39, 78, 1000] for k in [0, 1, 2, 5, 20, 100]]}

# ---- BG/BB (Fader, Hardie & Shang 2010) ----
don = list(csv.DictReader(open("test/fixtures/donations/donations.csv")))
dx = np.array([float(d["frequency"]) for d in don]); dt = np.array([float(d["recency"]) for d in don]); dn = np.array([float(d["periods"]) for d in don]); dw = np.array([float(d["weights"]) for d in don])


def bgbb_logL_mp(al, be, ga, de, xi, ti, n):
    al, be, ga, de = map(m.mpf, (al, be, ga, de))
    L = m.beta(al + xi, be + n - xi) / m.beta(al, be) * m.beta(ga, de + n) / m.beta(ga, de)
    for i in range(int(n - ti)):
        L += m.beta(al + xi, be + ti - xi + i) / m.beta(al, be) * m.beta(ga + 1, de + ti + i) / m.beta(ga, de)
    return m.log(L)


def bgbb_nll(lp):
    al, be, ga, de = np.exp(lp)
    tot = 0.0
    for xi, ti, n, wi in zip(dx, dt, dn, dw):
        terms = [special.betaln(al + xi, be + n - xi) - special.betaln(al, be) + special.betaln(ga, de + n) - special.betaln(ga, de)]
        for i in range(int(n - ti)):
            terms.append(special.betaln(al + xi, be + ti - xi + i) - special.betaln(al, be) + special.betaln(ga + 1, de + ti + i) - special.betaln(ga, de))
        tot += wi * special.logsumexp(terms)
    return -tot / dw.sum()


al, be, ga, de = fit(bgbb_nll, [1, 1, 1, 1])
bll = m.fsum(wi * bgbb_logL_mp(al, be, ga, de, xi, ti, n) for xi, ti, n, wi in zip(dx, dt, dn, dw))
out["bgBbFit"] = {"formula": "BG/BB maximum likelihood on the donations panel (Fader, Hardie & Shang 2010, eq. 5)", "params": {"alpha": al, "beta": be, "gamma": ga, "delta": de}, "logLikelihood": float(bll)}


def bgbb_expected(al, be, ga, de, n):
    al, be, ga, de = map(m.mpf, (al, be, ga, de))
    if ga == 1:
        return al / (al + be) * de * (m.digamma(1 + de + n) - m.digamma(1 + de))
    return al / (al + be) * de / (ga - 1) * (1 - m.gamma(ga + de) / m.gamma(1 + de) * m.gamma(1 + de + n) / m.gamma(ga + de + n))


def bgbb_cond(al, be, ga, de, xi, ti, n, k):
    al, be, ga, de = map(m.mpf, (al, be, ga, de))
    L = m.exp(bgbb_logL_mp(al, be, ga, de, xi, ti, n))
    if ga == 1:
        tail = de * (m.digamma(1 + de + n + k) - m.digamma(1 + de + n))
    else:
        tail = de / (ga - 1) * m.gamma(ga + de) / m.gamma(1 + de) * (m.gamma(1 + de + n) / m.gamma(ga + de + n) - m.gamma(1 + de + n + k) / m.gamma(ga + de + n + k))
    return m.beta(al + xi + 1, be + n - xi) / m.beta(al, be) * tail / L


def bgbb_alive(al, be, ga, de, xi, ti, n):
    al, be, ga, de = map(m.mpf, (al, be, ga, de))
    L = m.exp(bgbb_logL_mp(al, be, ga, de, xi, ti, n))
    return m.beta(al + xi, be + n - xi) / m.beta(al, be) * m.beta(ga, de + n + 1) / m.beta(ga, de) / L


BB = [(1.204, 0.750, 0.657, 2.783), (1, 1, 1, 1), (0.5, 2, 3, 0.4), (5, 0.1, 0.05, 10)]
BC = [(0, 0, 6), (1, 1, 6), (3, 5, 6), (6, 6, 6), (2, 3, 10), (0, 0, 50), (20, 45, 50)]
out["bgBbExpectedPurchases"] = {"formula": "Fader, Hardie & Shang (2010) eq. 8", "cases": [[list(p), n, float(bgbb_expected(*p, n))] for p in BB for n in [0, 1, 6, 10, 100]]}
out["bgBbConditionalExpectedPurchases"] = {"formula": "Fader, Hardie & Shang (2010) eq. 13", "cases": [[list(p), list(c), k, float(bgbb_cond(*p, *c, k))] for p in BB for c in BC for k in [1, 5, 30]]}
out["bgBbProbabilityAlive"] = {"formula": "Fader, Hardie & Shang (2010) eq. 11: alive at opportunity n + 1", "cases": [[list(p), list(c), float(bgbb_alive(*p, *c))] for p in BB for c in BC]}

json.dump(out, open("test/predictive/reference-models.json", "w"), indent=1)
print("done")
