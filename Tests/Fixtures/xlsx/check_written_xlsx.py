"""Checks chiso's --format xlsx output with independent readers: openpyxl 3.1, and LibreOffice
(`soffice --headless --convert-to csv`, Debian libreoffice-calc-nogui) when it is installed.

Run from the repository root after `swift build`: python3 Tests/Fixtures/xlsx/check_written_xlsx.py
It writes a ranking to a workbook and compares every cell with the CSV of the same command.
"""
import csv
import io
import os
import shutil
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
    office = None
    if shutil.which("soffice"):
        subprocess.run(["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", path, "--outdir", folder],
                       check=True, capture_output=True)
        with open(os.path.join(folder, "rank.csv"), encoding="utf-8") as converted:
            office = list(csv.reader(converted))
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
print(f"openpyxl ok: {len(body)} rows × {len(expected[0])} columns agree")
if office is not None:
    # LibreOffice prints numbers with 15 significant digits: compare them to 1e-12 relative.
    assert office[2][0] == "Rank", office[2]
    assert len(office[3:]) == len(expected) - 1
    for written, wanted in zip(office[3:], expected[1:]):
        for text, want in zip(written, wanted):
            try:
                a, b = float(text), float(want)
                assert abs(a - b) <= 1e-12 * max(1.0, abs(b)), (text, want)
            except ValueError:
                assert text == want, (text, want)
    print(f"LibreOffice ok: {len(office) - 3} rows agree")
else:
    print("LibreOffice not installed: skipped")
