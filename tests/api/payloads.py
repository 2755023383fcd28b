"""The hostile uploads of ../shared/reviews/security.md (F1-F4), built in memory:
spreadsheets whose cell references overflow, column bombs, zip size lies, a deflate
bomb, shared-string amplification, a flood of bad CSV rows and deeply nested JSON."""
import base64
import io
import struct
import zipfile

_CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
_WB = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
       '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
         'Target="worksheets/sheet1.xml"/></Relationships>')
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
SHEET = "xl/worksheets/sheet1.xml"


def sheet_xml(rows_xml):
    return f'<?xml version="1.0"?><worksheet {_NS}><sheetData>{rows_xml}</sheetData></worksheet>'


def xlsx(rows_xml, shared=None, sheet=None, level=6):
    """A workbook around the sheet's rows (or a whole sheet given as bytes/str chunks)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("xl/workbook.xml", _WB)
        z.writestr("xl/_rels/workbook.xml.rels", _RELS)
        if sheet is None:
            z.writestr(SHEET, sheet_xml(rows_xml))
        else:
            with z.open(SHEET, "w", force_zip64=True) as f:
                for chunk in sheet:
                    f.write(chunk.encode() if isinstance(chunk, str) else chunk)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {_NS}>' +
                       "".join(f"<si><t>{s}</t></si>" for s in shared) + "</sst>")
    return out.getvalue()


def header_and(cells_xml=""):
    """A results header row (inline strings) and a second row of `cells_xml`."""
    names = ["Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị"]
    head = "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{n}</t></is></c>' for i, n in enumerate(names))
    return f'<row r="1">{head}</row><row r="2">{cells_xml}</row>'


def crash():
    """F1, SS-10: a reference whose letters overflow an int (the server died of SIGSEGV)."""
    return xlsx('<row r="1"><c r="ZZZZZZZZZZZZZZZZZZ1"><v>1</v></c></row>')


def heap_write():
    """F1, SS-11: after one ordinary cell, a reference that wrapped to index -2 (a heap write)."""
    return xlsx('<row r="1"><c r="A1"><v>1</v></c><c r="MWLQKWU1"><v>1</v></c></row>')


def column_bomb(rows=2000):
    """F2, SS-02: one cell at column XFD per row (16 384 cells per 45 bytes)."""
    return xlsx("".join(f'<row r="{i}"><c r="XFD{i}"><v>1</v></c></row>' for i in range(1, rows + 1)))


def size_lie(claimed=3 << 30):
    """F2, SS-03: a small sheet whose zip entry claims `claimed` bytes uncompressed."""
    data = bytearray(xlsx('<row r="1"><c r="A1"><v>1</v></c></row>'))
    name = SHEET.encode()
    # Local header: size at +22; central directory entry: size at +24.
    for sig, at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = 0
        while True:
            pos = data.find(sig, pos)
            if pos < 0:
                break
            name_len_at = 26 if sig == b"PK\x03\x04" else 28
            n = struct.unpack_from("<H", data, pos + name_len_at)[0]
            start = pos + (30 if sig == b"PK\x03\x04" else 46)
            if bytes(data[start:start + n]) == name:
                struct.pack_into("<I", data, pos + at, claimed)
            pos += 4
    return bytes(data)


def deflate_bomb(mib=200):
    """F2, SS-04: 200 MiB of whitespace inside the sheet, deflated (fast, to ~900 KiB)."""
    blank = " " * (1 << 20)

    def chunks():
        yield f'<?xml version="1.0"?><worksheet {_NS}><sheetData>'
        for _ in range(mib):
            yield blank
        yield "</sheetData></worksheet>"
    return xlsx("", sheet=chunks(), level=1)


def shared_string_bomb(cells=300, size=1 << 20):
    """F2, SS-05: one 1 MiB shared string referenced by 300 cells."""
    rows = "".join(f'<row r="{i}"><c r="A{i}" t="s"><v>0</v></c></row>' for i in range(1, cells + 1))
    return xlsx(rows, shared=["x" * size])


def csv_flood(rows=300_000):
    """F3, SS-12: a results header and 300 000 rows that are each three problems."""
    return ("Mã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị\n" + "x\n" * rows).encode()


def deep_json(size=8 * 1024 * 1024 - 100):
    """F4, IN-02: an 8 MiB body of '[' (nesting 8 million deep)."""
    return b"[" * size


def import_body(name, data, check_only=True):
    return {"file_name": name, "content_base64": base64.b64encode(data).decode(), "check_only": check_only}
