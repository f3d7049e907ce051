#!/usr/bin/env python3
"""Writes dossier records in the layout of the provincial one-stop systems' exports (Vietnamese
headers, statuses and channels, dates dd/mm/yyyy HH:mm) and the pandas reference of their
period accounting.

- seed000.csv / seed000.xlsx: the records of the department of seed 000 for 2022-H2 to the end
  of 2023, built so that the first half of 2023 gives exactly that report's figures: 100
  dossiers (7 carried over from the period before, 93 received), 85 resolved early or on time,
  none late, 5 withdrawn, 10 pending and not yet due on 30/06/2023. The workbook holds the same
  records under two title rows, with the dates as Excel date-times.
- year.csv: 3,000 records of three units received from November 2022 to December 2023 with
  every status (finished without timing, early, on time, late, withdrawn, returned, paused,
  pending), and pandas_period_{month,quarter,half,window}.csv: their period accounting computed
  by pandas straight from the definitions (docs/dossiers.md), period by period; "window" is
  15/12/2022-14/06/2023.

Run: python3 Tests/Fixtures/dossier-exports/make_exports.py   (records the pandas version)
"""
import datetime as dt
import os
import numpy as np
import pandas as pd
import openpyxl

here = os.path.dirname(os.path.abspath(__file__))
HEADER = ["Mã hồ sơ", "Cơ quan/Đơn vị", "Lĩnh vực", "Thủ tục", "Hình thức nộp", "Ngày tiếp nhận", "Ngày hẹn trả",
          "Ngày trả kết quả", "Trạng thái"]
CHANNELS = ["Trực tuyến", "Trực tiếp", "Bưu chính công ích"]
rng = np.random.default_rng(2023)


def stamp(day, hour=None):
    """A date as the exports write it: dd/mm/yyyy HH:mm."""
    hour = int(rng.integers(7, 17)) if hour is None else hour
    return f"{day:%d/%m/%Y} {hour:02d}:{int(rng.integers(0, 60)):02d}"


def seed000():
    unit = "Sở Khoa học và Công nghệ"
    rows = []
    def add(received, due, finished, status):
        rows.append([f"000.00.15.H19-{len(rows) + 1:06d}", unit, "Hoạt động khoa học và công nghệ", "Đăng ký kết quả nhiệm vụ",
                     CHANNELS[len(rows) % 3], received, due, finished, status])
    d = dt.date
    # 2022-H2: 13 finished within it, 7 still open on 31/12/2022 (due in January, finished early or on time).
    for k in range(13):
        received = d(2022, 7, 4) + dt.timedelta(days=12 * k)
        add(stamp(received), stamp(received + dt.timedelta(days=15), 17), stamp(received + dt.timedelta(days=10)), "Đã trả kết quả")
    for k in range(7):
        received = d(2022, 12, 19) + dt.timedelta(days=k)
        due = received + dt.timedelta(days=20)
        finished = due if k % 2 else due - dt.timedelta(days=3)
        add(stamp(received), stamp(due, 17), stamp(finished), "Đã trả kết quả" if k < 5 else "Trả kết quả trước hạn" if k % 2 == 0 else "Trả kết quả đúng hạn")
    # 2023-H1: 93 received; 78 resolved early or on time, 5 withdrawn, 10 pending at 30/06 and due in July.
    for k in range(78):
        received = d(2023, 1, 3) + dt.timedelta(days=2 * k)
        due = received + dt.timedelta(days=15)
        finished = due - dt.timedelta(days=int(k % 3))
        add(stamp(received), stamp(due, 17), stamp(finished), "Đã trả kết quả")
    for k in range(5):
        received = d(2023, 2, 6) + dt.timedelta(days=20 * k)
        add(stamp(received), stamp(received + dt.timedelta(days=15), 17), stamp(received + dt.timedelta(days=4)), "Công dân rút hồ sơ")
    for k in range(10):
        received = d(2023, 6, 19) + dt.timedelta(days=k)
        due = received + dt.timedelta(days=15)
        # Finished in July: in the export they are resolved, but on 30/06 they were pending.
        finished = due + dt.timedelta(days=2) if k == 9 else due - dt.timedelta(days=1)
        add(stamp(received), stamp(due, 17), stamp(finished), "Đã trả kết quả")
    # 2023-H2: more dossiers, two still being processed at the end of the year.
    for k in range(30):
        received = d(2023, 7, 10) + dt.timedelta(days=5 * k)
        due = received + dt.timedelta(days=15)
        if k >= 28:
            add(stamp(received), stamp(due, 17), "", "Đang xử lý")
        else:
            add(stamp(received), stamp(due, 17), stamp(due - dt.timedelta(days=1)), "Đã trả kết quả")
    frame = pd.DataFrame(rows, columns=HEADER)
    frame.to_csv(os.path.join(here, "seed000.csv"), index=False)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách hồ sơ"
    sheet.append(["DANH SÁCH HỒ SƠ THỦ TỤC HÀNH CHÍNH"])
    sheet.append(["Từ ngày 01/07/2022 đến ngày 31/12/2023"])
    sheet.append(HEADER)
    for row in rows:
        cells = list(row)
        for i in (5, 6, 7):
            if cells[i]:
                cells[i] = dt.datetime.strptime(cells[i], "%d/%m/%Y %H:%M")
        sheet.append(cells)
        for i in (5, 6, 7):
            sheet.cell(row=sheet.max_row, column=i + 1).number_format = "dd/mm/yyyy hh:mm"
    book.save(os.path.join(here, "seed000.xlsx"))


