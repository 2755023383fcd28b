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


def login_from(w, source, username, password, raw=None):
    """POST /auth/login from the loopback address `source` (127.0.0.x): the server sees another client."""
    import http.client
    import json as _json
    host, port = w.server.base.split("//")[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60, source_address=(source, 0))
    body = raw if raw is not None else _json.dumps({"username": username, "password": password}).encode()
    try:
        conn.request("POST", "/api/v1/auth/login", body=body, headers={"Content-Type": "application/json"})
        r = conn.getresponse()
        return r.status, r.read()
    except (BrokenPipeError, ConnectionResetError):
        return None, b""
    finally:
        conn.close()


def reset_peak(w):
    with open(f"/proc/{w.server.proc.pid}/clear_refs", "w") as f:
        f.write("5")


@case
def f4_login_bodies_are_bounded_before_parsing_and_hashing(w):
    import concurrent.futures as cf
    base = rss_mib(w)
    reset_peak(w)
    deep = b"[" * (8 * 1024 * 1024 - 100)
    with cf.ThreadPoolExecutor(6) as pool:
        statuses = list(pool.map(lambda _: login_from(w, "127.0.0.4", None, None, raw=deep)[0], range(6)))
    peak = rss_mib(w, "VmHWM")
    ok("F4: six 8 MiB bodies of '[' to sign-in are refused from Content-Length (413)",
       all(st in (413, None) for st in statuses) and 413 in statuses, statuses)
    ok("F4: ...and cost no memory to speak of", peak - base < 64, (base, peak))
    status, r = login_from(w, "127.0.0.4", None, None, raw=b'{"username":' + b"[" * 65 + b"]" * 65 + b"}")
    ok("F4: a small body nested 65 deep is refused (400)", status == 400 and b"64" in r, (status, r[:200]))
    reset_peak(w)
    base = rss_mib(w)
    with cf.ThreadPoolExecutor(32) as pool:
        statuses = list(pool.map(lambda i: login_from(w, "127.0.0.5", f"khong-co-{i}", "Passw0rd-xyz!")[0], range(32)))
    peak = rss_mib(w, "VmHWM")
    cores = os.cpu_count() or 1
    print(f"     32 sign-ins at once: RSS {base:.0f} MiB, peak {peak:.0f} MiB ({cores} cores)")
    ok("F4: 32 concurrent sign-ins hash a few at a time (peak below cores x 64 MiB + 100)",
       peak - base < cores * 64 + 100, (base, peak, statuses))
    ok("F4: the server is up", w.alive())


