#!/usr/bin/env python3
"""Writes quarterly-report.docx (python-docx) and quarterly-report.txt: the same dossier figures
as a Word report — a paragraph, then a table of dossier counts by department with a header row
(Đơn vị, Tổng số tiếp nhận, Kỳ trước chuyển sang, Tiếp nhận mới, Đã giải quyết, Trước hạn,
Đúng hạn, Quá hạn, Đang giải quyết) — and as the text a report would state them in sentences.
`chiso extract` reads both into the same figures.

Run: python3 Tests/Fixtures/reports/make_docx.py   (pip install python-docx)
"""
import os
import docx

here = os.path.dirname(os.path.abspath(__file__))
rows = [
    ("Sở Tư pháp", 1204, 54, 1150, 1102, 640, 459, 3, 92),
    ("Sở Nội vụ", 350, 5, 345, 330, 200, 130, 0, 18),
]
header = ["Đơn vị", "Tổng số tiếp nhận", "Kỳ trước chuyển sang", "Tiếp nhận mới", "Đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn", "Đang giải quyết"]
intro = "Kết quả giải quyết thủ tục hành chính quý II năm 2024 của các sở như sau:"

def vn(n):
    return f"{n:,}".replace(",", ".")

document = docx.Document()
document.add_heading("Báo cáo kết quả giải quyết thủ tục hành chính quý II năm 2024", level=1)
document.add_paragraph(intro)
table = document.add_table(rows=1 + len(rows), cols=len(header))
for column, name in enumerate(header):
    table.cell(0, column).text = name
for r, row in enumerate(rows, start=1):
    for column, value in enumerate(row):
        table.cell(r, column).text = value if isinstance(value, str) else vn(value)
document.save(os.path.join(here, "quarterly-report.docx"))

with open(os.path.join(here, "quarterly-report.txt"), "w", encoding="utf-8") as f:
    f.write("Báo cáo kết quả giải quyết thủ tục hành chính quý II năm 2024\n\n" + intro + "\n\n")
    for name, total, carried, new, resolved, early, on_time, late, pending in rows:
        f.write(f"{name} tiếp nhận {vn(total)} hồ sơ, trong đó {vn(carried)} hồ sơ kỳ trước chuyển sang và {vn(new)} hồ sơ tiếp nhận mới; "
                f"đã giải quyết {vn(resolved)} hồ sơ, trong đó trước hạn {vn(early)} hồ sơ, đúng hạn {vn(on_time)} hồ sơ, quá hạn {vn(late)} hồ sơ; "
                f"đang giải quyết {vn(pending)} hồ sơ.\n\n")
