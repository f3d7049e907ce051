#!/usr/bin/env python3
"""Writes the .xls (BIFF8) fixtures of the workbook reader tests with xlwt 1.3.0, then derives
damaged and refused variants by patching bytes.

Usage: python3 Tests/Fixtures/xls/make_xls.py   (pip install xlwt==1.3.0)

- layout.xls: sheet '2011_PAPI' shaped like an official workbook (a title, a blank row, a
  two-row header merged across columns, data rows, a footer), sheet 'Strings' with 600 unique
  shared strings so the string table continues across CONTINUE records, one long Vietnamese
  string whose characters cross a record boundary (checked below), numbers stored as RK and as IEEE doubles, a date, a
  boolean and a formula.
- dates1904.xls: one date cell in the 1904 date system.
- encrypted.xls: layout.xls with a FILEPASS record in place of its first global record.
- biff5-named.xls: layout.xls with its 'Workbook' stream renamed 'Book' (an Excel 5/95 file).
- not-a-workbook.xls: layout.xls with the stream renamed 'WordDocument' (a compound file that
  is a Word 97–2003 document, not a workbook).
- chain-loop.xls: layout.xls whose first allocation entry of the workbook stream points to itself.
- truncated.xls: the first 1,536 bytes of layout.xls.
- sst-count.xls: layout.xls whose string table claims 4,294,967,295 strings (found by fuzzing:
  the reader counted to that number instead of stopping at the end of the table).
"""
import datetime
import os
import struct
import xlwt
from xlrd import compdoc

HERE = os.path.dirname(os.path.abspath(__file__))
LONG = "Đây là một chuỗi dài bằng tiếng Việt có dấu " * 40

def records(stream):
    at = 0
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        yield kind, stream[at + 4:at + 4 + length]
        at += 4 + length

def check_long_string_crosses_a_continue(stream):
    """The long string's characters start in one SST segment and end in the next."""
    segments, inside = [], False
    for kind, data in records(stream):
        if kind == 0x00FC:
            inside = True
            segments.append(data)
        elif kind == 0x003C and inside:
            segments.append(data)
        elif inside:
            break
    head = LONG[:10].encode("utf-16-le")
    start = None
    for k, segment in enumerate(segments):
        at = segment.find(head)
        if at >= 0 and start is None:
            start = (k, at)
    assert start is not None, "long string not found"
    k, at = start
    assert at + 2 * len(LONG) > len(segments[k]) and k + 1 < len(segments), "the long string does not cross a CONTINUE"

def layout():
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("2011_PAPI")
    sheet.write(0, 0, "CHỈ SỐ PAPI NĂM 2011 THEO TỈNH")
    sheet.write_merge(2, 2, 1, 2, "Nội dung 1")
    sheet.write(2, 0, "Tỉnh/Thành phố")
    sheet.write(3, 1, "Điểm")
    sheet.write(3, 2, "Xếp hạng")
    rows = [("Hà Nội", 5.25, 12), ("Thừa Thiên Huế", 6.5, 1), ("Bà Rịa - Vũng Tàu", 4.125, 40)]
    for i, (name, value, rank) in enumerate(rows):
        sheet.write(4 + i, 0, name)
        sheet.write(4 + i, 1, value)       # a double xlwt stores as RK or NUMBER
        sheet.write(4 + i, 2, rank)        # an integer stored as RK
    sheet.write(7, 0, "Trung bình")
    sheet.write(7, 1, xlwt.Formula("AVERAGE(B5:B7)"))
    sheet.write(8, 0, "Ngày công bố")
    sheet.write(8, 1, datetime.date(2012, 5, 22), xlwt.easyxf(num_format_str="dd/mm/yyyy"))
    sheet.write(9, 0, "Đã kiểm tra")
    sheet.write(9, 1, True)
    sheet.write(10, 0, "Số lớn")
    sheet.write(10, 1, 123456789.125)
    strings = book.add_sheet("Strings")
    for i in range(600):
        strings.write(i, 0, "chuỗi số %d" % i)
    strings.write(600, 0, LONG)
    return book

def patch_stream_name(data, old, new):
    """Renames a compound-file directory entry (UTF-16LE name, then its byte length at +64)."""
    old_bytes = (old + "\0").encode("utf-16-le")
    at = data.find(old_bytes)
    assert at >= 0
    new_bytes = (new + "\0").encode("utf-16-le")
    data[at:at + 64] = new_bytes.ljust(64, b"\0")
    data[at + 64:at + 66] = struct.pack("<H", len(new_bytes))
    return data

def main():
    path = os.path.join(HERE, "layout.xls")
    layout().save(path)
    book = xlwt.Workbook()
    book.dates_1904 = True
    book.add_sheet("Dates").write(0, 0, datetime.date(2020, 1, 31), xlwt.easyxf(num_format_str="yyyy-mm-dd"))
    book.save(os.path.join(HERE, "dates1904.xls"))

    original = open(path, "rb").read()
    doc = compdoc.CompDoc(original, logfile=open(os.devnull, "w"))
    entry = next(e for e in doc.dirlist if e.name == "Workbook")
    stream = bytes(doc.get_named_stream("Workbook"))
    check_long_string_crosses_a_continue(stream)
    stream_start = (entry.first_SID + 1) * 512
    # The first record after BOF (type, length) becomes FILEPASS (0x002F) with the same length.
    bof_length = struct.unpack_from("<H", original, stream_start + 2)[0]
    second = stream_start + 4 + bof_length
    encrypted = bytearray(original)
    encrypted[second:second + 2] = struct.pack("<H", 0x002F)
    open(os.path.join(HERE, "encrypted.xls"), "wb").write(encrypted)

    open(os.path.join(HERE, "biff5-named.xls"), "wb").write(patch_stream_name(bytearray(original), "Workbook", "Book"))
    open(os.path.join(HERE, "not-a-workbook.xls"), "wb").write(patch_stream_name(bytearray(original), "Workbook", "WordDocument"))

    # The allocation table's entry for the stream's first sector points back to it.
    loop = bytearray(original)
    fat_sector = struct.unpack_from("<I", original, 76)[0]
    fat_offset = (fat_sector + 1) * 512 + 4 * entry.first_SID
    loop[fat_offset:fat_offset + 4] = struct.pack("<I", entry.first_SID)
    open(os.path.join(HERE, "chain-loop.xls"), "wb").write(loop)

    open(os.path.join(HERE, "truncated.xls"), "wb").write(original[:1536])

    # The SST record: its second field (after the total count) is the number of unique strings.
    at = 0
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        if kind == 0x00FC:
            break
        at += 4 + length
    sst_in_file = original.find(stream[at:at + 16])
    assert sst_in_file >= 0
    counted = bytearray(original)
    counted[sst_in_file + 8:sst_in_file + 12] = struct.pack("<I", 0xFFFFFFFF)
    open(os.path.join(HERE, "sst-count.xls"), "wb").write(counted)

if __name__ == "__main__":
    main()
