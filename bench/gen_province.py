#!/usr/bin/env python3
"""A generated province for benchmarks: 1 province, 20 districts and 979 wards (1 000 units),
more indicators (50 with the catalogue's non-fraction ones), a Council plan per ward and year, and
5 years of monthly results for every ward and indicator.

usage: gen_province.py OUT_DIR [YEARS]   (writes units.csv, indicators.csv, plans.csv, results_YYYY.csv)"""
import csv
import os
import random
import sys

out = sys.argv[1]
years = list(range(2022, 2022 + int(sys.argv[2]) if len(sys.argv) > 2 else 2027))
os.makedirs(out, exist_ok=True)
rng = random.Random(7)
data = os.path.join(os.path.dirname(__file__), "..", "data")

with open(os.path.join(out, "units.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Mã đơn vị", "Tên", "Loại đơn vị", "Mã đơn vị cấp trên", "Từ ngày"])
    w.writerow(["98", "Thử Nghiệm", "Tỉnh", "", "01/01/2020"])
    wards = []
    for d in range(20):
        dcode = f"{980 + d}"  # 980-999: no district has held these codes
        w.writerow([dcode, f"Thử {d + 1}", "Huyện", "98", "01/01/2020"])
        for k in range(49 if d < 19 else 48):
            code = f"98{d:02d}{k:02d}"
            wards.append((code, dcode))
            w.writerow([code, f"Thử {d + 1}-{k + 1}", "Xã", dcode, "01/01/2020"])

with open(os.path.join(data, "indicators", "catalogue.csv"), encoding="utf-8") as f:
    catalogue = list(csv.DictReader(f))
with open(os.path.join(out, "indicators.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(catalogue[0].keys())
    nonfraction = [r for r in catalogue if r["value_kind"] != "fraction"]
    extra = 50 - len(nonfraction)
    for i in range(extra):
        w.writerow([f"BENCH_{i:02d}", f"Chỉ tiêu thử nghiệm {i + 1}", f"Benchmark indicator {i + 1}", "đồng", "bench",
                    "number", "higher", "sum", "flow", "không", ""])
indicators = [r["code"] for r in nonfraction] + [f"BENCH_{i:02d}" for i in range(extra)]

base = {(c, i): rng.uniform(1e6, 1e9) for c, _ in wards for i in indicators}
with open(os.path.join(out, "plans.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Mã đơn vị", "Cơ quan", "Từ năm", "Mã chỉ tiêu", "Năm", "Giá trị"])
    for code, _ in wards:
        for y in years:
            for i in indicators:
                w.writerow([code, "HĐND", y, i, y, f"{base[(code, i)] * 12 * (1.05 ** (y - years[0])):.0f}"])

for y in years:  # one file a year keeps each import's memory bounded
    with open(os.path.join(out, f"results_{y}.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Mã đơn vị", "Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị"])
        for m in range(1, 13):
            for code, _ in wards:
                for i in indicators:
                    v = base[(code, i)] * (1.05 ** (y - years[0])) * rng.uniform(0.85, 1.2)
                    w.writerow([code, i, f"{y}-{m:02d}", f"{v:.0f}"])
print(f"{len(wards) + 21} units, {len(indicators)} indicators, {len(years)} years")
