#!/usr/bin/env python3
"""Writes scipy_reference.json: CDF, survival function and quantile of the normal, Student t,
chi-square and F distributions at fixed points, computed by scipy.stats.

Run: python3 Tests/Fixtures/distributions/make_scipy_reference.py   (records scipy's version)
Values below 1e-290 are left out (they underflow in any double implementation).
"""
import json
import os
import numpy as np
import scipy
from scipy import stats

PROBABILITIES = [1e-12, 1e-6, 0.001, 0.025, 0.1, 0.4, 0.5, 0.6, 0.9, 0.975, 0.999, 1 - 1e-6]
cases = []

def add(name, params, dist, xs):
    for x in xs:
        for function, value in (("cdf", dist.cdf(x)), ("sf", dist.sf(x))):
            value = float(value)
            if value == 0 or abs(value) >= 1e-290:
                cases.append({"distribution": name, "parameters": params, "function": function, "argument": float(x), "value": value})
    for p in PROBABILITIES:
        cases.append({"distribution": name, "parameters": params, "function": "quantile", "argument": p, "value": float(dist.ppf(p))})

add("normal", [], stats.norm(), [-37.5, -10, -5, -1.96, -0.5, 0, 0.3, 1.96, 5, 8.2, 20])
for df in [1, 2, 3, 5.5, 10, 30, 100, 1000]:
    add("t", [df], stats.t(df), [-50, -8, -3, -1, -0.1, 0, 0.5, 2, 4, 12, 100])
for df in [1, 2, 3, 7.5, 10, 50, 200, 1000]:
    add("chi2", [df], stats.chi2(df), [df * f for f in (0.001, 0.1, 0.5, 1, 1.5, 3, 6)])
for d1, d2 in [(1, 1), (1, 10), (3, 20), (5, 2), (10, 100), (50, 7), (200, 300)]:
    add("f", [d1, d2], stats.f(d1, d2), [0.001, 0.1, 0.5, 1, 2, 5, 50])

out = {"scipy_version": scipy.__version__, "numpy_version": np.__version__, "cases": cases}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "scipy_reference.json"), "w") as f:
    json.dump(out, f, indent=0)
    f.write("\n")
print(len(cases), "cases")