def chunked_post(w, path, size):
    """POST `size` bytes of a JSON string to `path` in 4 KiB chunks, with no Content-Length."""
    import http.client
    host, port = w.server.base.split("//")[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    pad = b'{"username": "' + b"x" * max(0, size - 20) + b'"}'

    def chunks():
        for i in range(0, len(pad), 4096):
            yield pad[i:i + 4096]
    try:
        conn.request("POST", path, body=chunks(), encode_chunked=True,
                     headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
        r = conn.getresponse()
        return r.status
    except (BrokenPipeError, ConnectionResetError):
        return None
    finally:
        conn.close()


@case
def f4_chunked_bodies_are_counted_while_they_are_read(w):
    # No Content-Length to refuse up front: the limit of the route is applied as the chunks arrive.
    status = chunked_post(w, "/api/v1/auth/login", 3 * 1024)
    ok("F4: a chunked sign-in body under 4 KiB is read (then refused for its content, 400/401)",
       status in (400, 401), status)
    status = chunked_post(w, "/api/v1/auth/login", 64 * 1024)
    ok("F4: a chunked sign-in body of 64 KiB is refused while read (413)", status in (413, None), status)
    status = chunked_post(w, "/api/v1/results", 200 * 1024)
    ok("F4: a chunked write of 200 KiB is read (then refused: not signed in, 401)", status == 401, status)
    status = chunked_post(w, "/api/v1/results", 300 * 1024)
    ok("F4: a chunked write of 300 KiB passes the 256 KiB limit and is refused (413)", status in (413, None),
       status)
    ok("F4: the server is up after the chunked bodies", w.alive())


@case
def f6_failures_lock_out_only_the_client_that_made_them(w):
    victim = w.user(("reporter", w.ward_a))
    for _ in range(5):
        login_from(w, "127.0.0.2", victim.name, "nope-nope")
    status, _ = login_from(w, "127.0.0.2", victim.name, PASSWORD)
    ok("F6: after 5 failures the guessing client is held back (429)", status == 429, status)
    status, _ = login_from(w, "127.0.0.1", victim.name, PASSWORD)
    ok("F6: the owner elsewhere still signs in", status == 200, status)
    status, _ = login_from(w, "127.0.0.1", "admin", w.server.password)
    ok("F6: admin signs in", status == 200, status)
    statuses = [login_from(w, "127.0.0.3", f"ten{i}", "Passw0rd-xyz!")[0] for i in range(21)]
    ok("F6: spraying 21 user names from one address is held back after 20", statuses[:20] == [401] * 20
       and statuses[20] == 429, statuses)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@case
def f10_idle_connections_beyond_the_descriptors_neither_spin_nor_shut_others_out(w):
    import resource
    import socket
    import time

    if os.environ.get("KIEMDEM_SANITIZED"):
        # Out of descriptors, the sanitizers' own runtime fails: UBSan's check of a virtual call
        # opens a pipe to probe memory, cannot, and reports a valid object as "invalid vptr".
        # This case runs in the release build (`make test`).
        print("skip F10 under the sanitizers: their runtime needs file descriptors")
        return

    def limit_fds():
        resource.setrlimit(resource.RLIMIT_NOFILE, (128, 128))

    with tempfile.TemporaryDirectory() as d:
        small = Server(kiemdem, os.path.join(d, "fds.db"), demo=False, preexec=limit_fds)
        try:
            host, port = small.base.split("//")[1].split(":")
            idle = []
            for _ in range(140):
                try:
                    idle.append(socket.create_connection((host, int(port)), timeout=5))
                except OSError:
                    break
            time.sleep(1)
            start = cpu_seconds(small.proc.pid)
            time.sleep(3)
            used = cpu_seconds(small.proc.pid) - start
            ok("F10: 140 idle connections on 128 descriptors cost no CPU to speak of", used < 0.5, used)
            t = time.time()
            try:
                with urllib.request.urlopen(small.base + "/healthz", timeout=10) as r:
                    served = r.status == 200
            except OSError as e:
                served = e
            ok("F10: a new request is served meanwhile", served is True, (served, time.time() - t))
            for s in idle:
                s.close()
            ok("F10: the server is up afterwards", small.proc.poll() is None)
        finally:
            small.stop()


def raw_get(base, path, headers=None):
    import http.client
    host, port = base.split("//")[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        r = conn.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        conn.close()


@case
def f18_secure_cookies_and_hsts_come_from_configuration_not_a_header(w):
    c = Client(w.server)
    status, _ = c.call("POST", "/api/v1/auth/login", {"username": "admin", "password": w.server.password},
                       headers={"X-Forwarded-Proto": "https"})
    ok("F18: X-Forwarded-Proto from a client does not make the cookie Secure (no --public-url)",
       status == 200 and "Secure" not in c.set_cookie, c.set_cookie)
    _, h, _ = raw_get(w.server.base, "/")
    ok("F18: the web app may not be framed; no referrer leaves the site; no HSTS over http",
       "frame-ancestors 'none'" in h.get("Content-Security-Policy", "") and h.get("X-Frame-Options") == "DENY"
       and h.get("Referrer-Policy") == "same-origin" and "Strict-Transport-Security" not in h, h)
    _, h, _ = raw_get(w.server.base, "/api/v1/openapi.json")
    ok("F18: API answers carry nosniff and a CSP too", h.get("X-Content-Type-Options") == "nosniff"
       and "frame-ancestors 'none'" in h.get("Content-Security-Policy", ""), h)
    with tempfile.TemporaryDirectory() as d:
        https = Server(kiemdem, os.path.join(d, "https.db"), demo=False,
                       args=["--public-url", "https://kiemdem.example.vn", "--trusted-proxy", "127.0.0.1"])
        try:
            c = Client(https)
            status, _ = c.call("POST", "/api/v1/auth/login", {"username": "admin", "password": https.password})
            ok("F18: with --public-url https://... the cookie is Secure", status == 200 and "Secure" in c.set_cookie,
               c.set_cookie)
            _, h, _ = raw_get(https.base, "/healthz")
            ok("F18: ...and answers carry HSTS", h.get("Strict-Transport-Security", "").startswith("max-age="), h)
            # Behind the trusted proxy, sign-in limits count the clients it names, not the proxy.
            guesser = {"X-Forwarded-For": "203.0.113.9, 10.0.0.66"}
            statuses = [Client(https).call("POST", "/api/v1/auth/login", {"username": "admin", "password": "sai-mat-khau"},
                                           headers=guesser)[0] for _ in range(6)]
            ok("F6: behind a trusted proxy the guessing client is held back", statuses[-1] == 429, statuses)
            status, _ = Client(https).call("POST", "/api/v1/auth/login", {"username": "admin", "password": https.password},
                                           headers={"X-Forwarded-For": "10.0.0.7"})
            ok("F6: ...and admin signs in from another client through the same proxy", status == 200, status)
        finally:
            https.stop()


@case
def f20_directories_and_nul_bytes_are_not_served_as_empty_files(w):
    for path in ("/assets", "/assets/", "/%00", "/index.html%00.js", "/..%2f..%2fetc%2fpasswd"):
        status, h, body = raw_get(w.server.base, path)
        ok(f"F20: GET {path} answers the app's page, not an empty 200", status == 200 and len(body) > 0
           and b"root:" not in body, (status, len(body)))


def wait_for_log(w, since, needle, seconds=20):
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
