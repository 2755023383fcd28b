#!/usr/bin/env python3
"""Kills `kiemdem import results` (100 000 rows, SQLite) with SIGKILL at random
moments, 20 times. After each kill the database must open, pass PRAGMA
integrity_check, and hold all of the import or none of it."""
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

kiemdem, data = sys.argv[1], sys.argv[2]
seed = int(os.environ.get("KIEMDEM_CRASH_SEED", "20261122"))
rng = random.Random(seed)
failures = []


def check(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name + (f": {detail}" if detail and not cond else ""), flush=True)
    if not cond:
        failures.append(name)


def state(db):
    con = sqlite3.connect(db)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        results = con.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        imports = con.execute("SELECT COUNT(*) FROM audit_log WHERE entity = 'results'").fetchone()[0]
        return integrity, results, imports
    finally:
        con.close()


with tempfile.TemporaryDirectory() as d:
    template = os.path.join(d, "template.db")
    subprocess.run([kiemdem, "db", "init", "--db", template], check=True, capture_output=True)
    codes = [l.split(",")[0] for l in open(os.path.join(data, "admin-units", "pre2025_communes.csv"),
                                           encoding="utf-8").read().splitlines()[1:]]
    csv_path = os.path.join(d, "results.csv")
    rows = 0
    with open(csv_path, "w", encoding="utf-8") as f:
        f.write("Mã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị\n")
        for m in range(1, 11):
            for c in codes:
                f.write(f"{c},THU_NSNN,2024-{m:02d},{rows * 7 % 100000},{rows % 10}\n")
                rows += 1
    check(f"corpus has at least 100 000 rows ({rows})", rows >= 100000)

    # One full run, timed, to spread the kills over the whole import.
    full = os.path.join(d, "full.db")
    shutil.copy(template, full)
    start = time.monotonic()
    r = subprocess.run([kiemdem, "import", "results", csv_path, "--db", full], capture_output=True, text=True)
    duration = time.monotonic() - start
    check(f"an uninterrupted import stores every row ({duration:.1f} s)", r.returncode == 0 and
          state(full) == ("ok", rows, 1), r.stderr + str(state(full)))

    outcomes = {"none": 0, "all": 0}
    # 20 kills, or as many as fit in 6 minutes once 8 are done: on a loaded
    # machine one import can take ten times as long (ctest stops at 10 minutes).
    kills_start = time.monotonic()
    for k in range(20):
        if k >= 8 and time.monotonic() - kills_start > 360:
            print(f"stopped after {k} kills: the 6-minute budget is spent (one import took {duration:.1f} s)")
            break
        db = os.path.join(d, f"kill{k}.db")
        shutil.copy(template, db)
        p = subprocess.Popen([kiemdem, "import", "results", csv_path, "--db", db],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        delay = rng.uniform(0.05, duration * 1.05)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        integrity, results, imports = state(db)
        whole = (results, imports) in ((0, 0), (rows, 1))
        outcomes["all" if results == rows else "none"] += 1
        check(f"kill {k + 1:2d} after {delay:5.2f} s: integrity {integrity}, {results} rows", integrity == "ok" and whole,
              f"{results} rows, {imports} import audit rows")
    print(f"seed {seed}: {outcomes['none']} kills left nothing, {outcomes['all']} came after the commit")

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
