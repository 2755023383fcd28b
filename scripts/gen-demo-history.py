#!/usr/bin/env python3
"""Writes the demo's generated history (data/demo/history_results.csv and
history_plans.csv) around the figures the articles report (results.csv):

- the same period in the five years before, for each demo ward, on a smooth
  path that ends at the reported figure, so that the trend charts show trends;
- the same period (and the year before) for the other wards of the same city or
  district, so that the comparison chart and the roll-up have units to show;
- yearly plans for those units and years, some met and some not.

Deterministic (fixed seed): run it again and the files do not change. Every
generated row says so in its `source` column; nothing here comes from an article.
"""
import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo"


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def period_in_year(period, year):
    """'2018-01/2018-10' moved to `year`; '2016' to `year`."""
    return period.replace(period[:4], str(year))


def period_months(period):
    if "/" in period:
        a, b = period.split("/")
        return int(b[5:7]) - int(a[5:7]) + 1
    return 12 if len(period) == 4 else 1


def main():
    rng = random.Random(20261122)
    catalogue = {r["code"]: r for r in read_csv(ROOT / "data" / "indicators" / "catalogue.csv")}
    communes = read_csv(ROOT / "data" / "admin-units" / "pre2025_communes.csv")
    district_of = {c["code"]: c["district_code"] for c in communes}
    results = read_csv(DEMO / "results.csv")
    plans = read_csv(DEMO / "plans.csv")
    have_result = {(r["unit_code"], r["indicator"], r["period"]) for r in results}
    have_plan = {(p["unit_code"], p["indicator"], p["year"]) for p in plans}
    plan_body = {(p["unit_code"], p["year"]): p["body"] for p in plans}

    out_results, out_plans = [], []

    def body_for(unit, year, ind):
        if (unit, str(year)) in plan_body:
            return plan_body[(unit, str(year))]
        return "party_committee" if ind["group"] == "xay-dung-dang" else "peoples_committee"

    def add_result(unit, code, period, value, num=None, den=None, why=""):
        if (unit, code, period) in have_result:
            return
        have_result.add((unit, code, period))
        out_results.append({
            "unit_code": unit, "indicator": code, "period": period,
            "value": fmt(value), "numerator": fmt(num), "denominator": fmt(den),
            "qualifier": "exact", "estimated": "0", "source": "generated: " + why})

    def add_plan(unit, code, year, full_year_value, ind):
        if (unit, code, str(year)) in have_plan:
            return
        have_plan.add((unit, code, str(year)))
        lower = ind["direction"] == "lower"
        r = rng.uniform(0.9, 1.1)
        target = full_year_value * (r if not lower else 2 - r)
        if ind["value_kind"] == "fraction":
            target = min(100.0, round(target))
        elif ind["unit"] != "đồng":
            target = max(1, round(target))
        else:
            target = round(target, -6)
        out_plans.append({
            "unit_code": unit, "body": body_for(unit, year, ind), "year": str(year), "indicator": code,
            "comparator": "<=" if lower else ">=", "target": fmt(target), "resolution": "",
            "stated_percent": ""})

    def scaled(ind, value, factor):
        v = value * factor
        if ind["value_kind"] == "fraction":
            return min(100.0, round(v, 2))
        if ind["unit"] != "đồng":
            return max(0, round(v))
        return round(v, -6)

    reported = [r for r in results if r["source"].startswith("seed-")]
    for r in reported:
        ind = catalogue[r["indicator"]]
        unit, code, period = r["unit_code"], r["indicator"], r["period"]
        year = int(period[:4])
        value = float(r["value"])
        num = float(r["numerator"]) if r["numerator"] else None
        den = float(r["denominator"]) if r["denominator"] else None
        months = period_months(period)
        lower = ind["direction"] == "lower"
        growth = rng.uniform(1.04, 1.12)
        # The reporting ward: the same period in each of the five years before.
        anchor, anchor_back = value, 0  # a figure derived from the article, once met
        for back in range(1, 6):
            y = year - back
            p = period_in_year(period, y)
            derived = next((float(d["value"]) for d in results
                            if (d["unit_code"], d["indicator"], d["period"]) == (unit, code, p)), None)
            if derived is not None:
                anchor, anchor_back = derived, back
                full = derived if ind["time"] == "stock" or ind["value_kind"] == "fraction" else derived * 12 / months
                add_plan(unit, code, y, full, ind)
                continue
            if ind["value_kind"] == "fraction":
                if den:
                    n = max(0, min(den, round(num - back * rng.uniform(0.3, 1.0))))
                    add_result(unit, code, p, 100 * n / den, n, den, f"{code} of {unit}, {back} year(s) before {period}")
                    past = 100 * n / den
                else:
                    past = max(0.0, min(100.0, round(value - back * rng.uniform(0.4, 1.8), 2)))
                    add_result(unit, code, p, past, why=f"{code} of {unit}, {back} year(s) before {period}")
            else:
                steps = back - anchor_back
                f = (rng.uniform(1.02, 1.15) ** steps) if lower else (1 / growth ** steps) * rng.uniform(0.97, 1.03)
                past = scaled(ind, anchor, f)
                add_result(unit, code, p, past, why=f"{code} of {unit}, {back} year(s) before {period}")
            full = past if ind["time"] == "stock" or ind["value_kind"] == "fraction" else past * 12 / months
            add_plan(unit, code, y, full, ind)
        # The other wards of the same city or district: this period and the year before.
        siblings = [c["code"] for c in communes
                    if c["district_code"] == district_of[unit] and c["code"] != unit]
        for s in siblings:
            size = rng.uniform(0.4, 1.6)
            for back in (0, 1):
                y = year - back
                p = period_in_year(period, y)
                if ind["value_kind"] == "fraction":
                    if den:
                        d = max(1, round(den * size))
                        n = max(0, min(d, round(d * (num / den) * rng.uniform(0.85, 1.05))))
                        add_result(s, code, p, 100 * n / d, n, d, f"{code} of a ward beside {unit}")
                        v = 100 * n / d
                    else:
                        v = max(0.0, min(100.0, round(value + rng.uniform(-9, 4), 2)))
                        add_result(s, code, p, v, why=f"{code} of a ward beside {unit}")
                else:
                    v = scaled(ind, value, size * (1 / growth ** back) * rng.uniform(0.9, 1.1))
                    add_result(s, code, p, v, why=f"{code} of a ward beside {unit}")
                full = v if ind["time"] == "stock" or ind["value_kind"] == "fraction" else v * 12 / months
                add_plan(s, code, y, full, ind)

    write(DEMO / "history_results.csv", list(results[0].keys()), out_results)
    write(DEMO / "history_plans.csv", list(plans[0].keys()), out_plans)
    print(f"gen-demo-history: {len(out_results)} results, {len(out_plans)} plan targets", file=sys.stderr)


def fmt(v):
    if v is None:
        return ""
    if float(v).is_integer():
        return str(int(v))
    # Decimal comma, as kiemdem reads numbers ("71.875" would be 71 875).
    return repr(float(v)).replace(".", ",")


def write(path, columns, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main()
