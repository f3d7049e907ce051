#!/usr/bin/env python3
"""Times `chiso dossiers summarize` against DuckDB and polars (streaming) on the same file of
10 million dossier records (about 840 MB, bench/generate_dossiers.py, seed 766), grouping by
province × month into received, resolved, on-time rate, late and online share; checks that the
three agree exactly and reports chiso's peak memory. A benchmark to run, not a test.

Usage: python3 bench/dossier_bench.py [ROWS] [RUNS]   (defaults 10,000,000 rows, best of 3)
Needs: pip install duckdb polars. Data goes to bench/out/.
"""
import csv
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
out = os.path.join(HERE, "out")
os.makedirs(out, exist_ok=True)
data = os.path.join(out, f"dossiers_{rows}.csv")
if not os.path.exists(data):
    subprocess.run([sys.executable, os.path.join(HERE, "generate_dossiers.py"), data, str(rows), "766"], check=True)
subprocess.run(["swift", "build", "-c", "release", "--product", "chiso"], cwd=ROOT, check=True, capture_output=True)
chiso = os.path.join(ROOT, ".build", "release", "chiso")

def best(f):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - start)
    return min(times), result

# chiso, with its peak resident memory from GNU time.
chiso_csv = os.path.join(out, "chiso_dossiers.csv")
def run_chiso():
    with open(chiso_csv, "w") as f:
        p = subprocess.run(["/usr/bin/time", "-f", "%M", chiso, "dossiers", "summarize", data, "--by", "unit,month", "--format", "csv", "-q"],
                           stdout=f, stderr=subprocess.PIPE, text=True, check=True)
    return int(p.stderr.strip().splitlines()[-1])
t_chiso, peak_kb = best(run_chiso)

import duckdb
import polars as pl

QUERY = f"""
SELECT unit, substr(received_date, 1, 7) AS period, count(*) AS received,
       count(*) FILTER (WHERE status IN ('early', 'on_time', 'late')) AS resolved,
       count(*) FILTER (WHERE status IN ('early', 'on_time')) AS in_time,
       count(*) FILTER (WHERE status = 'late') AS late,
       count(*) FILTER (WHERE channel = 'online') AS online
FROM read_csv('{data}', header = true, columns = {{'dossier_id': 'VARCHAR', 'unit': 'VARCHAR', 'agency': 'VARCHAR', 'procedure': 'VARCHAR',
     'channel': 'VARCHAR', 'received_date': 'VARCHAR', 'due_date': 'VARCHAR', 'finished_date': 'VARCHAR', 'status': 'VARCHAR'}})
GROUP BY ALL ORDER BY unit, period
"""
t_duck, duck = best(lambda: duckdb.sql(QUERY).fetchall())

def run_polars():
    frame = (pl.scan_csv(data, schema_overrides={"unit": pl.Utf8})
             .group_by(pl.col("unit"), pl.col("received_date").str.slice(0, 7).alias("period"))
             .agg(pl.len().alias("received"),
                  pl.col("status").is_in(["early", "on_time", "late"]).sum().alias("resolved"),
                  pl.col("status").is_in(["early", "on_time"]).sum().alias("in_time"),
                  (pl.col("status") == "late").sum().alias("late"),
                  (pl.col("channel") == "online").sum().alias("online"))
             .sort(["unit", "period"])
             .collect(engine="streaming"))
    return frame.rows()
t_polars, polars_rows = best(run_polars)

ours = []
for r in csv.DictReader(open(chiso_csv)):
    resolved = int(r["resolved_early"]) + int(r["resolved_on_time"]) + int(r["resolved_late"])
    ours.append((r["unit"], r["period"], int(r["received_new"]), resolved, int(r["resolved_early"]) + int(r["resolved_on_time"]),
                 int(r["resolved_late"]), int(r["received_online"])))
duck = [tuple(x) for x in duck]
polars_rows = [tuple(x) for x in polars_rows]
assert ours == duck, "chiso and DuckDB differ"
assert ours == polars_rows, "chiso and polars differ"
# Rates: chiso's on-time rate and online share equal the counts' ratios to the last bit.
for r in csv.DictReader(open(chiso_csv)):
    resolved = int(r["resolved_early"]) + int(r["resolved_on_time"]) + int(r["resolved_late"])
    assert float(r["on_time_rate"]) == 100 * (int(r["resolved_early"]) + int(r["resolved_on_time"])) / resolved
    assert float(r["online_share"]) == 100 * int(r["received_online"]) / int(r["received_new"])

size = os.path.getsize(data) / 1e6
print(f"{rows} records ({size:.0f} MB), {len(ours)} province-months, best of {runs}; outputs identical")
print(f"chiso dossiers summarize: {t_chiso:.3f} s, peak memory {peak_kb / 1024:.0f} MB")
print(f"polars (streaming)      : {t_polars:.3f} s   -> chiso {t_polars / t_chiso:.2f}x faster")
print(f"DuckDB                  : {t_duck:.3f} s   -> chiso {t_duck / t_chiso:.2f}x faster")
