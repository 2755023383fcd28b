#!/usr/bin/env python3
"""Units and plans in and out through the CLI: examples, round trips, Excel dates, bad files rejected whole."""
import os
import subprocess
import sys
import tempfile

from xlsx_maker import make_xlsx

kiemdem, examples = sys.argv[1], sys.argv[2]
failures = []


def check(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name + (f": {detail}" if detail and not cond else ""))
    if not cond:
        failures.append(name)


def run(*args):
    return subprocess.run([kiemdem, "--lang", "en", *args], capture_output=True, text=True)


with tempfile.TemporaryDirectory() as d:
    db1, db2 = os.path.join(d, "one.db"), os.path.join(d, "two.db")
    for db in (db1, db2):
        check("db init", run("db", "init", "--db", db).returncode == 0)

    r = run("import", "units", os.path.join(examples, "units.csv"), "--db", db1)
    check("import example units", r.returncode == 0 and "Imported 3 rows" in r.stdout, r.stdout + r.stderr)
    r = run("import", "plans", os.path.join(examples, "plans.csv"), "--db", db1)
    check("import example plans", r.returncode == 0 and "Imported 3 rows" in r.stdout, r.stdout + r.stderr)
    plans = run("export", "plans", "--db", db1).stdout
    check("plans export with Vietnamese numbers and dates",
          "45.000.000.000" in plans and "25/12/2018" in plans and '"1,5"' in plans and "HĐND" in plans, plans)

    for kind in ("units", "plans"):
        for fmt in ("csv", "xlsx"):
            path = os.path.join(d, f"{kind}.{fmt}")
            r = run("export", kind, "--format", fmt, "-o", path, "--db", db1)
            check(f"export {kind} {fmt}", r.returncode == 0, r.stderr)
            fresh = os.path.join(d, f"fresh-{kind}-{fmt}.db")
            run("db", "init", "--db", fresh)
            if kind == "plans":
                run("import", "units", os.path.join(d, "units.csv"), "--db", fresh)
            r = run("import", kind, path, "--db", fresh)
            check(f"{kind} {fmt} imports into a fresh database", r.returncode == 0, r.stderr)
            check(f"{kind} {fmt} round trip is unchanged",
                  run("export", kind, "--db", fresh).stdout == run("export", kind, "--db", db1).stdout)

    # Excel dates as Excel stores them: a serial number in a numeric cell.
    book = os.path.join(d, "to_dan_pho.xlsx")
    make_xlsx(book, [["DANH SÁCH TỔ DÂN PHỐ"], ["Mã ĐVHC", "Tên", "Loại", "Mã cấp trên", "Hiệu lực từ ngày"],
                     ["0014510", "Tổ 10", "Tổ dân phố", "00145", 45839]], merged="A1:E1")
    r = run("import", "units", book, "--db", db2)
    check("an Excel date serial is a date", r.returncode == 0, r.stderr)
    check("and exports as dd/mm/yyyy", "0014510,Tổ 10,Tổ 10,Tổ dân phố,00145,01/07/2025," in run("export", "units", "--db", db2).stdout)

    bad_units = os.path.join(d, "bad_units.csv")
    with open(bad_units, "w", encoding="utf-8") as f:
        f.write("Mã ĐVHC,Tên,Loại,Mã cấp trên,Hiệu lực từ ngày,Đến ngày\n"
                "0014520,Tổ 20,Tổ dân phố,00145,31/02/2025,\n"
                "0014521,Tổ 21,Làng,00145,01/07/2025,\n"
                "0014522,Tổ 22,Tổ dân phố,99999,01/07/2025,\n"
                "0014523,Tổ 23,Tổ dân phố,14800,01/07/2025,\n"
                "0014524,Tổ 24,Tổ dân phố,00145,01/07/2025,01/01/2025\n"
                "00145AB,Tổ 25,Tổ dân phố,00145,01/07/2025,\n"
                "0014510,Tổ 10 mới,Tổ dân phố,00145,01/08/2025,\n")
    before = run("export", "units", "--db", db2).stdout
    r = run("import", "units", bad_units, "--db", db2)
    check("bad units file exits 1", r.returncode == 1, r.returncode)
    for expected in ["row 2, column E (Từ ngày): '31/02/2025' is not a date",
                     "row 3, column C (Loại đơn vị):",
                     "row 4, column D (Mã đơn vị cấp trên): parent unit 99999 is neither stored nor on an earlier row",
                     "row 5, column D (Mã đơn vị cấp trên): no administrative unit has code 14800 on 01/07/2025",
                     "row 6, column F (Hết hiệu lực từ ngày): the unit ends on or before it begins",
                     "row 7, column A (Mã đơn vị): '00145AB' is not a unit code",
                     "row 8, column A (Mã đơn vị): code 0014510 is already held by Tổ 10 over these dates"]:
        check("units: " + expected[:60], expected in r.stderr, r.stderr)
    check("nothing of the bad units is stored", run("export", "units", "--db", db2).stdout == before)

    bad_plans = os.path.join(d, "bad_plans.csv")
    with open(bad_plans, "w", encoding="utf-8") as f:
        f.write("Mã ĐVHC,Cơ quan giao,Từ năm,Mã chỉ tiêu,Năm,So sánh,Chỉ tiêu,Ngày ban hành\n"
                "00145,HĐND,2024,THU_NSNN,2024,≥,\"1.000,5\",20/12/2023\n"
                "00145,Hội đồng,2024,THU_NSNN,2024,≥,5,\n"
                "00145,HĐND,2024,THU_NSNN,2025,≥,5,\n"
                "00145,HĐND,2024,NO_SUCH,2024,≥,5,\n"
                "00145,HĐND,2024,THU_NSNN,2024,≥,5,\n"
                "00145,HĐND,2024,CHI_NS,2024,~,năm,32/12/2023\n")
    before = run("export", "plans", "--db", db2).stdout
    r = run("import", "plans", bad_plans, "--db", db2)
    check("bad plans file exits 1", r.returncode == 1, r.returncode)
    for expected in ["row 3, column B (Cơ quan):",
                     "row 4, column E (Năm): year 2025 is outside the plan's years 2024-2024",
                     "row 5, column D (Mã chỉ tiêu): indicator 'NO_SUCH' is not in the catalogue",
                     "row 6, column D (Mã chỉ tiêu): the same plan, indicator and year as row 2",
                     "row 7, column H (Ngày ban hành): '32/12/2023' is not a date",
                     "row 7, column F (So sánh): '~' is not a comparator",
                     "row 7, column G (Giá trị): 'năm' is not a number"]:
        check("plans: " + expected[:60], expected in r.stderr, r.stderr)
    check("nothing of the bad plans is stored", run("export", "plans", "--db", db2).stdout == before)

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
