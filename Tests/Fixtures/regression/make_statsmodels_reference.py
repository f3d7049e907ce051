#!/usr/bin/env python3
"""Writes statsmodels_reference.json: a seeded panel-like dataset and statsmodels' OLS/WLS results
(coefficients, standard errors under nonrobust, HC0–HC3 and cluster covariance, p-values, R²,
F, log-likelihood, AIC, BIC, and predictions with confidence and prediction intervals).

Run: python3 Tests/Fixtures/regression/make_statsmodels_reference.py   (records versions)
"""
import json
import os
import numpy as np
import statsmodels
import statsmodels.api as sm

rng = np.random.default_rng(20261121)
units, years = 12, 8
n = units * years
cluster = np.repeat(np.arange(units), years)
t = np.tile(np.arange(years, dtype=float), units)
x1 = rng.normal(50, 10, n)
x2 = rng.uniform(0, 1, n) + 0.1 * t
unit_effect = rng.normal(0, 2, units)[cluster]
noise = rng.normal(0, 1 + 0.05 * x1 / 10, n)   # heteroskedastic
y = 3 + 0.4 * x1 - 2 * x2 + 0.3 * t + unit_effect + noise
w = rng.uniform(0.5, 2, n)
X = sm.add_constant(np.column_stack([x1, x2, t]))
new = np.array([[1, 45.0, 0.5, 3.0], [1, 70.0, 1.2, 7.0]])

def summary(result):
    return {
        "params": result.params.tolist(), "bse": result.bse.tolist(), "pvalues": result.pvalues.tolist(),
        "rsquared": result.rsquared, "rsquared_adj": result.rsquared_adj, "fvalue": float(result.fvalue),
        "f_pvalue": float(result.f_pvalue), "llf": result.llf, "aic": result.aic, "bic": result.bic,
        "scale": result.scale, "condition_number": float(result.condition_number),
    }

out = {"statsmodels_version": statsmodels.__version__, "numpy_version": np.__version__,
       "terms": ["const", "x1", "x2", "t"], "y": y.tolist(), "x1": x1.tolist(), "x2": x2.tolist(), "t": t.tolist(),
       "cluster": cluster.tolist(), "weights": w.tolist(), "new_points": new.tolist()}
ols = sm.OLS(y, X).fit()
out["ols"] = summary(ols)
for cov in ["HC0", "HC1", "HC2", "HC3"]:
    out["ols_" + cov.lower() + "_bse"] = sm.OLS(y, X).fit(cov_type=cov).bse.tolist()
out["ols_cluster_bse"] = sm.OLS(y, X).fit(cov_type="cluster", cov_kwds={"groups": cluster}).bse.tolist()
frame = ols.get_prediction(new).summary_frame(alpha=0.05)
out["prediction"] = {k: frame[k].tolist() for k in ["mean", "mean_se", "mean_ci_lower", "mean_ci_upper", "obs_ci_lower", "obs_ci_upper"]}
wls = sm.WLS(y, X, weights=w).fit()
out["wls"] = summary(wls)

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "statsmodels_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
