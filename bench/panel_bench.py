#!/usr/bin/env python3
"""Times chiso's panel reader and ranking against polars and DuckDB on seeded long panels
(bench/generate_panel.py: 63 provinces × 14 years × 3,000 indicators = 2,646,000 rows, and
30 indicators = 26,460 rows): one `rank` of one indicator-year (scan, filter, rank); `rank --all`,
every indicator × year ranked with the rank change written to a CSV file (scan, rank over
partitions, diff, write); and `show` and `trend` of one indicator. Checks that the three rank the
same units the same way.
Every program runs in its own process, its peak resident memory taken by GNU time; polars'
and DuckDB's times are their query times inside the process (interpreter start and imports
not counted), chiso's the whole command. A benchmark to run, not a test.

Usage: python3 bench/panel_bench.py [RUNS]   (best of RUNS, default 5)
Needs: pip install duckdb polars. Data goes to bench/out/.
"""
import csv
import io
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out")
INDICATOR, YEAR = "IND_0007", 2020


def query_all(engine, path, out):
    """Runs in a child process: every indicator × year ranked (min ties), rank change, CSV written."""
    start = time.perf_counter()
    if engine == "polars":
        import polars as pl
        (pl.scan_csv(path, schema_overrides={"value": pl.Float64, "indicator": pl.Utf8, "unit": pl.Utf8}, null_values=["", "KCDL"])
         .filter(pl.col("value").is_not_null())
         .with_columns(pl.col("value").rank("min", descending=True).over(["indicator", "year"]).alias("rank"),
                       pl.len().over(["indicator", "year"]).alias("n"))
         .sort(["indicator", "unit", "year"])
         .with_columns((-pl.col("rank").diff()).over(["indicator", "unit"]).alias("rank_change"),
                       (100 * (pl.col("n") - pl.col("rank")) / (pl.col("n") - 1)).alias("percentile"))
         .sink_csv(out))
    else:
        import duckdb
        duckdb.sql(f"""COPY (SELECT indicator, unit, year, value, rank, n,
                lag(rank) OVER (PARTITION BY indicator, unit ORDER BY year) - rank AS rank_change, 100.0 * (n - rank) / (n - 1) AS percentile
            FROM (SELECT *, rank() OVER (PARTITION BY indicator, year ORDER BY value DESC) AS rank, count(*) OVER (PARTITION BY indicator, year) AS n
                  FROM read_csv('{path}', header = true, nullstr = ['', 'KCDL'], columns = {{'unit': 'VARCHAR', 'year': 'INTEGER', 'indicator': 'VARCHAR', 'value': 'DOUBLE'}})
                  WHERE value IS NOT NULL)
            ORDER BY indicator, unit, year) TO '{out}' (HEADER)""")
    print(time.perf_counter() - start)


def ranks_of(path, unit, year, rank):
    """(indicator, unit, year) → rank of a CSV file of ranks."""
    with open(path, encoding="utf-8-sig") as f:
        return {(r["indicator"], r[unit], r[year]): float(r[rank]) for r in csv.DictReader(f)}


def query(engine, path):
    """Runs in a child process: scan, filter one indicator-year, rank (min ties, best first)."""
    start = time.perf_counter()
    if engine == "polars":
        import polars as pl
        frame = (pl.scan_csv(path, schema_overrides={"value": pl.Float64, "indicator": pl.Utf8, "unit": pl.Utf8}, null_values=["", "KCDL"])
                 .filter((pl.col("indicator") == INDICATOR) & (pl.col("year") == YEAR) & pl.col("value").is_not_null())
                 .with_columns(pl.col("value").rank("min", descending=True).cast(pl.Int64).alias("rank"))
                 .sort(["rank", "unit"]).collect())
        rows = frame.select(["unit", "value", "rank"]).rows()
    else:
        import duckdb
        rows = duckdb.sql(f"""SELECT unit, value, rank() OVER (ORDER BY value DESC) AS rank
            FROM read_csv('{path}', header = true, nullstr = ['', 'KCDL'], columns = {{'unit': 'VARCHAR', 'year': 'INTEGER', 'indicator': 'VARCHAR', 'value': 'DOUBLE'}})
            WHERE indicator = '{INDICATOR}' AND year = {YEAR} AND value IS NOT NULL ORDER BY rank, unit""").fetchall()
    elapsed = time.perf_counter() - start
    print(elapsed)
    for unit, value, rank in rows:
        print(f"{unit}\t{value}\t{rank}")


