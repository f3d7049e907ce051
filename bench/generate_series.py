#!/usr/bin/env python3
"""Writes a seeded wide CSV of yearly series for the trend benchmark: one row per series
(`unit`), one column per year 2013–2024, values with two decimals like published index scores.
A few cells are left empty so that series with gaps are part of the work.

Usage: python3 bench/generate_series.py OUT.csv [SERIES] [SEED] [YEARS] [GAP_RATE]
       (defaults 100000 series, seed 20261121, 12 years ending in 2024, 1% of cells empty)
"""
import sys
import numpy as np

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
rng = np.random.default_rng(int(sys.argv[3]) if len(sys.argv) > 3 else 20261121)
length = int(sys.argv[4]) if len(sys.argv) > 4 else 12
gap_rate = float(sys.argv[5]) if len(sys.argv) > 5 else 0.01
years = np.arange(2025 - length, 2025)
level = rng.uniform(60, 90, count)[:, None]
slope = rng.normal(0.5, 0.8, count)[:, None]
values = level + slope * (years - years[0])[None, :] + rng.normal(0, 1.5, (count, len(years)))
gaps = rng.random((count, len(years))) < gap_rate
with open(out, "w") as f:
    f.write("unit," + ",".join(str(y) for y in years) + "\n")
    for i in range(count):
        cells = ["" if gaps[i, j] else f"{values[i, j]:.2f}" for j in range(len(years))]
        f.write(f"S{i:06d}," + ",".join(cells) + "\n")
