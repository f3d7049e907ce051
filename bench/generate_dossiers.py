#!/usr/bin/env python3
"""Writes a seeded CSV of administrative-procedure dossier records, one row per dossier:
dossier_id, unit (GSO code of one of the 63 provinces), agency, procedure, channel
(online|direct|postal), received_date, due_date, finished_date (empty while pending),
status (early|on_time|late|withdrawn|pending). Dates fall in 2023–2024.

With --vietnamese, the same records as the one-stop systems export them: Vietnamese headers,
the unit as the agency's name in the province ("STP 01"), statuses that say only that a dossier
is finished (Đã trả kết quả), withdrawn or being processed, Vietnamese channels, and dates
dd/mm/yyyy HH:mm.

Usage: python3 bench/generate_dossiers.py OUT.csv [ROWS] [SEED] [--vietnamese]   (defaults 10,000,000 rows, seed 766)
"""
import sys
import numpy as np

vietnamese = "--vietnamese" in sys.argv
args = [a for a in sys.argv[1:] if a != "--vietnamese"]
out = args[0]
rows = int(args[1]) if len(args) > 1 else 10_000_000
rng = np.random.default_rng(int(args[2]) if len(args) > 2 else 766)
codes = np.array([1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45,
                  46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96])
agencies = np.array(["SNV", "STP", "SYT", "STC", "SXD", "SGTVT", "STNMT", "SKHDT", "SCT", "SNN"])
statuses = np.array(["early", "on_time", "late", "withdrawn", "pending"])
channels = np.array(["online", "direct", "postal"])
start = np.datetime64("2023-01-01")
chunk = 1_000_000
with open(out, "w") as f:
    if vietnamese:
        f.write("Mã hồ sơ,Cơ quan/Đơn vị,Lĩnh vực,Thủ tục,Hình thức nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Trạng thái\n")
    else:
        f.write("dossier_id,unit,agency,procedure,channel,received_date,due_date,finished_date,status\n")
    for offset in range(0, rows, chunk):
        n = min(chunk, rows - offset)
        unit = rng.choice(codes, n, p=None)
        agency = rng.integers(0, len(agencies), n)
        procedure = rng.integers(1, 400, n)
        channel = rng.choice(3, n, p=[0.45, 0.45, 0.10])
        received = start + rng.integers(0, 730, n).astype("timedelta64[D]")
        due = received + rng.integers(3, 31, n).astype("timedelta64[D]")
        status = rng.choice(5, n, p=[0.30, 0.55, 0.05, 0.03, 0.07])
        finish_shift = np.where(status == 0, -rng.integers(1, 3, n), np.where(status == 2, rng.integers(1, 20, n), 0))
        finished = due + finish_shift.astype("timedelta64[D]")
        received_s = received.astype(str)
        due_s = due.astype(str)
        finished_s = np.where(status == 4, "", finished.astype(str))
        unit_s = np.char.zfill(unit.astype(str), 2)
        if vietnamese:
            vn_status = np.array(["Đã trả kết quả", "Đã trả kết quả", "Đã trả kết quả", "Công dân rút hồ sơ", "Đang xử lý"])
            vn_channel = np.array(["Trực tuyến", "Trực tiếp", "Bưu chính công ích"])
            def stamp(values):
                return [f"{v[8:10]}/{v[5:7]}/{v[0:4]} 08:30" if v else "" for v in values]
            rec, du, fin = stamp(received_s), stamp(due_s), stamp(finished_s)
            f.writelines(
                f"HS{offset + i:09d},{agencies[agency[i]]} {unit_s[i]},Chung,TTHC-{procedure[i]:04d},{vn_channel[channel[i]]},{rec[i]},{du[i]},{fin[i]},{vn_status[status[i]]}\n"
                for i in range(n))
            continue
        lines = [
            f"HS{offset + i:09d},{unit_s[i]},{agencies[agency[i]]},TTHC-{procedure[i]:04d},{channels[channel[i]]},{received_s[i]},{due_s[i]},{finished_s[i]},{statuses[status[i]]}\n"
            for i in range(n)
        ]
        f.writelines(lines)
