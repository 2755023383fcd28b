#!/usr/bin/env python3
"""Copies the rows of a kiemdem SQLite file into PostgreSQL with COPY, then adds the
indexes a DBA would (../shared/reviews/performance.md), timing each step.

usage: national_load_pg.py SQLITE_DB "PG_DSN"
Only approved results are the ones the evaluation counts, but every row is copied."""
import io
import sqlite3
import sys
import time

import psycopg2

TABLES = {
    "units": "id BIGINT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, full_name TEXT NOT NULL, "
             "unit_type TEXT NOT NULL, parent_id BIGINT, valid_from TEXT, valid_to TEXT",
    "indicators": "code TEXT PRIMARY KEY, value_kind TEXT NOT NULL, direction TEXT NOT NULL, "
                  "spatial TEXT NOT NULL, time_agg TEXT NOT NULL",
    "plans": "id BIGINT PRIMARY KEY, unit_id BIGINT NOT NULL, body_kind TEXT NOT NULL, "
             "first_year INTEGER NOT NULL, last_year INTEGER NOT NULL",
    "targets": "id BIGINT PRIMARY KEY, plan_id BIGINT NOT NULL, indicator_code TEXT NOT NULL, "
               "year INTEGER NOT NULL, comparator TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, "
               "value_high DOUBLE PRECISION",
    "results": "id BIGINT NOT NULL, unit_id BIGINT NOT NULL, indicator_code TEXT NOT NULL, period TEXT NOT NULL, "
               "value DOUBLE PRECISION NOT NULL, numerator DOUBLE PRECISION, denominator DOUBLE PRECISION, "
               "status TEXT NOT NULL",
}
INDEXES = [
    "ALTER TABLE results ADD PRIMARY KEY (unit_id, indicator_code, period)",
    "CREATE INDEX results_ind_period ON results (indicator_code, period) INCLUDE (unit_id, value, numerator, denominator, status)",
    "CREATE INDEX results_unit_period ON results (unit_id, period) INCLUDE (indicator_code, value, numerator, denominator, status)",
    "CREATE INDEX units_code ON units (code, valid_from)",
    "CREATE INDEX units_parent ON units (parent_id)",
    "CREATE INDEX plans_unit ON plans (unit_id, first_year)",
    "CREATE INDEX targets_plan ON targets (plan_id, indicator_code, year)",
]


def columns(spec):
    return [c.split()[0] for c in spec.split(", ")]


def main():
    lite = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    pg = psycopg2.connect(sys.argv[2])
    cur = pg.cursor()
    total_rows = 0
    copy_secs = 0.0
    for table, spec in TABLES.items():
        cur.execute(f"DROP TABLE IF EXISTS {table}")
        cur.execute(f"CREATE UNLOGGED TABLE {table} ({spec})")
        cols = columns(spec)
        buf = io.StringIO()
        n = 0
        for row in lite.execute(f"SELECT {', '.join(cols)} FROM {table}"):
            buf.write("\t".join("\\N" if v is None else str(v) for v in row))
            buf.write("\n")
            n += 1
        buf.seek(0)
        t = time.perf_counter()
        cur.copy_expert(f"COPY {table} ({', '.join(cols)}) FROM STDIN", buf)
        pg.commit()
        secs = time.perf_counter() - t
        copy_secs += secs
        total_rows += n
        print(f"  COPY {table:<11} {n:>10,} rows {secs:8.2f} s  {n / max(secs, 1e-9):>12,.0f} rows/s")
    t_all = time.perf_counter()
    for sql in INDEXES:
        t = time.perf_counter()
        cur.execute(sql)
        pg.commit()
        print(f"  {time.perf_counter() - t:8.2f} s  {sql}")
    cur.execute("ANALYZE")
    pg.commit()
    print(f"  PostgreSQL: COPY {total_rows:,} rows in {copy_secs:.2f} s, indexes + ANALYZE {time.perf_counter() - t_all:.2f} s")


if __name__ == "__main__":
    main()
