#!/usr/bin/env python3
"""Import and export through the CLI: round trips, and bad files rejected whole."""
import csv
import os
import subprocess
import sys
import tempfile

from cli_checks import Checks
from xlsx_maker import make_xlsx

kiemdem, examples = sys.argv[1], sys.argv[2]
checks = Checks(kiemdem)
check, run = checks.check, checks.run

with tempfile.TemporaryDirectory() as d:
    db1, db2 = os.path.join(d, "one.db"), os.path.join(d, "two.db")
    for db in (db1, db2):
        r = run("db", "init", "--db", db)
        check(f"db init {os.path.basename(db)}", r.returncode == 0, r.stderr)

    r = run("import", "indicators", os.path.join(examples, "indicators.csv"), "--db", db1)
    check("import example indicators", r.returncode == 0 and "Imported 2 rows" in r.stdout, r.stdout + r.stderr)
    r = run("import", "results", os.path.join(examples, "results.csv"), "--db", db1, "--as", "tester")
    check("import example results (title rows, Vietnamese headers and numbers)",
          r.returncode == 0 and "Imported 7 rows" in r.stdout, r.stdout + r.stderr)

    exported = os.path.join(d, "exported.csv")
    r = run("export", "results", "-o", exported, "--db", db1)
    check("export results", r.returncode == 0, r.stderr)
    first = open(exported, encoding="utf-8-sig").read()
    check("export keeps Vietnamese numbers", "19.885.177.001" in first and "91,95" in first, first)
    ind = os.path.join(d, "indicators.csv")
    run("export", "indicators", "-o", ind, "--db", db1)
    r = run("import", "indicators", ind, "--db", db2)
    check("exported indicators import", r.returncode == 0, r.stderr)
    r = run("import", "results", exported, "--db", db2)
    check("exported results import into a fresh database", r.returncode == 0, r.stderr)
    again = os.path.join(d, "again.csv")
    run("export", "results", "-o", again, "--db", db2)
    check("round trip is unchanged", open(again, encoding="utf-8-sig").read() == first)

    # A bad file: every problem listed by row and column; nothing stored.
    bad = os.path.join(d, "bad.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("Mã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị\n"
                "00145,THU_NSNN,2021,12.000.000\n"
                "99999,THU_NSNN,2021,5\n"
                "00145,NO_SUCH,2021,5\n"
                "00145,CHI_NS,2021,mười hai\n"
                "00145,THU_NSNN,2021,13.000.000\n"
                "00145,CHI_NS,2021-13,5\n")
    before = run("export", "results", "--db", db1).stdout
    r = run("import", "results", bad, "--db", db1)
    check("bad file exits 1", r.returncode == 1, r.returncode)
    for expected in ["bad.csv, row 3, column A (Mã đơn vị): no administrative unit has code 99999 on 31/12/2021",
                     "bad.csv, row 4, column B (Mã chỉ tiêu): indicator 'NO_SUCH' is not in the catalogue",
                     "bad.csv, row 5, column D (Giá trị): 'mười hai' is not a number",
                     "bad.csv, row 6: the same unit, indicator and period as row 2",
                     "bad.csv, row 7, column C (Kỳ báo cáo): month 13 is not 1-12"]:
        check("reports: " + expected[:60], expected in r.stderr, r.stderr)
    check("nothing of it is stored", run("export", "results", "--db", db1).stdout == before)

    # A file of several chunks (streamed, written in batches of one
    # transaction): a problem near its end leaves nothing stored and is named
    # by its row and column; without it every row is stored.
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    big, big_db = os.path.join(d, "big.csv"), os.path.join(d, "big.db")
    subprocess.run([sys.executable, os.path.join(root, "bench", "gen_results.py"), "60000", big,
                    os.path.join(root, "data")], check=True)
    good_lines = open(big, encoding="utf-8").read().splitlines()
    run("db", "init", "--db", big_db)
    lines = list(good_lines)
    cells = lines[59990].split(",")
    lines[59990] = ",".join(cells[:3] + ["abc"])  # row 59991 of the file
    lines.append(good_lines[1])  # row 60002 repeats row 2
    with open(big, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    r = run("import", "results", big, "--db", big_db)
    check("a big file with a bad row near its end exits 1", r.returncode == 1, r.returncode)
    for expected in ["big.csv, row 59991, column D (Giá trị): 'abc' is not a number",
                     "big.csv, row 60002: the same unit, indicator and period as row 2"]:
        check("reports: " + expected[:60], expected in r.stderr, r.stderr[-2000:])
    stored = run("export", "results", "--db", big_db).stdout.splitlines()
    check("and stores none of the rows before it", len(stored) == 1, len(stored))
    with open(big, "w", encoding="utf-8") as f:
        f.write("\n".join(good_lines) + "\n")
    r = run("import", "results", big, "--db", big_db)
    check("the same file without them is stored whole", r.returncode == 0 and "Imported 60000 rows" in r.stdout,
          r.stdout + r.stderr[-2000:])
    stored = run("export", "results", "--db", big_db).stdout.splitlines()
    check("every row of it", len(stored) == 60001, len(stored))

    # The same through ';', a title row and quoted sources of two lines, over
    # several chunks: rows are told apart from the lines inside quotes, and a
    # problem is named by the line its row starts on.
    semi = os.path.join(d, "semi.csv")
    out = ["Kết quả năm 2026;;;;", "Mã đơn vị;Mã chỉ tiêu;Kỳ báo cáo;Giá trị;Nguồn"]
    for line in good_lines[1:40001]:
        unit, ind, period, value = next(csv.reader([line]))
        out.append(f'{unit};{ind};{period};"{value}";"Báo cáo ""tháng"" {period}\n; trang 2"')
    bad_row = 35000  # data row 35000 starts on line 2 + 2 * 34999 + 1
    out[1 + bad_row] = ";".join(["zz"] + out[1 + bad_row].split(";")[1:])  # no such unit
    with open(semi, "w", encoding="utf-8") as f:
        f.write("\ufeff" + "\r\n".join(out) + "\r\n")
    semi_db = os.path.join(d, "semi.db")
    run("db", "init", "--db", semi_db)
    r = run("import", "results", semi, "--db", semi_db)
    line = 2 + 2 * (bad_row - 1) + 1
    check("a ';' file with two-line sources exits 1 on its bad row", r.returncode == 1, r.stdout + r.stderr[-2000:])
    check(f"and names line {line}", f"semi.csv, row {line}, column A" in r.stderr, r.stderr[-2000:])
    with open(semi, "w", encoding="utf-8") as f:
        out[1 + bad_row] = f'{good_lines[bad_row].replace(",", ";", 3)}'
        f.write("\ufeff" + "\r\n".join(out) + "\r\n")
    r = run("import", "results", semi, "--db", semi_db)
    check("fixed, it is stored whole", r.returncode == 0 and "Imported 40000 rows" in r.stdout,
          r.stdout + r.stderr[-2000:])
    sources = run("export", "results", "--db", semi_db).stdout
    check("with its two-line sources", sources.count('""tháng""') == 40000 - 1, sources[:500])

    missing = os.path.join(d, "missing.csv")
    with open(missing, "w", encoding="utf-8") as f:
        f.write("Mã đơn vị,Giá trị\n00145,5\n")
    r = run("import", "results", missing, "--db", db1)
    check("missing columns are named", r.returncode == 1 and "Mã chỉ tiêu (indicator)" in r.stderr, r.stderr)

    latin1 = os.path.join(d, "latin1.csv")
    with open(latin1, "wb") as f:
        f.write("Mã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị\n".encode("utf-8") + "00145,X,2021,5 tri\u1ec7u\n".encode("cp1258", "replace").replace(b"?", b"\xe9"))
    r = run("import", "results", latin1, "--db", db1)
    check("wrong encoding names the byte", r.returncode == 1 and "invalid UTF-8 at byte" in r.stderr, r.stderr)

    # Excel as officials use it: a merged title row, shared strings, numbers as numbers.
    import zipfile

    header = ["Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị", "Tử số", "Mẫu số", "Mức độ", "Ước tính", "Nguồn"]
    book = os.path.join(d, "bieu01.xlsx")
    make_xlsx(book, [["BÁO CÁO KẾT QUẢ NĂM 2021"], ["Phường Long Biên"], header,
                     ["00145", "THU_NSNN", "2020-H1", 9876543210, "", "", "exact", "có", "Biểu 01"],
                     ["00145", "GD_VAN_HOA", "2020-H1", 92.5, "", "", "", "", ""],
                     ["00145", "TDP_VAN_HOA", "2020-H1", 75, 9, 12, "", "", ""]])
    r = run("import", "results", book, "--db", db1)
    check("import .xlsx with a merged title row and numeric cells", r.returncode == 0 and "Imported 3 rows" in r.stdout,
          r.stdout + r.stderr)
    check("numeric cells keep their value", "9.876.543.210" in run("export", "results", "--db", db1).stdout)
    bad_book = os.path.join(d, "bad.xlsx")
    make_xlsx(bad_book, [header, ["00145", "THU_NSNN", "2021-H1", "hai tỷ", "", "", "", "", ""]], merged="A1:B1")
    r = run("import", "results", bad_book, "--db", db1)
    check("a text value in an .xlsx names sheet, row and column",
          r.returncode == 1 and "bad.xlsx [Biểu 01], row 2, column D (Giá trị): 'hai tỷ' is not a number" in r.stderr, r.stderr)
    truncated = os.path.join(d, "truncated.xlsx")
    with open(truncated, "wb") as f:
        f.write(open(book, "rb").read()[:600])
    before_trunc = run("export", "results", "--db", db1).stdout
    r = run("import", "results", truncated, "--db", db1)
    check("a truncated .xlsx is refused clearly", r.returncode == 1 and "is not a complete .xlsx file" in r.stderr, r.stderr)
    check("and stores nothing", run("export", "results", "--db", db1).stdout == before_trunc)

    xlsx_out = os.path.join(d, "export.xlsx")
    r = run("export", "results", "--format", "xlsx", "-o", xlsx_out, "--db", db1)
    check("export .xlsx", r.returncode == 0 and zipfile.is_zipfile(xlsx_out), r.stderr)
    db3 = os.path.join(d, "three.db")
    run("db", "init", "--db", db3)
    run("export", "indicators", "--format", "xlsx", "-o", os.path.join(d, "ind.xlsx"), "--db", db1)
    r = run("import", "indicators", os.path.join(d, "ind.xlsx"), "--db", db3)
    check("indicators .xlsx round trip", r.returncode == 0, r.stderr)
    r = run("import", "results", xlsx_out, "--db", db3)
    check("results .xlsx imports into a fresh database", r.returncode == 0, r.stderr)
    check(".xlsx round trip is unchanged",
          run("export", "results", "--db", db3).stdout == run("export", "results", "--db", db1).stdout)

    backup = os.path.join(d, "backup.db")
    r = run("backup", backup, "--db", db1)
    check("backup", r.returncode == 0 and os.path.getsize(backup) > 0, r.stderr)
    r = run("export", "results", "--db", backup)
    check("backup holds the data", r.stdout == run("export", "results", "--db", db1).stdout, r.stderr)

checks.finish()
