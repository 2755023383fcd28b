#!/usr/bin/env python3
"""Four questions asked cold, every request different (seeded random commune, province,
period, indicator), interleaved: kiemdem over HTTP keep-alive, then the same question in
SQL on PostgreSQL (psycopg2). Prints p50/p90 per side and the ratio, checks a few answers
against each other (values and reporting counts), and that a POSTed result shows in the
next GET.

usage: national_latency.py BASE_URL TOKEN SQLITE_DB PG_DSN N OUT.json [SEED]"""
import http.client
import json
import random
import sqlite3
import sys
import time
import urllib.parse

import psycopg2

base, token, lite_path, dsn, n, out = sys.argv[1:7]
n = int(n)
rng = random.Random(int(sys.argv[7]) if len(sys.argv) > 7 else 15)
host = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(host.hostname, host.port, timeout=600)
auth = {"Authorization": f"Bearer {token}"}


def get(path):
    t = time.perf_counter()
    conn.request("GET", "/api/v1" + path, headers=auth)
    r = conn.getresponse()
    body = r.read()
    ms = (time.perf_counter() - t) * 1000
    return r.status, (json.loads(body) if body else None), ms


lite = sqlite3.connect(f"file:{lite_path}?mode=ro", uri=True)
communes = [r[0] for r in lite.execute("SELECT DISTINCT unit_id FROM results")]
parent = dict(lite.execute("SELECT id, parent_id FROM units"))


def province_of(u):
    while parent.get(u):
        u = parent[u]
    return u


provinces = sorted({province_of(c) for c in communes})
by_province = {}
for c in communes:
    by_province.setdefault(province_of(c), []).append(c)
years = sorted({int(r[0]) for r in lite.execute("SELECT DISTINCT substr(period, 1, 4) FROM results")})
indicators = {r[0]: r[1:] for r in lite.execute("SELECT code, value_kind, spatial, time_agg FROM indicators")}
used = {r[0] for r in lite.execute("SELECT DISTINCT indicator_code FROM results")}
rolled = sorted(c for c in used if indicators[c][1] != "none")


def periods(y):
    """Every period of a year the API takes, with its first and last month."""
    out = [(str(y), 1, 12), (f"{y}-H1", 1, 6), (f"{y}-H2", 7, 12)]
    out += [(f"{y}-Q{q}", 3 * q - 2, 3 * q) for q in range(1, 5)]
    out += [(f"{y}-01/{y}-{m:02d}", 1, m) for m in range(2, 12)]
    return out


all_periods = [p for y in years for p in periods(y)]


def sample(pool, k):
    """k distinct random draws (fewer if the pool is smaller)."""
    pool = list(pool)
    rng.shuffle(pool)
    return pool[:k]


pg = psycopg2.connect(dsn)
pg.autocommit = True
cur = pg.cursor()

# One unit's figure per indicator for the period, as kiemdem computes it: a flow
# sums the months and needs every one; a stock is its latest month. Grouped on
# the index, then the stocks' latest rows fetched by primary key (2.7x faster
# than array_agg(... ORDER BY period DESC) on the small run).
PER_UNIT = """
  SELECT g.unit_id, g.indicator_code, i.spatial, i.value_kind,
    CASE WHEN i.value_kind = 'fraction' THEN NULL WHEN i.time_agg = 'flow' THEN g.v ELSE l.value END AS value,
    CASE WHEN i.time_agg = 'flow' THEN g.nu ELSE l.numerator END AS num,
    CASE WHEN i.time_agg = 'flow' THEN g.de ELSE l.denominator END AS den
  FROM (SELECT r.unit_id, r.indicator_code, max(r.period) AS last, count(*) AS n, sum(r.value) AS v,
               sum(r.numerator) AS nu, sum(r.denominator) AS de
        FROM results r
        WHERE r.period BETWEEN %(p0)s AND %(p1)s AND r.status = 'approved' AND {where}
        GROUP BY r.unit_id, r.indicator_code) g
  JOIN indicators i ON i.code = g.indicator_code
  LEFT JOIN results l ON i.time_agg = 'stock' AND l.unit_id = g.unit_id AND l.indicator_code = g.indicator_code
                     AND l.period = g.last
  WHERE i.time_agg = 'stock' OR g.n = %(nm)s"""
VALUE = "COALESCE(pu.value, 100 * pu.num / NULLIF(pu.den, 0))"

SQL_EVAL = f"""
WITH pu AS ({PER_UNIT.format(where="r.unit_id = %(u)s")})
SELECT pu.indicator_code, {VALUE}, t.value
FROM pu LEFT JOIN plans p ON p.unit_id = pu.unit_id AND p.first_year <= %(y)s AND p.last_year >= %(y)s
        LEFT JOIN targets t ON t.plan_id = p.id AND t.indicator_code = pu.indicator_code AND t.year = %(y)s"""

SUBTREE = """WITH RECURSIVE sub(id) AS (SELECT %(u)s::bigint UNION ALL
  SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id)"""
