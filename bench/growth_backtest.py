#!/usr/bin/env python3
"""Rolling-origin backtests of `auto` against naive, drift, linear and the panel model on growing
quantities (provincial budgets: plans 2006–2017, final accounts 2006–2014) and on bounded index
scores (PAPI dimensions D1, D4, D6, 2011–2024; PCI totals 2005–2019 from the official workbooks): pooled MASE per model (on the scale chiso models
the quantity on: log for the budgets), drift in amounts too (`--no-log`), auto's ratio to the best
of naive and the two drifts, and auto's interval coverage, pooled over the budget panels.

The files are read in place from ../shared/realdata (never copied into the repository); Hà Tây
(merged into Hà Nội in 2008) is left out of the budget panels. h = 1 on the budgets (expanding
window from 4 years of data), h = 1 and 2 on PAPI (origins 2016–2023, as the test suite).

Usage: python3 bench/growth_backtest.py   (builds chiso in release mode first)
"""
import csv
import io
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "realdata")
MODELS = ["auto", "naive", "drift", "linear", "panel", "growth"]


def without_ha_tay(path, folder):
    """A copy of a budget file without Hà Tây, in a temporary folder."""
    out = os.path.join(folder, os.path.basename(path))
    with open(path, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as g:
        for line in f:
            if not line.startswith("Hà Tây,"):
                g.write(line)
    return out


def backtest(chiso, path, indicator, extra, models=MODELS):
    command = [chiso, "backtest", path, "--indicator", indicator, "--models", ",".join(models), "--format", "csv", "-q"] + extra
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return list(csv.DictReader(io.StringIO(result.stdout)))


def main():
    subprocess.run(["swift", "build", "-c", "release", "--product", "chiso"], cwd=ROOT, check=True, capture_output=True)
    chiso = os.path.join(ROOT, ".build", "release", "chiso")
    budget = os.path.join(SHARED, "budget")
    papi = os.path.join(SHARED, "papi-subcriteria", "dimensions_derived_2011_2024.csv")
    with tempfile.TemporaryDirectory() as folder:
        plan = without_ha_tay(os.path.join(budget, "budget_plan.csv"), folder)
        final = without_ha_tay(os.path.join(budget, "budget_final.csv"), folder)
        panels = [("plan total revenue 2006–2017", plan, "total_revenue", [], True),
                  ("plan total expenditure 2006–2017", plan, "total_expenditure", [], True),
                  ("final total expenditure 2006–2014", final, "total_expenditure", [], True),
                  ("final total revenue 2006–2014", final, "total_revenue", [], True)]
        panels += [(f"PAPI {d} (h = {h})", papi, d, ["--horizon", "2", "--from", "2016", "--to", "2023"], False) for d in ("D1", "D4", "D6") for h in (1, 2)]
        pci = os.path.join(SHARED, "official-workbooks", "reference", "pci_2005_2019_from_workbooks.csv")
        panels += [(f"PCI (h = {h})", pci, "PCI", ["--horizon", "2"], False) for h in (1, 2)]
        print(f"| panel | {' | '.join(MODELS)} | drift (amounts) | auto / min(naive, drift, drift (amounts)) | auto 80% | auto 95% |")
        print("| --- |" + " --- |" * (len(MODELS) + 4))
        pooled = {"n": 0, "c80": 0.0, "c95": 0.0}
        worst = 0.0
        for name, path, indicator, extra, is_budget in panels:
            horizon = int(name[-2]) if name.endswith(")") else 1
            rows = {r["model"]: r for r in backtest(chiso, path, indicator, extra) if int(r["horizon"]) == horizon}
            mase = {m: float(rows[m]["mase"]) for m in MODELS if m in rows and int(rows[m]["n"]) > 0}
            # Drift in amounts as well as on the scale chiso models the quantity on (log for budgets).
            levels = [r for r in backtest(chiso, path, indicator, extra + ["--no-log"], ["drift"]) if int(r["horizon"]) == horizon][0]
            level_drift = float(levels["mase"])
            ratio = mase["auto"] / min(mase["naive"], mase["drift"], level_drift)
            worst = max(worst, ratio)
            auto = rows["auto"]
            if is_budget:
                n = int(auto["n"])
                pooled["n"] += n
                pooled["c80"] += n * float(auto["coverage-80"])
                pooled["c95"] += n * float(auto["coverage-95"])
            cells = " | ".join(f"{mase[m]:.3f}" if m in mase else "–" for m in MODELS)
            print(f"| {name} | {cells} | {level_drift:.3f} | {ratio:.3f} | {float(auto['coverage-80']):.3f} | {float(auto['coverage-95']):.3f} |")
        print()
        print(f"auto / min(naive, drift, drift in amounts), worst panel: {worst:.3f} (target ≤ 1.05)")
        n = pooled["n"]
        print(f"auto's coverage pooled over the budget panels ({n} cases): 80% → {pooled['c80'] / n:.3f} (target 0.70–0.90), "
              f"95% → {pooled['c95'] / n:.3f} (target 0.88–0.99)")


if __name__ == "__main__":
    main()
