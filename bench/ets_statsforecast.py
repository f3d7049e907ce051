#!/usr/bin/env python3
"""The statsforecast side of the ETS benchmark: fits ETS(A,N,N), ETS(A,A,N) and ETS(A,Ad,N)
(AutoETS with a fixed model) to every series of a wide CSV and forecasts 3 steps with 80/95%
intervals, on all cores; prints the time of fit + predict (after a warm-up that compiles
statsforecast's numba code), and writes each series' SSE per model
(statsforecast reports loglik = −n/2·log(SSE)) for the likelihood comparison.

Usage: python3 bench/ets_statsforecast.py IN.csv OUT.csv [JOBS]
"""
import sys
import time
import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoETS

source, out = sys.argv[1], sys.argv[2]
jobs = int(sys.argv[3]) if len(sys.argv) > 3 else -1
wide = pd.read_csv(source)
ids = wide.iloc[:, 0].astype(str).tolist()
values = wide.iloc[:, 1:].to_numpy(dtype=float)
n = values.shape[1]
df = pd.DataFrame({"unique_id": np.repeat(ids, n), "ds": np.tile(np.arange(n), len(ids)), "y": values.ravel()})
# damped must be given for AAN: left unset, AutoETS also tries the damped model and keeps the better.
models = [AutoETS(model="ANN", alias="ses"), AutoETS(model="AAN", damped=False, alias="holt"), AutoETS(model="AAN", damped=True, alias="damped")]
# Warm up first (numba compiles statsforecast's ETS on first use), so that only the work is timed.
warm = df[df.unique_id.isin(ids[:4])]
StatsForecast(models=models, freq=1, n_jobs=1).fit(warm).predict(h=3, level=[80, 95])
sf = StatsForecast(models=models, freq=1, n_jobs=jobs)
start = time.perf_counter()
sf.fit(df)
forecasts = sf.predict(h=3, level=[80, 95])
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f}")
order = sf.uids.tolist() if hasattr(sf, "uids") else ids
with open(out, "w") as f:
    f.write("id,ses,holt,damped\n")
    for i, uid in enumerate(order):
        sse = [float(np.exp(-2 * sf.fitted_[i, j].model_["loglik"] / n)) for j in range(3)]
        f.write(f"{uid}," + ",".join(repr(v) for v in sse) + "\n")
