"""Checks chiso's --format xlsx output with an independent reader (openpyxl 3.1).

Run from the repository root after `swift build`: python3 Tests/Fixtures/xlsx/check_written_xlsx.py
It writes a ranking to a workbook and compares every cell with the CSV of the same command.
"""
import csv
import io
import os
import subprocess
import tempfile

import openpyxl

chiso = os.path.join(".build", "debug", "chiso")
arguments = ["rank", "par", "--year", "2023", "-q"]
expected = list(csv.reader(io.StringIO(subprocess.run([chiso, *arguments, "--format", "csv"], check=True, capture_output=True, text=True).stdout)))
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "rank.xlsx")
    subprocess.run([chiso, *arguments, "--output", path], check=True)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[workbook.sheetnames[0]]
    rows = list(sheet.iter_rows(values_only=True))
assert rows[0][0].startswith("PAR INDEX"), rows[0]
body = rows[3:]
assert len(body) == len(expected) - 1, (len(body), len(expected))
for written, wanted in zip(body, expected[1:]):
    for cell, text in zip(written, wanted):
        if text == "":
            assert cell is None, (cell, text)
        elif isinstance(cell, (int, float)):
            assert cell == float(text), (cell, text)
        else:
            assert cell == text, (cell, text)
print(f"ok: {len(body)} rows × {len(expected[0])} columns agree")
