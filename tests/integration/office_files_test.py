#!/usr/bin/env python3
"""Spreadsheets made by LibreOffice in the test itself import, and exported sheets are
spreadsheets LibreOffice reads as numbers (issue 12). Exits 77 (skipped) without soffice."""
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

from cli_checks import Checks

kiemdem, examples = sys.argv[1], sys.argv[2]
checks = Checks(kiemdem)
check, run = checks.check, checks.run
soffice = shutil.which("soffice")
if soffice is None:
    print("SKIP: LibreOffice (soffice) is not installed; scripts/install-deps installs "
          "libreoffice-calc-nogui, which this test needs to make and read .xlsx files")
    sys.exit(77)


def office(d, target, files, infilter=None):
    """soffice --headless --convert-to TARGET FILES, into d/out; a private profile in d."""
    out = os.path.join(d, "out")
    cmd = [soffice, "--headless", f"-env:UserInstallation=file://{d}/profile"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    cmd += ["--convert-to", target, "--outdir", out, *files]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=240)
    check(f"soffice converts {', '.join(os.path.basename(f) for f in files)} to {target.split(':')[0]}",
          r.returncode == 0, r.stdout + r.stderr)
    return out


def sheet_xml(path):
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml").decode("utf-8")


with tempfile.TemporaryDirectory() as d:
    db = os.path.join(d, "k.db")
    check("db init", run("db", "init", "--db", db).returncode == 0)
    for kind in ("units", "indicators"):
        r = run("import", kind, os.path.join(examples, f"{kind}.csv"), "--db", db)
        check(f"import example {kind}", r.returncode == 0, r.stderr)

    # Sheets as an official types them in LibreOffice: codes as text, the year
    # typed as 2021 (a number cell), figures as numbers, a date in a date cell.
    results_csv = os.path.join(d, "ket-qua.csv")
    with open(results_csv, "w", encoding="utf-8") as f:
        f.write("Mã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị,Tử số,Mẫu số\n"
                "00145,THU_NSNN,2021,21500000000,,\n"
                "00145,GD_VAN_HOA,2021,92.5,,\n"
                "00145,TDP_VAN_HOA,2021,75,9,12\n")
    plans_csv = os.path.join(d, "ke-hoach.csv")
    with open(plans_csv, "w", encoding="utf-8") as f:
        f.write("Mã ĐVHC,Cơ quan giao,Từ năm,Đến năm,Nghị quyết,Ngày ban hành,Cấp trên giao,"
                "Mã chỉ tiêu,Năm,So sánh,Chỉ tiêu\n"
                "00145,HĐND,2021,2021,15/NQ-HĐND,20/12/2020,không,NHA_VH,2021,≥,35\n")
    # CSV import options: comma, double quote, UTF-8, from line 1; columns 1-2 as text,
    # column 6 as a day/month/year date.
    out = office(d, "xlsx", [results_csv, plans_csv], "CSV:44,34,76,1,1/2/2/2/6/4")
    results_xlsx, plans_xlsx = os.path.join(out, "ket-qua.xlsx"), os.path.join(out, "ke-hoach.xlsx")
    xml = sheet_xml(results_xlsx)
    check("the LibreOffice sheet holds the year as a number cell", re.search(r'<c r="C2"[^>]*t="n"[^>]*><v>2021</v>', xml), xml[:2000])
    check("and the unit code as text", re.search(r'<c r="A2"[^>]*t="s"', xml), xml[:2000])
    r = run("import", "results", results_xlsx, "--db", db, "--as", "tester")
    check("a LibreOffice sheet with the year as a number imports",
          r.returncode == 0 and "Imported 3 rows" in r.stdout, r.stdout + r.stderr)
    exported = run("export", "results", "--db", db).stdout
    for want in ("00145,THU_NSNN,2021,21.500.000.000,", "00145,GD_VAN_HOA,2021,\"92,5\",", "00145,TDP_VAN_HOA,2021,75,9,12,"):
        check(f"its figures are stored: {want}", want in exported, exported)

    xml = sheet_xml(plans_xlsx)
    check("the LibreOffice plan sheet holds the date as a date cell",
          re.search(r'<c r="F2" s="[1-9][0-9]*"[^>]*t="n"[^>]*><v>44185</v>', xml), xml[:3000])
    r = run("import", "plans", plans_xlsx, "--db", db)
    check("a LibreOffice plan sheet with numeric years and a date cell imports",
          r.returncode == 0 and "Imported 1 rows" in r.stdout, r.stdout + r.stderr)
    plans = run("export", "plans", "--db", db).stdout
    check("its years, date and target are stored", "00145,HĐND,2021,2021,15/NQ-HĐND,20/12/2020,không,NHA_VH,2021,≥,35," in plans, plans)

    # Exports are spreadsheets: numbers in number cells, which LibreOffice sums.
    out_xlsx = os.path.join(d, "xuat-ket-qua.xlsx")
    r = run("export", "results", "--format", "xlsx", "-o", out_xlsx, "--db", db)
    check("export results .xlsx", r.returncode == 0, r.stderr)
    xml = sheet_xml(out_xlsx)
    check("exported values are number cells", re.search(r'<c r="D\d+" s="\d+"><v>21500000000</v></c>', xml), xml[:3000])
    # A SUM under the figures, as an official would add one (no cached value: LibreOffice computes it).
    rows = int(re.findall(r'<row r="(\d+)"', xml)[-1])
    summed = xml.replace("</sheetData>", f'<row r="{rows + 1}"><c r="D{rows + 1}"><f>SUM(D3:D{rows})</f></c></row></sheetData>')
    sum_xlsx = os.path.join(d, "tong.xlsx")
    with zipfile.ZipFile(out_xlsx) as src, zipfile.ZipFile(sum_xlsx, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = summed.encode("utf-8") if item.filename == "xl/worksheets/sheet1.xml" else src.read(item.filename)
            dst.writestr(item, data)
    # CSV export options: quote every text cell, numbers as stored (not as shown).
    out = office(d, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false", [out_xlsx, sum_xlsx])
    with open(os.path.join(out, "xuat-ket-qua.csv"), encoding="utf-8") as f:
        text = f.read()
    lines = {row[1]: row for row in csv.reader(io.StringIO(text)) if len(row) > 3}
    check("LibreOffice reads the title, header and rows", "Kết quả thực hiện chỉ tiêu" in text and "THU_NSNN" in lines, text)
    check("and the value as the number 21500000000", lines.get("THU_NSNN", [""] * 4)[3] == "21500000000", text)
    check("92,5 as 92.5", lines.get("GD_VAN_HOA", [""] * 4)[3] == "92.5", text)
    check("number cells are not quoted as text", ",21500000000," in text and '"21500000000"' not in text, text)
    check("codes stay text", '"00145"' in text, text)
    with open(os.path.join(out, "tong.csv"), encoding="utf-8") as f:
        last = [row for row in csv.reader(f)][-1]
    check("SUM over the exported figures adds them", last[3:4] == ["21500000167.5"], last)

    # A plans export: years and dates as such, and it imports back unchanged.
    plans_out = os.path.join(d, "xuat-ke-hoach.xlsx")
    check("export plans .xlsx", run("export", "plans", "--format", "xlsx", "-o", plans_out, "--db", db).returncode == 0)
    xml = sheet_xml(plans_out)
    check("the year is a number cell", re.search(r'<c r="C\d+" s="\d+"><v>2021</v></c>', xml), xml[:3000])
    check("the resolution date is a date serial", re.search(r'<c r="F\d+" s="\d+"><v>44185</v></c>', xml), xml[:3000])

checks.finish()