STATUSES = ["Đã trả kết quả", "Trả kết quả trước hạn", "Trả kết quả đúng hạn", "Trả kết quả quá hạn", "Công dân rút hồ sơ",
            "Trả lại/Từ chối", "Tạm dừng", "Đang xử lý"]


def year_records(n=3000):
    units = ["Sở Tư pháp", "Sở Y tế", "UBND huyện Cao Lãnh"]
    start = dt.date(2022, 11, 1)
    rows = []
    for i in range(n):
        received = start + dt.timedelta(days=int(rng.integers(0, 426)))
        due = received + dt.timedelta(days=int(rng.integers(3, 31)))
        status = STATUSES[int(rng.choice(8, p=[0.45, 0.12, 0.12, 0.06, 0.05, 0.04, 0.04, 0.12]))]
        shift = {"Trả kết quả trước hạn": -int(rng.integers(1, 3)), "Trả kết quả đúng hạn": 0,
                 "Trả kết quả quá hạn": int(rng.integers(1, 25))}.get(status, int(rng.integers(-10, 12)))
        finished = max(received, due + dt.timedelta(days=shift))
        if status == "Trả kết quả trước hạn" and finished >= due:
            status = "Đã trả kết quả"
        open_ = status in ("Tạm dừng", "Đang xử lý")
        if not open_ and finished > dt.date(2023, 12, 31):
            status, open_ = "Đang xử lý", True
        rows.append([f"HS-{i:06d}", units[i % 3], "Chung", f"TTHC-{int(rng.integers(1, 40)):03d}", CHANNELS[int(rng.choice(3, p=[0.5, 0.4, 0.1]))],
                     stamp(received), stamp(due, 17), "" if open_ else stamp(finished), status])
    frame = pd.DataFrame(rows, columns=HEADER)
    frame.to_csv(os.path.join(here, "year.csv"), index=False)
    return frame


def reference(frame):
    """Period accounting from the definitions: for each unit and period [s, e] with e cut at the
    as-of date, the dossiers open at s, received in it, finished in it by outcome, and open at its
    end (paused, or pending and overdue when due before e)."""
    received = pd.to_datetime(frame["Ngày tiếp nhận"], format="%d/%m/%Y %H:%M").dt.normalize()
    due = pd.to_datetime(frame["Ngày hẹn trả"], format="%d/%m/%Y %H:%M").dt.normalize()
    finished = pd.to_datetime(frame["Ngày trả kết quả"].replace("", None), format="%d/%m/%Y %H:%M").dt.normalize()
    status = frame["Trạng thái"]
    as_of = max(received.max(), finished.max())
    timing = np.where(finished < due, "early", np.where(finished == due, "on_time", "late"))
    outcome = status.map({"Trả kết quả trước hạn": "early", "Trả kết quả đúng hạn": "on_time", "Trả kết quả quá hạn": "late",
                          "Công dân rút hồ sơ": "withdrawn", "Trả lại/Từ chối": "rejected", "Tạm dừng": "paused", "Đang xử lý": "pending"})
    outcome = outcome.where(status != "Đã trả kết quả", pd.Series(timing, index=frame.index))
    channel = frame["Hình thức nộp"].map({"Trực tuyến": "online", "Trực tiếp": "direct", "Bưu chính công ích": "postal"})

    def accounting(periods):
        out = []
        for unit in sorted(frame["Cơ quan/Đơn vị"].unique()):
            mine = frame["Cơ quan/Đơn vị"] == unit
            for label, s, e in periods:
                if s > as_of:
                    break
                e = min(e, as_of)
                carried = mine & (received < s) & (finished.isna() | (finished >= s))
                new = mine & (received >= s) & (received <= e)
                done = mine & (finished >= s) & (finished <= e)
                open_end = mine & (received <= e) & (finished.isna() | (finished > e))
                paused = open_end & (outcome == "paused")
                pending = open_end & ~paused
                overdue = pending & (due < e)
                if carried.sum() + new.sum() == 0:
                    continue
                out.append({"unit": unit, "period": label, "carried_over": carried.sum(), "received_new": new.sum(),
                            **{f"received_{c}": (new & (channel == c)).sum() for c in ("online", "postal", "direct")},
                            **{name: (done & (outcome == o)).sum() for name, o in (("resolved_early", "early"), ("resolved_on_time", "on_time"),
                                                                                  ("resolved_late", "late"), ("withdrawn", "withdrawn"),
                                                                                  ("rejected", "rejected"))},
                            "paused": paused.sum(), "pending_in_time": (pending & ~(due < e)).sum(), "pending_overdue": overdue.sum()})
        return pd.DataFrame(out)

    def calendar(kind):
        months = {"month": 1, "quarter": 3, "half": 6}[kind]
        periods = []
        for year in (2022, 2023):
            for k in range(12 // months):
                s = pd.Timestamp(year, k * months + 1, 1)
                e = s + pd.DateOffset(months=months) - pd.Timedelta(days=1)
                label = {"month": f"{year}-{k + 1:02d}", "quarter": f"{year}-Q{k + 1}", "half": f"{year}-H{k + 1}"}[kind]
                periods.append((label, s, e))
        return periods

    for kind in ("month", "quarter", "half"):
        accounting(calendar(kind)).to_csv(os.path.join(here, f"pandas_period_{kind}.csv"), index=False)
    accounting([("2023-H1", pd.Timestamp(2022, 12, 15), pd.Timestamp(2023, 6, 14))]).to_csv(
        os.path.join(here, "pandas_period_window.csv"), index=False)


seed000()
reference(year_records())
with open(os.path.join(here, "pandas_version.txt"), "w") as f:
    f.write(f"pandas {pd.__version__}, openpyxl {openpyxl.__version__}\n")
