"""Makes the hostile workbooks and files of the security tests (HostileInputTests).

Each is a minimal input that once crashed chiso, hung it, exhausted its memory or made it read a
wrong value. Run from this folder: python3 make_hostile.py (standard library only).
"""
import zipfile

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                 '</Relationships>')
STYLES = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')


def sheet(rows):
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData>' + rows + '</sheetData></worksheet>')


HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>unit</t></is></c><c r="B1" t="inlineStr"><is><t>period</t></is></c>' \
         '<c r="C1" t="inlineStr"><is><t>indicator</t></is></c><c r="D1" t="inlineStr"><is><t>value</t></is></c></row>'


def row(n, unit, value_cell):
    return (f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{unit}</t></is></c><c r="B{n}"><v>2023</v></c>'
            f'<c r="C{n}" t="inlineStr"><is><t>x</t></is></c>{value_cell}</row>')


def workbook(name, sheet_xml, shared=None, sheet_bytes=None):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/styles.xml", STYLES)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/worksheets/sheet1.xml", sheet_bytes if sheet_bytes is not None else sheet_xml)


# A sheet that inflates to 64 MiB of whitespace from about 64 KB: refused as a zip bomb.
padding = b" " * (64 << 20)
workbook("bomb.xlsx", None, sheet_bytes=sheet(HEADER + row(2, "Hà Nội", '<c r="D2"><v>1</v></c>')).encode()[:-len("</worksheet>")] + padding + b"</worksheet>")

# A single cell at the last cell of a sheet (XFD1048576): read quickly, not row by row, and
# neither a unit nor a reason to make the table 16,384 columns wide.
workbook("far-cell.xlsx", sheet(HEADER + row(2, "Hà Nội", '<c r="D2"><v>1</v></c>')
                                + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>stray</t></is></c></row>'))

# Cell references beyond Excel's limits: refused with the reference.
workbook("beyond-rows.xlsx", sheet(HEADER + '<row r="1048577"><c r="A1048577"><v>1</v></c></row>'))
workbook("beyond-columns.xlsx", sheet(HEADER + '<row r="2"><c r="ZZZZZZZZZZZZ2"><v>1</v></c></row>'))
workbook("huge-row.xlsx", sheet(HEADER + '<row r="999999999999"><c r="A999999999999"><v>1</v></c></row>'))

# A shared string with an entity XML does not define: refused, not a shift of later strings.
workbook("entity.xlsx", sheet(HEADER + '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>2023</v></c>'
                              '<c r="C2" t="inlineStr"><is><t>x</t></is></c><c r="D2"><v>1</v></c></row>'
                              '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>2023</v></c>'
                              '<c r="C3" t="inlineStr"><is><t>x</t></is></c><c r="D3"><v>2</v></c></row>'),
         shared='<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                '<si><t>H&nbsp;à Nội</t></si><si><t>Hải Phòng</t></si></sst>')

# Entity expansion ("billion laughs") declared in a document type: refused.
laughs = '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(8)) + ']>'
workbook("laughs.xlsx", sheet(HEADER + row(2, "Hà Nội", '<c r="D2"><v>1</v></c>')),
         shared='<?xml version="1.0" encoding="UTF-8"?>' + laughs + '<sst><si><t>&i;</t></si></sst>')

# A date-formatted cell holding numbers that are no dates: read as the numbers they are.
workbook("date-no-date.xlsx", sheet(HEADER + row(2, "Hà Nội", '<c r="D2" s="1"><v>1e20</v></c>')
                                    + row(3, "Hải Phòng", '<c r="D3" s="1"><v>-5</v></c>')))
workbook("number-not-number.xlsx", sheet(HEADER + row(2, "Hà Nội", '<c r="D2"><v>NaN</v></c>')))

# An element name that is not UTF-8.
workbook("invalid-utf8.xlsx", None, sheet_bytes=sheet(HEADER).encode().replace(b"<sheetData>", b"<sheetData><\xff\xfe/>"))

# A sheet whose header lies on Excel's last row: nothing below it.
workbook("header-last-row.xlsx", sheet(HEADER.replace('r="1"', 'r="1048576"').replace('1"', '1048576"')))

# Not a workbook at all, named .xlsx: a PDF and a Word document.
with open("report.pdf.xlsx", "wb") as f:
    f.write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
with zipfile.ZipFile("report.docx.xlsx", "w") as z:
    z.writestr("[Content_Types].xml", CONTENT_TYPES)
    z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
