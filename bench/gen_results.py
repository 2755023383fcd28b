#!/usr/bin/env python3
"""Writes N results as an import CSV: the demo wards and indicators, monthly periods, Vietnamese numbers.

usage: gen_results.py N OUT.csv DATA_DIR
Rows cycle over (unit, indicator, month) so that no two rows collide; units are
the current (2025) communes of data/admin-units so every code resolves.
"""
import csv
import sys

n, out, data = int(sys.argv[1]), sys.argv[2], sys.argv[3]
units = []
with open(f"{data}/admin-units/units_2025_communes.csv", encoding="utf-8") as f:
    r = csv.reader(f)
    header = next(r)
    col = header.index("code") if "code" in header else 0
    units = [row[col] for row in r]
indicators = []
with open(f"{data}/indicators/catalogue.csv", encoding="utf-8") as f:
    r = csv.DictReader(f)
    # Plain figures: fractions need their parts, a yes/no state is only 1 or 0.
    indicators = [row["code"] for row in r if row["value_kind"] not in ("fraction", "yes_no")]
months = [f"{y}-{m:02d}" for y in range(2026, 2031) for m in range(1, 13)]

with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị"])
    i = 0
    for p in months:
        for u in units:
            for ind in indicators:
                if i == n:
                    sys.exit(0)
                value = (i * 7919) % 1000003 + (i % 10) / 10
                w.writerow([u, ind, p, f"{value:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")])
                i += 1
sys.exit(f"only {i} distinct rows available")
