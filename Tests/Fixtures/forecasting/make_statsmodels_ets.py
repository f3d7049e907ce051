#!/usr/bin/env python3
"""Writes statsmodels_ets.json: 24 annual-length series (8–16 points: index-like levels with
trends, breaks in slope, random walks, damped approaches) and statsmodels' ETSModel fits of
ETS(A,N,N), ETS(A,A,N) and ETS(A,Ad,N) with estimated initial states: parameters, log-likelihood
and 5-step point forecasts.

Run: python3 Tests/Fixtures/forecasting/make_statsmodels_ets.py   (records versions)
"""
import json
import os
import warnings
import numpy as np
import statsmodels
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

warnings.filterwarnings("ignore")
rng = np.random.default_rng(14)
series = []
for i in range(24):
    n = int(rng.integers(8, 17))
    t = np.arange(n)
    shape = i % 4
    if shape == 0:
        y = 70 + rng.uniform(-1, 2) * t + rng.normal(0, 1.5, n)
    elif shape == 1:
        y = 60 + np.cumsum(rng.normal(0.5, 2, n))
    elif shape == 2:
        y = 90 - 20 * np.exp(-0.3 * t) + rng.normal(0, 1, n)
    else:
        y = 5 + 0.1 * t + rng.normal(0, 0.4, n)
    series.append(np.round(y, 2))

cases = []
for index, y in enumerate(series):
    for label, trend, damped in [("ETS(A,N,N)", None, False), ("ETS(A,A,N)", "add", False), ("ETS(A,Ad,N)", "add", True)]:
        model = ETSModel(y.astype(float), error="add", trend=trend, damped_trend=damped, initialization_method="estimated")
        result = model.fit(disp=False, maxiter=10000)
        params = dict(zip(model.param_names, result.params))
        cases.append({
            "series": index, "model": label, "y": y.tolist(),
            "alpha": params["smoothing_level"], "beta": params.get("smoothing_trend", 0.0), "phi": params.get("damping_trend", 1.0),
            "level": params["initial_level"], "trend": params.get("initial_trend", 0.0),
            "llf": result.llf, "forecast": result.forecast(5).tolist(),
        })

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "statsmodels_ets.json"), "w") as f:
    json.dump({"statsmodels_version": statsmodels.__version__, "numpy_version": np.__version__, "cases": cases}, f, indent=1)
    f.write("\n")
print(len(cases), "cases")
