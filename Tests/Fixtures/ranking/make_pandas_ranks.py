#!/usr/bin/env python3
"""Writes pandas_ranks.json: pandas Series.rank on hand-made cases with ties and missing values.

Run: python3 Tests/Fixtures/ranking/make_pandas_ranks.py   (records the pandas version used)
"""
import json
import math
import os
import pandas as pd

CASES = [
    ("ties_in_middle", [10.0, 20.0, 20.0, 5.0]),
    ("all_tied", [3.0, 3.0, 3.0]),
    ("with_missing", [88.5, None, 91.2, 88.5, None, 70.0]),
    ("three_way_tie_and_pair", [1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 4.0]),
    ("single", [42.0]),
    ("all_missing", [None, None]),
    ("negative_and_zero", [0.0, -1.5, 0.0, 2.25, -1.5]),
    ("province_scores", [92.18, 91.87, 91.43, 91.16, 91.03, 90.76, 90.60, 89.19, 88.86, 88.72, 88.68, 88.60, 88.46, 88.38, 88.35, 88.02, 87.33, 87.32, 86.97, 86.89, 86.76, 86.25, 86.15, 86.14, 85.77, 85.39, 84.60, 81.87, 81.70, 81.32]),
]
METHODS = ["min", "average", "dense", "first", "max"]

def clean(values):
    return [None if (v is None or (isinstance(v, float) and math.isnan(v))) else float(v) for v in values]

out = {"pandas_version": pd.__version__, "cases": []}
for name, values in CASES:
    s = pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
    for ascending in (False, True):
        for method in METHODS:
            ranks = s.rank(method=method, ascending=ascending, na_option="keep")
            out["cases"].append({
                "name": name, "values": values, "ascending": ascending, "method": method,
                "ranks": clean(ranks.tolist()),
            })

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pandas_ranks.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
