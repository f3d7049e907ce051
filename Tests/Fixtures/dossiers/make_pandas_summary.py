#!/usr/bin/env python3
"""Writes the pandas reference summaries of records.csv (3,000 dossier records made by
bench/generate_dossiers.py with seed 11): counts per unit and month, per unit and quarter, and
per unit, year and agency, with pending dossiers overdue when due before the latest date in the
file, and the on-time rate over resolved dossiers.

Run: python3 Tests/Fixtures/dossiers/make_pandas_summary.py   (records the pandas version)
"""
import os
import pandas as pd

here = os.path.dirname(os.path.abspath(__file__))
df = pd.read_csv(os.path.join(here, "records.csv"), dtype=str, keep_default_na=False)
received = pd.to_datetime(df.received_date)
finished = pd.to_datetime(df.finished_date.replace("", None))
as_of = max(received.max(), finished.max())
due = pd.to_datetime(df.due_date)
df["overdue"] = (df.status == "pending") & (due < as_of)
df["month"] = received.dt.strftime("%Y-%m")
df["quarter"] = received.dt.year.astype(str) + "-Q" + received.dt.quarter.astype(str)
df["year"] = received.dt.year.astype(str)

def summarise(keys, name):
    g = df.groupby(keys)
    out = pd.DataFrame({
        "received_new": g.size(),
        "received_online": g.channel.apply(lambda c: (c == "online").sum()),
        "received_postal": g.channel.apply(lambda c: (c == "postal").sum()),
        "received_direct": g.channel.apply(lambda c: (c == "direct").sum()),
        "resolved_early": g.status.apply(lambda s: (s == "early").sum()),
        "resolved_on_time": g.status.apply(lambda s: (s == "on_time").sum()),
        "resolved_late": g.status.apply(lambda s: (s == "late").sum()),
        "withdrawn": g.status.apply(lambda s: (s == "withdrawn").sum()),
        "pending_overdue": g.overdue.sum(),
        "pending_all": g.status.apply(lambda s: (s == "pending").sum()),
    }).reset_index()
    out["pending_in_time"] = out.pending_all - out.pending_overdue
    resolved = out.resolved_early + out.resolved_on_time + out.resolved_late
    out["on_time_rate"] = 100 * (out.resolved_early + out.resolved_on_time) / resolved
    out = out.drop(columns="pending_all")
    out.to_csv(os.path.join(here, name), index=False)

summarise(["unit", "month"], "pandas_unit_month.csv")
summarise(["unit", "quarter"], "pandas_unit_quarter.csv")
summarise(["unit", "year", "agency"], "pandas_unit_year_agency.csv")
with open(os.path.join(here, "pandas_version.txt"), "w") as f:
    f.write(f"pandas {pd.__version__}; as-of {as_of.date()}\n")
