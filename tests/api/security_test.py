#!/usr/bin/env python3
"""The findings of ../shared/reviews/security.md (F1-F21), each replayed against a running
server as its review reproduced it, on SQLite and (when KIEMDEM_TEST_PG_URL is set)
PostgreSQL. Each case is independent: it signs in its own users and makes its own data.

usage: security_test.py KIEMDEM [CASE...]"""
import os
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import payloads  # noqa: E402
from server import Client, Server  # noqa: E402

kiemdem = sys.argv[1]
only = set(sys.argv[2:])
failures = []
CASES = []
PASSWORD = "Passw0rd-xyz!"


def case(fn):
    CASES.append(fn)
    return fn


def ok(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name + (f": {str(detail)[:600]}" if detail and not cond else ""))
    if not cond:
        failures.append(name)


class World:
    """One server, its administrator, the review's units and a way to make users."""

    def __init__(self, server, db):
        self.server, self.db = server, db
        self.admin = Client(server)
        status, body = self.admin.login("admin", server.password)
        assert status == 200, body
        self.ward_a = self.unit("long%20bien", "00145")  # Phường Long Biên (the review's ward A)
        self.ward_b = self.unit("bo%20de", "00118")      # Phường Bồ Đề (ward B)
        self.city = self.unit("ha%20noi", "01")          # Thành phố Hà Nội, above both
        self.made = 0

    def api(self, client, method, path, body=None, **kw):
        return client.call(method, "/api/v1" + path, body, **kw)

    def unit(self, q, code):
        status, body = self.api(self.admin, "GET", f"/units?q={q}&page_size=100")
        return next(u["id"] for u in body["items"] if u["code"] == code)

    def user(self, *roles, password=PASSWORD):
        """A new user with `roles` ((role, unit id or None), ...), signed in."""
        self.made += 1
        name = f"u{self.made}.{os.getpid()}"
        grants = [{"role": r, "unit": u} if u else {"role": r} for r, u in roles]
        status, body = self.api(self.admin, "POST", "/users", {"username": name, "password": password, "roles": grants})
        assert status == 201, body
        c = Client(self.server)
        status, body = c.login(name, password)
        assert status == 200, body
        c.name = name
        return c

    def alive(self):
        try:
            with urllib.request.urlopen(self.server.base + "/healthz", timeout=10) as r:
                return r.status == 200
        except OSError:
            return False


@case
def f1_import_refuses_a_user_who_may_enter_nowhere(w):
    noroles, viewer = w.user(), w.user(("viewer", w.ward_a))
    for who, c in (("a user with no role", noroles), ("a viewer", viewer)):
        status, r = w.api(c, "POST", "/imports/results", payloads.import_body("crash.xlsx", payloads.crash()))
        ok(f"F1: {who} may not import (403 before the file is read)",
           status == 403 and r["error"]["code"] == "permission_denied" and "bất kỳ đơn vị nào" in r["error"]["message"], r)
    ok("F1: the server is still up", w.alive())


@case
def f1_cell_references_beyond_xfd_are_refused(w):
    rep = w.user(("reporter", w.ward_a))
    for name, data in (("crash.xlsx", payloads.crash()), ("heap.xlsx", payloads.heap_write())):
        for _ in range(3):
            status, r = w.api(rep, "POST", "/imports/results", payloads.import_body(name, data))
        ok(f"F1: {name} is refused naming the cell", status == 400 and "XFD" in r["error"]["message"]
           and r["error"]["field"] == "file_name", r)
        ok(f"F1: the server survives {name}", w.alive())


@case
def logger_writes_refused_requests_with_their_request_id(w):
    viewer = w.user(("viewer", w.ward_a))
    since = len(w.server.lines)
    status, r = w.api(viewer, "POST", "/results", {"unit": w.ward_a, "indicator": "THU_NSNN", "period": "2026-01", "value": 1})
    rid = viewer.last_headers.get("X-Request-Id")
    ok("log: a refused write answers 403 with its request id", status == 403 and r["error"]["request_id"] == rid and rid, r)
    line = wait_for_log(w, since, f"req={rid}")
    ok("log: the refusal is a warn line with method, path, status, duration, client and user",
       line and all(f in line for f in ("level=warn", "event=request", "method=POST", "path=/api/v1/results",
                                        "status=403", " ms=", "client=127.0.0.1", f"user={viewer.name}", "cause=")), line)
    status, r = Client(w.server).call("GET", "/api/v1/units")
    rid = r["error"]["request_id"]
    line = wait_for_log(w, since, f"req={rid}")
    ok("log: an anonymous request is a warn line too (401)", line and "status=401" in line, line)

