#!/usr/bin/env python3
"""Times `chiso dossiers summarize` on the same file of 10 million dossier records (about 840 MB,
bench/generate_dossiers.py, seed 766), province × month, two ways:
- cohort accounting (every count in the month received: received, resolved, on-time rate, late,
  online share) against DuckDB and polars (streaming);
- period accounting (carried over, received, resolved early / on time / late and withdrawn in
  the month finished, pending at the month's end in time or overdue) against polars, written
  the efficient way: flows by group-by, stocks by cumulative sums over each province's months,
  the overdue stretch of each dossier as +1/−1 at its ends.
- the same period accounting on the same records as a one-stop system exports them
  (`generate_dossiers.py --vietnamese`: Vietnamese headers and statuses, named units, dates
  dd/mm/yyyy HH:mm, timing from the dates) against polars.
Checks that the outputs agree exactly and reports chiso's peak memory. A benchmark to run, not a
test.

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
data_vn = os.path.join(out, f"dossiers_vn_{rows}.csv")
if not os.path.exists(data_vn):
    subprocess.run([sys.executable, os.path.join(HERE, "generate_dossiers.py"), data_vn, str(rows), "766", "--vietnamese"], check=True)
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
def run_chiso(accounting, path, records=data):
    with open(path, "w") as f:
        p = subprocess.run(["/usr/bin/time", "-f", "%M", chiso, "dossiers", "summarize", records, "--by", "unit,month", "--accounting", accounting,
                            "--format", "csv", "-q"], stdout=f, stderr=subprocess.PIPE, text=True, check=True)
    return int(p.stderr.strip().splitlines()[-1])
chiso_csv = os.path.join(out, "chiso_dossiers.csv")
t_chiso, peak_kb = best(lambda: run_chiso("cohort", chiso_csv))
chiso_period_csv = os.path.join(out, "chiso_dossiers_period.csv")
t_period, period_peak_kb = best(lambda: run_chiso("period", chiso_period_csv))
chiso_vn_csv = os.path.join(out, "chiso_dossiers_vn.csv")
t_vn, vn_peak_kb = best(lambda: run_chiso("period", chiso_vn_csv, data_vn))

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

def period_polars(vietnamese=False):
    """Period accounting by province (or named unit) and month (months numbered year * 12 + month - 1)."""
    def month(c):
        return c.dt.year().cast(pl.Int32) * 12 + c.dt.month().cast(pl.Int32) - 1
    if vietnamese:
        def day(name):
            return pl.col(name).str.slice(0, 10).str.to_date("%d/%m/%Y", strict=False)
        raw = pl.scan_csv(data_vn, schema_overrides={c: pl.Utf8 for c in ("Ngày tiếp nhận", "Ngày hẹn trả", "Ngày trả kết quả")})
        frame = raw.select(pl.col("Cơ quan/Đơn vị").alias("unit"),
                           pl.col("Hình thức nộp").replace_strict({"Trực tuyến": "online", "Trực tiếp": "direct", "Bưu chính công ích": "postal"}).alias("channel"),
                           pl.col("Trạng thái").alias("vn_status"), day("Ngày tiếp nhận").alias("received_date"),
                           day("Ngày hẹn trả").alias("due_date"), day("Ngày trả kết quả").alias("finished_date"))
        finished_on_time = (pl.when(pl.col("finished_date") < pl.col("due_date")).then(pl.lit("early"))
                            .when(pl.col("finished_date") == pl.col("due_date")).then(pl.lit("on_time")).otherwise(pl.lit("late")))
        frame = frame.with_columns(pl.when(pl.col("vn_status") == "Đã trả kết quả").then(finished_on_time)
                                   .when(pl.col("vn_status") == "Công dân rút hồ sơ").then(pl.lit("withdrawn")).otherwise(pl.lit("pending")).alias("status"))
    else:
        frame = pl.scan_csv(data, schema_overrides={"unit": pl.Utf8, "received_date": pl.Date, "due_date": pl.Date, "finished_date": pl.Date})
    frame = frame.select("unit", "channel", "status", "due_date", "received_date", "finished_date", month(pl.col("received_date")).alias("rm"),
                         month(pl.col("finished_date")).alias("fm"), month(pl.col("due_date") + pl.duration(days=1)).alias("km"))
    dates = frame.select(pl.col("received_date").max(), pl.col("finished_date").max()).collect(engine="streaming")
    as_of = max(dates["received_date"][0], dates["finished_date"][0])
    a = as_of.year * 12 + as_of.month - 1
    received = frame.group_by("unit", "rm").agg(
        pl.len().alias("received_new"), *[(pl.col("channel") == c).sum().alias("received_" + c) for c in ("online", "postal", "direct")]
    ).rename({"rm": "m"})
    finished = frame.filter(pl.col("fm").is_not_null()).group_by("unit", "fm").agg(
        *[(pl.col("status") == s).sum().alias(n) for s, n in (("early", "resolved_early"), ("on_time", "resolved_on_time"),
                                                               ("late", "resolved_late"), ("withdrawn", "withdrawn"))],
        pl.len().alias("finished")).rename({"fm": "m"})
    # Open and past due at the end of months [start, end): from the first month ending after the
    # due date to the month finished (or the as-of month, where the as-of date decides).
    start, end = pl.max_horizontal("rm", "km"), pl.col("fm").fill_null(a)
    spans = frame.filter(start < end).select("unit", start.alias("s"), end.alias("e"))
    plus = spans.group_by("unit", "s").agg(pl.len().alias("plus")).rename({"s": "m"})
    minus = spans.group_by("unit", "e").agg(pl.len().alias("minus")).rename({"e": "m"})
    at_as_of = (frame.filter(pl.col("fm").is_null() & (pl.col("due_date") < as_of)).group_by("unit").agg(pl.len().alias("extra"))
                .with_columns(pl.lit(a, dtype=pl.Int32).alias("m")))
    grid = (received.group_by("unit").agg(pl.col("m").min().alias("first"))
            .with_columns(pl.int_ranges("first", a + 1, dtype=pl.Int32).alias("m")).explode("m").select("unit", "m"))
    for part in (received, finished, plus, minus, at_as_of):
        grid = grid.join(part, on=["unit", "m"], how="left")
    g = grid.fill_null(0).sort("unit", "m").with_columns(
        (pl.col("received_new") - pl.col("finished")).cum_sum().over("unit").alias("open"),
        ((pl.col("plus") - pl.col("minus")).cum_sum().over("unit") + pl.col("extra")).alias("pending_overdue"))
    g = g.with_columns((pl.col("open") - pl.col("received_new") + pl.col("finished")).alias("carried_over"),
                       (pl.col("open") - pl.col("pending_overdue")).alias("pending_in_time"))
    g = g.filter(pl.col("carried_over") + pl.col("received_new") > 0).collect(engine="streaming")
    return [(u, f"{m // 12}-{m % 12 + 1:02d}", *rest) for u, m, *rest in g.select(
        "unit", "m", "carried_over", "received_new", "received_online", "received_postal", "received_direct", "resolved_early",
        "resolved_on_time", "resolved_late", "withdrawn", "pending_in_time", "pending_overdue").rows()]
t_polars_period, polars_period = best(period_polars)
t_polars_vn, polars_vn = best(lambda: period_polars(vietnamese=True))
period_fields = ["carried_over", "received_new", "received_online", "received_postal", "received_direct", "resolved_early",
                 "resolved_on_time", "resolved_late", "withdrawn", "pending_in_time", "pending_overdue"]
ours_period = [(r["unit"], r["period"], *[int(r[f]) for f in period_fields]) for r in csv.DictReader(open(chiso_period_csv))]
assert ours_period == polars_period, "chiso and polars differ in period accounting"
ours_vn = [(r["unit"], r["period"], *[int(r[f]) for f in period_fields]) for r in csv.DictReader(open(chiso_vn_csv))]
assert ours_vn == polars_vn, "chiso and polars differ in period accounting of the Vietnamese export"
for r in csv.DictReader(open(chiso_period_csv)):
    assert int(r["received"]) == int(r["carried_over"]) + int(r["received_new"])

size = os.path.getsize(data) / 1e6
print(f"{rows} records ({size:.0f} MB), {len(ours)} province-months, best of {runs}; outputs identical")
print(f"chiso dossiers summarize: {t_chiso:.3f} s, peak memory {peak_kb / 1024:.0f} MB")
print(f"polars (streaming)      : {t_polars:.3f} s   -> chiso {t_polars / t_chiso:.2f}x faster")
print(f"DuckDB                  : {t_duck:.3f} s   -> chiso {t_duck / t_chiso:.2f}x faster")
print(f"period accounting, {len(ours_period)} province-months; outputs identical")
print(f"chiso --accounting period: {t_period:.3f} s, peak memory {period_peak_kb / 1024:.0f} MB")
print(f"polars (lazy, streaming) : {t_polars_period:.3f} s   -> chiso/polars = {t_period / t_polars_period:.2f}")
print(f"the same as a Vietnamese one-stop export, {len(ours_vn)} unit-months; outputs identical")
print(f"chiso --accounting period: {t_vn:.3f} s, peak memory {vn_peak_kb / 1024:.0f} MB")
print(f"polars (lazy, streaming) : {t_polars_vn:.3f} s   -> chiso/polars = {t_vn / t_polars_vn:.2f}")
