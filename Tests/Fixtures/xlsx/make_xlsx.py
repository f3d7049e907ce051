"""Makes the .xlsx fixtures of the XLSX tests, in the shapes provinces publish.

Run from this folder: python3 make_xlsx.py (openpyxl 3.1).
"""
import datetime
import openpyxl

wb = openpyxl.Workbook()
notes = wb.active
notes.title = "Ghi chú"
notes["A1"] = "Nguồn: Bộ Nội vụ"

sheet = wb.create_sheet("PAR 2023")
sheet["A1"] = "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP TỈNH NĂM 2023 (trích)"
sheet.merge_cells("A1:F1")
# Row 2 left empty; a two-row header: columns merged down, and a group merged across.
sheet["A3"], sheet["B3"], sheet["C3"], sheet["D3"], sheet["F3"] = "Tỉnh", "Năm", "PAR INDEX", "Lĩnh vực", "Ngày công bố"
for ref in ("A3:A4", "B3:B4", "C3:C4", "F3:F4"):
    sheet.merge_cells(ref)
sheet.merge_cells("D3:E3")
sheet["D4"], sheet["E4"] = "Chỉ đạo", "Thể chế"
rows = {
    5: ("Quảng Ninh", 2023, 92.18, "9,44", 9.38),
    6: ("Hải Phòng", 2023, "91,87", 9.1, "8,75"),
    7: ("TP. Hồ Chí Minh", 2023, 86.07, None, 8.5),
    9: ("Hà Nội", 2023, 91.43, "9,05", "9,2"),
}
for row, values in rows.items():
    for column, value in enumerate(values, start=1):
        sheet.cell(row=row, column=column, value=value)
    date = sheet.cell(row=row, column=6, value=datetime.date(2024, 4, 15))
    date.number_format = "dd/mm/yyyy"
wb.save("par-2023.xlsx")

# A sheet whose only numbers stored as text read either way: the reader must not guess.
ambiguous = openpyxl.Workbook()
ws = ambiguous.active
ws.title = "Hồ sơ"
ws.append(["Đơn vị", "Năm", "Tiếp nhận"])
ws.append(["Sở Tư pháp", 2024, "3.589"])
ws.append(["Sở Y tế", 2024, "1.204"])
ambiguous.save("ambiguous.xlsx")

# A department's dossier report: a title, then one row per department; Sở Y tế does not balance
# (12 + 410 received, 150 + 230 + 12 + 3 + 20 + 5 = 420 accounted for).
dossiers = openpyxl.Workbook()
ws = dossiers.active
ws.title = "Quý II"
ws["A1"] = "TÌNH HÌNH GIẢI QUYẾT HỒ SƠ TTHC QUÝ II/2024"
ws.append([])
ws.append(["unit", "period", "carried_over", "received_new", "resolved_early", "resolved_on_time", "resolved_late", "withdrawn", "pending_in_time", "pending_overdue"])
ws.append(["Sở Tư pháp", "2024-Q2", 54, 1150, 640, 459, 3, 10, 85, 7])
ws.append(["Sở Y tế", "2024-Q2", 12, 410, 150, 230, 12, 3, 20, 5])
dossiers.save("ho-so-quy-II.xlsx")
