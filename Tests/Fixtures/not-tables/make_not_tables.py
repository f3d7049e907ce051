#!/usr/bin/env python3
"""Writes files that are not tables, under names that say they are, for the file-kind tests.

Usage: python3 Tests/Fixtures/not-tables/make_not_tables.py

- report-pdf.xlsx: a one-page PDF named .xlsx
- report-docx.csv: a Word document (word/document.xml in a zip) named .csv
- report-docx.xlsx: the same named .xlsx
- table.ods: an OpenDocument spreadsheet (its mimetype entry first, stored)
- portal-export.xls: an HTML table named .xls, as many portals' "Excel" downloads are
- bundle.xlsx: a zip holding a CSV file, named .xlsx
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = (2024, 1, 1, 0, 0, 0)

def write_zip(name, entries):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        for entry, text, method in entries:
            info = zipfile.ZipInfo(entry, date_time=FIXED)
            info.compress_type = method
            z.writestr(info, text)

def main():
    pdf = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
           b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    open(os.path.join(HERE, "report-pdf.xlsx"), "wb").write(pdf)
    document = [("[Content_Types].xml", "<Types/>", zipfile.ZIP_DEFLATED),
                ("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p></w:body></w:document>", zipfile.ZIP_DEFLATED)]
    write_zip("report-docx.csv", document)
    write_zip("report-docx.xlsx", document)
    write_zip("table.ods", [("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED),
                            ("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)])
    html = ("<html><head><meta charset=\"utf-8\"></head><body><table>"
            "<tr><td>Tỉnh</td><td>Điểm</td></tr><tr><td>Hà Nội</td><td>91,43</td></tr></table></body></html>\n")
    open(os.path.join(HERE, "portal-export.xls"), "w", encoding="utf-8").write(html)
    write_zip("bundle.xlsx", [("data.csv", "unit,period,indicator,value\nHà Nội,2023,PAR,91.43\n", zipfile.ZIP_DEFLATED)])

if __name__ == "__main__":
    main()