AGG = """CASE pu.spatial WHEN 'sum' THEN sum(pu.value) WHEN 'mean' THEN avg(pu.value)
  WHEN 'ratio' THEN 100 * sum(pu.num) / NULLIF(sum(pu.den), 0) END"""
SQL_SUBTREE = f"{SUBTREE} SELECT array_agg(id) FROM sub"
SQL_ROLLUP = f"""WITH pu AS ({PER_UNIT.format(where="r.unit_id = ANY(%(ids)s)")})
SELECT indicator_code, {AGG}, count(*) FROM pu WHERE spatial <> 'none' GROUP BY indicator_code, spatial"""

SQL_COMPARE = f"""
WITH kids AS (SELECT id FROM units WHERE parent_id = %(u)s),
pu AS ({PER_UNIT.format(where="r.indicator_code = %(c)s AND r.unit_id IN (SELECT id FROM kids)")})
SELECT pu.unit_id, {VALUE} AS actual, t.value, {VALUE} / NULLIF(t.value, 0) AS pct
FROM pu LEFT JOIN plans p ON p.unit_id = pu.unit_id AND p.first_year <= %(y)s AND p.last_year >= %(y)s
        LEFT JOIN targets t ON t.plan_id = p.id AND t.indicator_code = pu.indicator_code AND t.year = %(y)s
ORDER BY pct DESC NULLS LAST"""

SQL_NATIONAL = f"""
WITH pu AS ({PER_UNIT.format(where="r.indicator_code = %(c)s")})
SELECT COALESCE(d.parent_id, u.parent_id) AS province, {AGG}, count(*)
FROM pu JOIN units u ON u.id = pu.unit_id LEFT JOIN units d ON d.id = u.parent_id
GROUP BY ROLLUP (COALESCE(d.parent_id, u.parent_id)), pu.spatial"""


def sql(query, **params):
    t = time.perf_counter()
    cur.execute(query, params)
    rows = cur.fetchall()
    return rows, (time.perf_counter() - t) * 1000


def month_range(p0, p1, y):
    return {"p0": f"{y}-{p0:02d}", "p1": f"{y}-{p1:02d}", "y": y, "nm": p1 - p0 + 1}


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


timings = {}
mismatches = []
notes = []
checked = {}


def record(q, k_ms, s_ms):
    timings.setdefault(q, ([], []))
    timings[q][0].append(k_ms)
    timings[q][1].append(s_ms)


def check(q, what, ok):
    checked[q] = checked.get(q, 0) + 1
    if not ok:
        mismatches.append(f"{q}: {what}")


# (1) one commune's evaluation
for u, (p, m0, m1) in sample([(u, p) for u in communes for p in all_periods], n):
    y = int(p[:4])
    status, body, k_ms = get(f"/evaluation?unit={u}&period={urllib.parse.quote(p)}")
    rows, s_ms = sql(SQL_EVAL, u=u, **month_range(m0, m1, y))
    record("1 evaluation of one commune", k_ms, s_ms)
    if status != 200:
        mismatches.append(f"evaluation {u} {p}: HTTP {status} {body}")
        continue
    k = {r["indicator"]["code"]: r.get("actual") for r in body.get("rows", [])}
    for code, actual, _target in rows:
        check("evaluation", f"unit {u} {p} {code}: kiemdem {k.get(code)} SQL {actual}", close(k.get(code), actual))

# (2) a province's roll-up with reporting counts
for prov, (p, m0, m1) in sample([(v, p) for v in provinces for p in all_periods], n):
    y = int(p[:4])
    status, body, k_ms = get(f"/rollup?unit={prov}&period={urllib.parse.quote(p)}")
    # Two statements, both timed: the subtree's ids first, so the planner
    # sees the list it filters results by.
    ids, ids_ms = sql(SQL_SUBTREE, u=prov)
    rows, s_ms = sql(SQL_ROLLUP, ids=ids[0][0], **month_range(m0, m1, y))
    s_ms += ids_ms
    record("2 roll-up of one province", k_ms, s_ms)
    if status != 200:
        mismatches.append(f"rollup {prov} {p}: HTTP {status} {body}")
        continue
    k = {i["indicator"]["code"]: i for i in body.get("items", [])}
    for code, value, reporting in rows:
        item = k.get(code, {})
        check("rollup", f"province {prov} {p} {code}: kiemdem {item.get('value')} SQL {value}",
              close(item.get("value"), value))
        check("rollup", f"province {prov} {p} {code}: reporting kiemdem {item.get('reporting')} SQL {reporting}",
              item.get("reporting") == reporting)

# (3) ranking the communes of a province on one indicator
for prov, (p, m0, m1), c in sample([(v, p, c) for v in provinces for p in all_periods for c in sorted(used)], n):
    y = int(p[:4])
    status, body, k_ms = get(f"/compare?unit={prov}&period={urllib.parse.quote(p)}&indicator={c}")
    rows, s_ms = sql(SQL_COMPARE, u=prov, c=c, **month_range(m0, m1, y))
    record("3 ranking the communes of a province", k_ms, s_ms)
    if status != 200:
        mismatches.append(f"compare {prov} {p} {c}: HTTP {status} {body}")
        continue
    k = {i["unit"]["id"]: i.get("actual") for i in body.get("items", [])}
    for unit, actual, _t, _pct in rows:
        check("compare", f"{prov} {p} {c} unit {unit}: kiemdem {k.get(unit)} SQL {actual}", close(k.get(unit), actual))

