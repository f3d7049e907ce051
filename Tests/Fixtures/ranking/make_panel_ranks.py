#!/usr/bin/env python3
"""Writes panel_ties.csv, a small long panel with ties, a missing value and a missing year, and
panel_ranks_pandas.csv: its ranks by pandas for every tie rule and its rank changes.

Ranks: `Series.rank(method=…, ascending=False)` within each (indicator, year); rows are written
in GSO code order, the order chiso keeps units in, so `first` breaks ties the same way.
Rank change: `-diff()` of the ranks within each (indicator, unit) over consecutive years (a place
gained is +1), kept only where both years have a value for every unit (ranks among different sets
of units do not compare) and left empty across the missing year 2024.

Run: python3 Tests/Fixtures/ranking/make_panel_ranks.py   (records the pandas version used)
"""
import os
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
UNITS = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Khánh Hòa", "Đồng Nai", "Cần Thơ"]  # codes 01, 31, 48, 56, 75, 92
VALUES = {
    # A: ties every year; 2022 lacks Đà Nẵng; 2024 is missing (a gap before 2025).
    "A": {2019: [80, 75, 75, 70, 70, 70], 2020: [78, 78, 80, 72, 60, 72], 2021: [81.5, 79, 79, 79, 77, 81.5],
          2022: [82, 80, None, 80, 76, 83], 2023: [83, 81, 81, 84, 76, 83], 2025: [85, 85, 82, 84, 80, 85]},
    # B: averaged ties that move by halves (a rank of 2.5 one year, 5 the next).
    "B": {2019: [60, 55, 55, 50, 65, 40], 2020: [58, 58, 61, 61, 45, 45], 2021: [70, 70, 70, 69, 68, 67]},
}

rows = []
for indicator, years in VALUES.items():
    for year, values in years.items():
        for unit, value in zip(UNITS, values):
            rows.append({"unit": unit, "year": year, "indicator": indicator, "value": value})
panel = pd.DataFrame(rows)
panel.to_csv(os.path.join(HERE, "panel_ties.csv"), index=False, float_format="%g")

out = []
for method in ["min", "average", "dense", "first", "max"]:
    frame = panel.copy()
    frame["rank"] = frame.groupby(["indicator", "year"])["value"].rank(method=method, ascending=False)
    complete = frame.groupby(["indicator", "year"])["value"].apply(lambda v: v.notna().all())
    frame = frame.sort_values(["indicator", "unit", "year"], key=lambda c: c.map(UNITS.index) if c.name == "unit" else c)
    frame["rank_change"] = -frame.groupby(["indicator", "unit"])["rank"].diff()
    previous_year = frame.groupby(["indicator", "unit"])["year"].shift()
    both_complete = pd.Series([complete[(i, y)] and (i, y - 1) in complete and complete[(i, y - 1)]
                               for i, y in zip(frame["indicator"], frame["year"])], index=frame.index)
    comparable = (previous_year == frame["year"] - 1) & both_complete
    frame.loc[~comparable, "rank_change"] = float("nan")
    frame = frame[frame["value"].notna()]
    frame.insert(0, "method", method)
    out.append(frame[["method", "indicator", "unit", "year", "rank", "rank_change"]])
result = pd.concat(out)
with open(os.path.join(HERE, "panel_ranks_pandas.csv"), "w") as f:
    f.write(f"# pandas {pd.__version__}\n")
    result.to_csv(f, index=False)
