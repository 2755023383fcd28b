#!/usr/bin/env python3
"""A stored unit that does not fit the others: the commands that load the units say so on stderr, once,
in the user's language, and go on with the rest."""
import os
import sqlite3
import subprocess
import sys
import tempfile

kiemdem, examples = sys.argv[1], sys.argv[2]
failures = []


def check(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name + (f": {detail}" if detail and not cond else ""))
    if not cond:
        failures.append(name)


def run(lang, *args):
    return subprocess.run([kiemdem, "--lang", lang, *args], capture_output=True, text=True)


with tempfile.TemporaryDirectory() as d:
    db = os.path.join(d, "units.db")
    check("db init", run("en", "db", "init", "--db", db).returncode == 0)
    r = run("en", "import", "units", os.path.join(examples, "units.csv"), "--db", db)
    check("import example units", r.returncode == 0, r.stdout + r.stderr)
    results = os.path.join(examples, "results.csv")
    r = run("en", "import", "results", results, "--db", db)
    check("a good tree loads without a warning", r.returncode == 0 and "warning" not in r.stderr, r.stderr)

    # A second Tổ 1 under the same code from 01/08/2025, while the first still holds it: the import
    # refuses such a row, so it is written straight into the database, as an old version or a hand
    # edit could have left it.
    with sqlite3.connect(db) as c:
        c.execute("INSERT INTO units(code, name, full_name, unit_type, parent_id, valid_from, valid_to) "
                  "SELECT code, 'Tổ 1 trùng', 'Tổ dân phố 1 trùng', unit_type, parent_id, '2025-08-01', NULL "
                  "FROM units WHERE code = '0014501'")

    r = run("en", "import", "results", results, "--db", db)
    check("import results goes on", r.returncode == 0 and "Imported" in r.stdout, r.stdout + r.stderr)
    warned = [line for line in r.stderr.splitlines() if line.startswith("kiemdem: warning: ")]
    check("one warning, once", len(warned) == 1, r.stderr)
    check("it names the unit left out and why",
          warned and warned[0].startswith("kiemdem: warning: unit 0014501 (01/08/2025) is left out: "), r.stderr)

    r = run("vi", "import", "results", results, "--db", db)
    warned = [line for line in r.stderr.splitlines() if line.startswith("kiemdem: cảnh báo: ")]
    check("in Vietnamese with --lang vi",
          len(warned) == 1 and warned[0].startswith("kiemdem: cảnh báo: đơn vị 0014501 (01/08/2025) bị bỏ qua: "),
          r.stderr)
    check("and not in English", "warning" not in r.stderr, r.stderr)

    r = run("en", "evaluate", "00145", "--period", "2020", "--db", db)
    check("evaluate goes on", r.returncode == 0, r.stdout + r.stderr)
    check("evaluate warns once", r.stderr.count("kiemdem: warning: unit 0014501 (01/08/2025) is left out") == 1,
          r.stderr)

print(f"{len(failures)} failed" if failures else "all passed")
sys.exit(1 if failures else 0)
