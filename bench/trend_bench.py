#!/usr/bin/env python3
"""Times `chiso trend --batch` against numpy on the same file of yearly series, checks that both
give the same fits, and prints the ratio. A benchmark to run, not a test.

Usage: python3 bench/trend_bench.py [SERIES] [RUNS]   (defaults 100000 series, best of 5 runs)
Builds chiso in release mode first; the data file goes to bench/out/ (ignored by git).
"""
import csv
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
series = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
out = os.path.join(HERE, "out")
os.makedirs(out, exist_ok=True)
data = os.path.join(out, f"series_{series}.csv")
if not os.path.exists(data):
    subprocess.run([sys.executable, os.path.join(HERE, "generate_series.py"), data, str(series)], check=True)
subprocess.run(["swift", "build", "-c", "release", "--product", "chiso"], cwd=ROOT, check=True, capture_output=True)
chiso = os.path.join(ROOT, ".build", "release", "chiso")

def best(command, output):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with open(output, "w") as f:
            subprocess.run(command, stdout=f, check=True)
        times.append(time.perf_counter() - start)
    return min(times)

chiso_out = os.path.join(out, "chiso_trend.csv")
numpy_out = os.path.join(out, "numpy_trend.csv")
t_chiso = best([chiso, "trend", data, "--batch", "--format", "csv", "-q"], chiso_out)
t_numpy = best([sys.executable, os.path.join(HERE, "trend_numpy.py"), data, numpy_out], os.devnull)

a = {r["id"]: r for r in csv.DictReader(open(chiso_out))}
b = {r["unit"]: r for r in csv.DictReader(open(numpy_out))}
assert a.keys() == b.keys(), "different series"
worst = 0.0
for unit, row in b.items():
    for column in ("intercept", "slope", "std_error", "r_squared"):
        u = float(row[column])
        v = float(a[unit][column]) if a[unit][column] else math.nan
        if math.isnan(u) or math.isnan(v):
            assert math.isnan(u) == math.isnan(v), (unit, column, u, v)
            continue
        worst = max(worst, abs(u - v) / max(abs(u), 1.0))
assert worst < 1e-9, f"fits differ: {worst}"
size = os.path.getsize(data) / 1e6
print(f"{series} series x 12 years ({size:.0f} MB), best of {runs}")
print(f"chiso trend --batch: {t_chiso:.3f} s")
print(f"numpy              : {t_numpy:.3f} s")
print(f"ratio numpy/chiso  : {t_numpy / t_chiso:.2f}x   (fits agree to {worst:.1e}, relative to max(|value|, 1))")
