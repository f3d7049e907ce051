#!/usr/bin/env python3
"""Checks the workbooks chiso writes as deliverables the way users open them: `rank`, `trend` and
`forecast` on the bundled PAR INDEX written as .xlsx, read back with openpyxl (bold header, the
header rows frozen, number formats with the table's decimals, column widths, one native chart
with its series over the sheet's cells) and converted to PDF by LibreOffice when it is installed
(`soffice`, Debian libreoffice-calc-nogui), with each page made a PNG by pdftoppm to look at.

Usage: python3 scripts/xlsx-check.py [OUT_DIR]   (pip install openpyxl; builds chiso)
"""
import os
import shutil
import subprocess
import sys

import openpyxl

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/chiso-xlsx-check"
os.makedirs(out, exist_ok=True)
subprocess.run(["swift", "build", "--product", "chiso"], cwd=root, check=True, capture_output=True)
chiso = os.path.join(root, ".build", "debug", "chiso")
runs = {
    "rank": ["rank", "par", "--year", "2023"],
    "trend": ["trend", "par", "--unit", "Hà Nội"],
    "forecast": ["forecast", "par", "--unit", "Hà Nội"],
}
failures = 0
for name, arguments in runs.items():
    path = os.path.join(out, name + ".xlsx")
    subprocess.run([chiso, *arguments, "-q", "-o", path], check=True)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    checks = {
        "header bold": all(cell.font.b for cell in sheet[3] if cell.value is not None),
        "title bold": sheet["A1"].font.b,
        "header frozen": sheet.freeze_panes == "A4",
        "number formats": any(cell.number_format.startswith("#,##0") for cell in sheet[4]),
        "column widths": all(sheet.column_dimensions[c].width and sheet.column_dimensions[c].width >= 8 for c in "AB"),
        "one chart": len(sheet._charts) == 1,
    }
    if checks["one chart"]:
        chart = sheet._charts[0]
        references = [s.val.numRef.f for s in chart.series if s.val and s.val.numRef]
        checks["series over cells"] = bool(references) and all("!$" in f for f in references)
    for check, ok in checks.items():
        print(f"{name:9} {check:18} {'ok' if ok else 'FAILED'}")
        failures += 0 if ok else 1
    if shutil.which("soffice"):
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", out, path], check=True, capture_output=True)
        pdf = os.path.join(out, name + ".pdf")
        print(f"{name:9} {'LibreOffice PDF':18} {'ok' if os.path.getsize(pdf) > 0 else 'FAILED'}")
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "50", pdf, os.path.join(out, name)], check=True)
    else:
        print("soffice not installed: apt-get install libreoffice-calc-nogui to render the workbooks")
sys.exit(1 if failures else 0)