def rss_mib(w, field="VmRSS"):
    with open(f"/proc/{w.server.proc.pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


@case
def f2_f3_bombs_leave_the_server_up_and_its_memory_where_it_was(w):
    """The review's uploads (SS-02..05, SS-10..12), as a role-holding user may send them."""
    rep = w.user(("reporter", w.ward_a))
    ok_csv = ("Mã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị\n" + "00145,THU_NS_XA,2026-07,5\n").encode()
    w.api(rep, "POST", "/imports/results", payloads.import_body("warm.csv", ok_csv))
    before = rss_mib(w)
    bombs = [("crash.xlsx", payloads.crash(), 400, "XFD"),
             ("heap.xlsx", payloads.heap_write(), 400, "XFD"),
             ("colbomb-2000.xlsx", payloads.column_bomb(2000), 413, "XFD"),
             ("lie-3g.xlsx", payloads.size_lie(3 << 30), 413, "sheet1.xml"),
             ("deflate-200m.xlsx", payloads.deflate_bomb(200), 413, "sheet1.xml"),
             ("sst.xlsx", payloads.shared_string_bomb(), 413, "MiB"),
             ("csvflood-300k.csv", payloads.csv_flood(300_000), 413, "200000"),  # beyond the row cap
             ("csvflood.csv", payloads.csv_flood(150_000), 422, None)]
    for name, data, want, words in bombs:
        status, r = w.api(rep, "POST", "/imports/results", payloads.import_body(name, data))
        msg = (r.get("error") or {}).get("message", "") if isinstance(r, dict) else ""
        ok(f"F2/F3: {name} is refused with {want}", status == want and (words is None or words in msg), (status, str(r)[:300]))
        ok(f"F2/F3: the server is up after {name}", w.alive())
        if name == "csvflood.csv":
            ok("F3: a flood of bad rows answers the first 200 problems and counts them all",
               len(r["problems"]) == 200 and r["problem_count"] == 450_000 and r["rows"] == 150_000
               and sum(c["count"] for c in r["problems_by_column"]) == 450_000
               and len(str(r)) < 100_000, {k: r.get(k) for k in ("rows", "problem_count")})
    after, peak = rss_mib(w), rss_mib(w, "VmHWM")
    print(f"     memory: {before:.0f} MiB before, {after:.0f} MiB after the bombs (peak {peak:.0f} MiB)")
    ok("F2/F3/F21: memory after the bombs is within 200 MiB of before", after - before < 200, (before, after, peak))


def wait_for_log(w, since, needle, seconds=5):
    import time
    deadline = time.time() + seconds
    while time.time() < deadline:
        for line in w.server.log(since):
            if needle in line:
                return line
        time.sleep(0.05)
    return None


def run_suite(backend, db):
    print(f"--- {backend}")
    server = Server(kiemdem, db)
    try:
        world = World(server, db)
        for fn in CASES:
            if only and fn.__name__ not in only:
                continue
            try:
                fn(world)
            except Exception as e:  # a case that throws fails, the others still run
                import traceback
                traceback.print_exc()
                ok(f"{fn.__name__} ran to its end", False, repr(e))
    finally:
        server.stop()


with tempfile.TemporaryDirectory() as d:
    run_suite("sqlite", os.path.join(d, "security.db"))
if os.environ.get("KIEMDEM_TEST_PG_URL"):
    run_suite("postgresql", os.environ["KIEMDEM_TEST_PG_URL"])
elif os.environ.get("KIEMDEM_REQUIRE_PG"):
    failures.append("PostgreSQL was required")

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
