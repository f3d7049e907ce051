#!/usr/bin/env python3
"""Writes a seeded long panel for the panel benchmarks: `unit,year,indicator,value`, the 63
provinces (their Vietnamese names) × 14 years (2011–2024) × INDICATORS indicators, one row per
cell, sorted by indicator, year, unit. Values have two decimals like published scores, so equal
values (ties) are common; about 1% of cells are empty and 0.5% hold a no-data marker.

Usage: python3 bench/generate_panel.py OUT.csv [INDICATORS] [SEED]
       (defaults 3000 indicators = 2,646,000 rows, seed 20261128; 30 indicators = 26,460 rows)
"""
import csv
import os
import sys
import numpy as np

out = sys.argv[1]
indicators = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
rng = np.random.default_rng(int(sys.argv[3]) if len(sys.argv) > 3 else 20261128)
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "datasets", "provinces", "provinces_63.csv"), encoding="utf-8") as f:
    units = [row["name"] for row in csv.DictReader(f)]
years = np.arange(2011, 2025)

with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("unit,year,indicator,value\n")
    for k in range(indicators):
        name = f"IND_{k + 1:04d}"
        # Scores of a few levels (one decimal on some indicators) so that ties occur, with a trend.
        level = rng.uniform(40, 80, len(units))[:, None]
        slope = rng.normal(0.4, 0.6, len(units))[:, None]
        values = level + slope * (years - years[0])[None, :] + rng.normal(0, 2.0, (len(units), len(years)))
        decimals = 1 if k % 3 == 0 else 2
        state = rng.random((len(units), len(years)))
        lines = []
        for j, year in enumerate(years):
            for i, unit in enumerate(units):
                if state[i, j] < 0.01:
                    cell = ""
                elif state[i, j] < 0.015:
                    cell = "KCDL"
                else:
                    cell = f"{values[i, j]:.{decimals}f}"
                lines.append(f"{unit},{year},{name},{cell}\n")
        f.write("".join(lines))
