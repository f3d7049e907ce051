#!/usr/bin/env python3
"""Times chiso's ETS(A,N,N), ETS(A,A,N) and ETS(A,Ad,N) on 10,000 series × 14 points (3-step
forecasts with 80/95% intervals) against statsforecast on the same file, side by side, and
checks that chiso's maximised log-likelihood is no worse than statsforecast's (within 1e-6)
for each model on at least 99% of series. A benchmark to run, not a test.

Usage: python3 bench/ets_bench.py [SERIES] [JOBS]   (defaults 10000 series, statsforecast on 2 cores)
Needs: pip install statsforecast. Data and outputs go to bench/out/.
"""
import csv
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
series = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
jobs = sys.argv[2] if len(sys.argv) > 2 else "2"
out = os.path.join(HERE, "out")
os.makedirs(out, exist_ok=True)
data = os.path.join(out, f"ets_{series}.csv")
if not os.path.exists(data):
    subprocess.run([sys.executable, os.path.join(HERE, "generate_series.py"), data, str(series), "7", "14", "0"], check=True)
subprocess.run(["swift", "build", "-c", "release", "--product", "chiso"], cwd=ROOT, check=True, capture_output=True)
chiso = os.path.join(ROOT, ".build", "release", "chiso")

models = ["ses", "holt", "damped"]
chiso_time = 0.0
ours = {}
for model in models:
    path = os.path.join(out, f"chiso_{model}.csv")
    best = math.inf
    for _ in range(3):
        start = time.perf_counter()
        with open(path, "w") as f:
            subprocess.run([chiso, "forecast", data, "--batch", "--model", model, "--horizon", "3", "--level", "80,95", "--format", "csv", "-q"], stdout=f, check=True)
        best = min(best, time.perf_counter() - start)
    chiso_time += best
    ours[model] = {}
    for row in csv.DictReader(open(path)):
        ours[model].setdefault(row["id"], float(row["loglik"]) if row["loglik"] else math.nan)

sse_path = os.path.join(out, "statsforecast_sse.csv")
result = subprocess.run([sys.executable, os.path.join(HERE, "ets_statsforecast.py"), data, sse_path, jobs], check=True, capture_output=True, text=True)
sf_time = float(result.stdout.strip().splitlines()[-1])

n = 14
def llf(sse):
    return -n / 2 * (math.log(2 * math.pi * sse / n) + 1)

print(f"{series} series x {n} points, 3 ETS models, h = 3, 80/95% intervals")
print(f"chiso (3 runs, best of 3 each): {chiso_time:.3f} s")
print(f"statsforecast (n_jobs={jobs}, warm): {sf_time:.3f} s")
print(f"ratio: {sf_time / chiso_time:.1f}x")
for j, model in enumerate(models):
    rows = list(csv.DictReader(open(sse_path)))
    no_worse = sum(1 for r in rows if ours[model][r["id"]] >= llf(float(r[model])) - 1e-6)
    better = sum(1 for r in rows if ours[model][r["id"]] > llf(float(r[model])) + 1e-6)
    print(f"{model}: log-likelihood no worse than statsforecast's on {no_worse}/{len(rows)} series ({100 * no_worse / len(rows):.2f}%), better on {better}")