# (4) the national roll-up of one indicator
fallback = False
for (p, m0, m1), c in sample([(p, c) for p in all_periods for c in rolled], n):
    y = int(p[:4])
    q = f"period={urllib.parse.quote(p)}&indicator={c}"
    status, body, k_ms = get(f"/rollup?{q}")
    k_prov = {}
    if status == 400:  # no national roll-up yet: one request per province
        fallback = True
        k_ms = 0
        for prov in provinces:
            st, b, ms = get(f"/rollup?unit={prov}&{q}")
            k_ms += ms
            if st == 200:
                k_prov[prov] = next((i for i in b.get("items", []) if i["indicator"]["code"] == c), {})
    elif status == 200:
        k_prov[None] = next((i for i in body.get("items", []) if i["indicator"]["code"] == c), {})
    else:
        mismatches.append(f"national {p} {c}: HTTP {status} {body}")
    rows, s_ms = sql(SQL_NATIONAL, c=c, **month_range(m0, m1, y))
    record("4 national roll-up of one indicator", k_ms, s_ms)
    # The country's units are its provinces: it counts provinces reporting,
    # as a province counts its communes (core RollUpChildren).
    provinces_reporting = sum(1 for prov, _, _ in rows if prov is not None)
    rows = [(prov, value, provinces_reporting if prov is None else reporting) for prov, value, reporting in rows]
    for prov, value, reporting in rows:
        if prov in k_prov:
            item = k_prov[prov]
            check("national", f"{p} {c} province {prov}: kiemdem {item.get('value')} SQL {value}",
                  close(item.get("value"), value))
            check("national", f"{p} {c} province {prov}: reporting kiemdem {item.get('reporting')} SQL {reporting}",
                  item.get("reporting") == reporting)
if fallback:
    notes.append(f"(4) GET /rollup?period=P&indicator=C answered 400: timed as {len(provinces)} province requests")


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


print(f"  {'question (cold, every request different)':<40} {'n':>4} {'kiemdem p50':>12} {'p90':>9} "
      f"{'PG p50':>9} {'p90':>9} {'ratio p50':>10}")
summary = {}
for q, (k, s) in timings.items():
    k50, k90, s50, s90 = pct(k, .5), pct(k, .9), pct(s, .5), pct(s, .9)
    summary[q] = {"n": len(k), "kiemdem_ms": k, "pg_ms": s}
    ratio = k50 / s50 if s50 else float("nan")
    word = "slower" if ratio >= 1 else "faster"
    print(f"  {q:<40} {len(k):>4} {k50:>9.2f} ms {k90:>6.1f} ms {s50:>6.2f} ms {s90:>6.1f} ms "
          f"{max(ratio, 1 / ratio) if ratio == ratio else ratio:>6.1f}× {word}")
for note in notes:
    print("  " + note)

# A write, then the next read shows it: a result for a (commune, month) that has none.
gap = lite.execute(
    """SELECT u.unit_id, m.period FROM (SELECT DISTINCT unit_id FROM results) u,
       (SELECT DISTINCT period FROM results) m
       WHERE NOT EXISTS (SELECT 1 FROM results r WHERE r.unit_id = u.unit_id AND r.period = m.period) LIMIT 1""").fetchone()
code = next(c for c in sorted(used) if indicators[c][0] == "number")
if gap:
    u, period = gap
    value = 4242.0
    t = time.perf_counter()
    conn.request("POST", "/api/v1/results", body=json.dumps({"unit": u, "indicator": code, "period": period,
                                                            "value": value}),
                 headers={**auth, "Content-Type": "application/json"})
    r = conn.getresponse()
    posted = r.read()
    w_ms = (time.perf_counter() - t) * 1000
    status, body, r_ms = get(f"/evaluation?unit={u}&period={period}&include_unapproved=true")
    row = next((x for x in (body or {}).get("rows", []) if x["indicator"]["code"] == code), {})
    seen = r.status in (200, 201) and row.get("actual") == value
    print(f"  write then read: POST /results {r.status} in {w_ms:.1f} ms, next GET /evaluation {status} in "
          f"{r_ms:.1f} ms shows it: {'yes' if seen else 'NO'}" + ("" if seen else f" ({posted[:200]!r}, {row})"))
    summary["write_then_read"] = {"post_status": r.status, "visible": seen, "post_ms": w_ms, "get_ms": r_ms}
print(f"  answers compared with SQL: {sum(checked.values())} values and counts "
      f"({', '.join(f'{k} {v}' for k, v in checked.items())}), mismatches: {len(mismatches)}")
for m in mismatches[:15]:
    print("    " + m)
if len(mismatches) > 15:
    print(f"    … and {len(mismatches) - 15} more")
summary["mismatches"] = mismatches
with open(out, "w") as f:
    json.dump(summary, f)