def measured(command):
    """(wall seconds, peak KB, stdout) of a command run under GNU time."""
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, int(p.stderr.strip().splitlines()[-1]), p.stdout


def best(runs, command, inner=False):
    results = [measured(command) for _ in range(runs)]
    if inner:
        results = [(float(out.splitlines()[0]), kb, out) for _, kb, out in results]
    t = min(r[0] for r in results)
    return t, max(r[1] for r in results), results[0][2]


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    os.makedirs(OUT, exist_ok=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "chiso"], cwd=ROOT, check=True, capture_output=True)
    chiso = os.path.join(ROOT, ".build", "release", "chiso")
    for indicators in (30, 3000):
        path = os.path.join(OUT, f"panel-{indicators}.csv")
        if not os.path.exists(path):
            subprocess.run([sys.executable, os.path.join(HERE, "generate_panel.py"), path, str(indicators)], check=True)
        size = os.path.getsize(path) / 1e6
        print(f"\n{indicators} indicators ({size:.0f} MB):")
        t, kb, out = best(runs, [chiso, "rank", path, "--indicator", INDICATOR, "--year", str(YEAR), "--format", "csv", "-q"])
        ours = sorted((r["unit"], float(r["value"]), int(float(r["rank"]))) for r in csv.DictReader(io.StringIO(out)))
        print(f"  rank one indicator-year  chiso   {t:7.3f} s  {kb / 1024:6.0f} MB")
        for engine in ("polars", "duckdb"):
            te, kbe, oute = best(runs, [sys.executable, __file__, "--query", engine, path], inner=True)
            theirs = sorted((u, float(v), int(r)) for u, v, r in (line.split("\t") for line in oute.splitlines()[1:]))
            agree = "same ranks" if theirs == ours else "RANKS DIFFER"
            print(f"  rank one indicator-year  {engine:7} {te:7.3f} s  {kbe / 1024:6.0f} MB  (chiso/{engine} {t / te:.2f}×, {agree})")
        all_out = os.path.join(OUT, "rank-all-chiso.csv")
        t, kb, _ = best(runs, [chiso, "rank", path, "--all", "--format", "csv", "-q", "-o", all_out])
        print(f"  rank --all               chiso   {t:7.3f} s  {kb / 1024:6.0f} MB")
        ours = ranks_of(all_out, "unit", "period", "rank")
        for engine in ("polars", "duckdb"):
            out = os.path.join(OUT, f"rank-all-{engine}.csv")
            te, kbe, _ = best(runs, [sys.executable, __file__, "--query-all", engine, path, out], inner=True)
            agree = "same ranks" if ranks_of(out, "unit", "year", "rank") == ours else "RANKS DIFFER"
            print(f"  rank --all               {engine:7} {te:7.3f} s  {kbe / 1024:6.0f} MB  (chiso/{engine} {t / te:.2f}×, {agree})")
        for command in (["show", path, "--indicator", INDICATOR], ["trend", path, "--indicator", INDICATOR],
                        ["rank", path, "--indicator", INDICATOR, "--year", str(YEAR), "--workers", "1"]):
            t, kb, _ = best(runs, [chiso] + command + ["--format", "csv", "-q"])
            print(f"  chiso {' '.join(c for c in command if c != path):45} {t:7.3f} s  {kb / 1024:6.0f} MB")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--query":
        query(sys.argv[2], sys.argv[3])
    elif len(sys.argv) > 1 and sys.argv[1] == "--query-all":
        query_all(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        main()
