#!/usr/bin/env python3
"""The API against a running server, on SQLite and (when KIEMDEM_TEST_PG_URL is set) PostgreSQL:
the workflow, the unit scope under attack, CSRF, hostile input, and every response
checked against /api/v1/openapi.json.

usage: api_test.py KIEMDEM"""
import datetime
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from openapi_check import SchemaError, check, response_schema  # noqa: E402
from server import Client, Server  # noqa: E402

kiemdem = sys.argv[1]
failures = []


def ok(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name + (f": {detail}" if detail and not cond else ""))
    if not cond:
        failures.append(name)


def run_suite(backend, db):
    print(f"--- {backend}")
    server = Server(kiemdem, db)
    try:
        suite(server, db)
    finally:
        server.stop()


def cli(*args):
    import subprocess
    return subprocess.run([kiemdem, "--lang", "en", *args], capture_output=True, text=True)


def suite(server, db):
    status, doc = Client(server).call("GET", "/api/v1/openapi.json")
    ok("openapi.json is served", status == 200 and doc.get("openapi", "").startswith("3."))

    def api(client, method, path, body=None, **kw):
        status, payload = client.call(method, "/api/v1" + path, body, **kw)
        if isinstance(payload, (dict, list)):
            try:
                check(payload, response_schema(doc, method, path, status), doc)
            except SchemaError as e:
                if status == 404 and "not in the OpenAPI document" in str(e):
                    check(payload, doc["components"]["schemas"]["Error"], doc)  # unknown addresses answer the same error
                else:
                    ok(f"{method} {path} {status} matches the OpenAPI document", False, str(e))
        return status, payload

    anon = Client(server)
    status, body = api(anon, "GET", "/units")
    ok("anonymous is refused with 401 and an error object", status == 401 and body["error"]["code"] == "unauthenticated", body)

    admin = Client(server)
    status, body = api(admin, "POST", "/auth/login", {"username": "admin", "password": server.password})
    ok("admin signs in", status == 200, body)
    admin.csrf = body.get("csrf_token")
    ok("session cookie is HttpOnly and SameSite=Strict",
       "HttpOnly" in admin.set_cookie and "SameSite=Strict" in admin.set_cookie, admin.set_cookie)

    def unit(q, code, on=None):
        status, body = api(admin, "GET", f"/units?q={q}" + (f"&on={on}" if on else ""))
        return next(u["id"] for u in body["items"] if u["code"] == code)

    status, body = api(admin, "GET", "/units?q=quang%20hung&on=01/01/2020")
    ok("search without diacritics finds Quảng Hưng", any(u["full_name"] == "Phường Quảng Hưng" for u in body["items"]), body)
    long_bien, bo_de = unit("long%20bien", "00145"), unit("bo%20de", "00118")
    ha_noi = unit("ha%20noi", "01")
    status, body = api(admin, "GET", f"/units?parent={ha_noi}&page_size=2")
    ok("children of Hà Nội, paginated", status == 200 and len(body["items"]) == 2 and body["total"] > 100, body)

    users = {"lb.reporter": [{"role": "reporter", "unit": long_bien}],
             "bd.reporter": [{"role": "reporter", "unit": bo_de}],
             "hn.approver": [{"role": "approver", "unit": ha_noi}],
             "lb.viewer": [{"role": "viewer", "unit": long_bien}]}
    for name, roles in users.items():
        status, body = api(admin, "POST", "/users", {"username": name, "password": "mật khẩu " + name, "roles": roles})
        ok(f"admin creates {name}", status == 201, body)
    clients = {}
    for name in users:
        clients[name] = Client(server)
        clients[name].login(name, "mật khẩu " + name)
    rep, other, appr, viewer = (clients[n] for n in users)

    # The workflow: enter, submit, approve (not one's own), reopen with a reason.
    status, r = api(rep, "POST", "/results", {"unit": long_bien, "indicator": "THU_NSNN", "period": "2026-10", "value": 2317.8e6})
    ok("reporter enters a result for its ward", status == 201 and r["status"] == "draft", r)
    rid = r["id"]
    status, r = api(rep, "POST", f"/results/{rid}/submit")
    ok("reporter submits", status == 200 and r["status"] == "submitted", r)
    status, r = api(rep, "POST", f"/results/{rid}/approve", {"version": 1})
    ok("reporter cannot approve its own result", status == 403, r)
    status, r = api(appr, "POST", f"/results/{rid}/approve", {})
    ok("approving names the version reviewed", status == 400 and r["error"]["field"] == "version", r)
    status, r = api(appr, "POST", f"/results/{rid}/approve", {"version": 1})
    ok("the city approver approves", status == 200 and r["status"] == "approved", r)
    status, r = api(rep, "POST", "/results", {"unit": long_bien, "indicator": "THU_NSNN", "period": "2026-10", "value": 1})
    ok("an approved figure is locked (409)", status == 409 and r["error"]["field"] == "status", r)
    status, r = api(appr, "POST", f"/results/{rid}/reopen", {"version": 1, "reason": "Sai số liệu tháng 10"})
    ok("approver reopens with a reason", status == 200 and r["status"] == "draft", r)
    status, h = api(rep, "GET", f"/results/{rid}/history")
    ok("history keeps the approved value and every event",
       status == 200 and h["versions"][-1]["value"] == 2317.8e6 and [e["action"] for e in h["events"]] ==
       ["create", "submit", "approve", "reopen"], h)

    # Import a spreadsheet: preview every problem, store nothing; then store it whole.
    import base64

    def sheet(rows):
        text = "BÁO CÁO KẾT QUẢ THÁNG 7/2026\nMã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị\n" + "\n".join(rows) + "\n"
        return base64.b64encode(text.encode()).decode()

    status, before = api(admin, "GET", f"/results?unit={long_bien}&page_size=1")
    bad = sheet(['00145,THU_NS_XA,2026-07,"1.250,5"', "00145,CHI_NS,2026-07,mười tỷ", "00118,THU_NS_XA,2026-07,7"])
    status, r = api(rep, "POST", "/imports/results", {"file_name": "thang7.csv", "content_base64": bad, "check_only": True})
    where = {(p["row"], (p["column"] or "")[:1]) for p in r.get("problems", [])}
    ok("an import preview lists each problem by row and column (422)",
       status == 422 and (4, "D") in where and (5, "A") in where and r["stored"] == 0, r)
    ok("including a row for a unit outside the reporter's scope",
       any(p["row"] == 5 and "quyền" in p["message"] or "may not" in p["message"] for p in r["problems"]), r)
    status, r = api(rep, "POST", "/imports/results", {"file_name": "thang7.csv", "content_base64": bad})
    status2, after = api(admin, "GET", f"/results?unit={long_bien}&page_size=1")
    ok("a file with problems is not stored, not even its good rows", status == 422 and after["total"] == before["total"], r)
    good = sheet(['00145,THU_NS_XA,2026-07,"1.250,5"', "00145,CHI_NS,2026-07,980"])
    status, r = api(rep, "POST", "/imports/results", {"file_name": "thang7.csv", "content_base64": good, "check_only": True})
    status2, after = api(admin, "GET", f"/results?unit={long_bien}&page_size=1")
    ok("a clean preview stores nothing", status == 200 and r["rows"] == 2 and r["stored"] == 0 and after["total"] == before["total"], r)
    status, r = api(rep, "POST", "/imports/results", {"file_name": "thang7.csv", "content_base64": good})
    status2, after = api(admin, "GET", f"/results?unit={long_bien}&page_size=1")
    ok("then the file is stored whole", status == 200 and r["stored"] == 2 and after["total"] == before["total"] + 2, r)
    status, r = api(rep, "POST", "/imports/results", {"file_name": "thang7.xlsx", "content_base64": base64.b64encode(b"PK\x03\x04broken").decode()})
    ok("a broken .xlsx is refused with a message about the file", status == 400 and r["error"]["field"] == "file_name", r)
    status, r = api(rep, "POST", "/imports/results", {"file_name": "thang7.csv", "content_base64": "%%%"})
    ok("content that is not base64 is refused", status == 400 and r["error"]["field"] == "content_base64", r)

    # Attacks on the scope: each refused, nothing changed.
    status, before = api(admin, "GET", f"/results?unit={bo_de}")
    status, r = api(other, "POST", "/results", {"unit": bo_de, "indicator": "THU_NSNN", "period": "2026-10", "value": 5})
    ok("Bồ Đề reporter enters its own draft", status == 201, r)
    status, r = api(rep, "GET", f"/results?unit={bo_de}")
    ok("a ward reporter cannot read another ward's drafts", status == 403 and r["error"]["code"] == "permission_denied", r)
    status, r = api(rep, "GET", f"/results/{before['total'] + rid + 1}")
    status, r = api(rep, "POST", "/results", {"unit": bo_de, "indicator": "THU_NSNN", "period": "2026-10", "value": 9})
    ok("nor write another ward's results", status == 403, r)
    status, r = api(viewer, "POST", "/results", {"unit": long_bien, "indicator": "THU_NSNN", "period": "2026-09", "value": 9})
    ok("a viewer cannot write", status == 403, r)
    status, r = api(rep, "PUT", "/users/lb.reporter/roles", {"roles": [{"role": "admin"}]})
    ok("a reporter cannot escalate its role", status == 403, r)
    status, r = api(rep, "POST", "/users", {"username": "evil", "password": "12345678", "roles": [{"role": "admin"}]})
    ok("nor create users", status == 403, r)
    status, r = api(appr, "POST", "/results", {"unit": ha_noi, "indicator": "THU_NSNN", "period": "2026-10", "value": 1})
    status, after = api(admin, "GET", f"/results?unit={bo_de}")
    ok("Bồ Đề holds only its own draft", after["total"] == before["total"] + 1 and after["items"][-1]["value"] == 5, after)
    status, me = api(rep, "GET", "/auth/me")
    ok("and the reporter is still a reporter", me["user"]["roles"] == [{"role": "reporter", "unit": long_bien}], me)

    # CSRF: a cookie-authenticated write without the token, or with a forged one.
    status, r = api(rep, "POST", "/results", {"unit": long_bien, "indicator": "THU_NSNN", "period": "2026-08", "value": 1}, csrf=False)
    ok("a write without X-CSRF-Token is refused", status == 403 and "CSRF" in r["error"]["message"], r)
    status, r = api(rep, "POST", "/results", {"unit": long_bien, "indicator": "THU_NSNN", "period": "2026-08", "value": 1},
                    csrf=False, headers={"X-CSRF-Token": "0" * 32})
    ok("a forged CSRF token is refused", status == 403, r)
    status, r = api(rep, "GET", f"/results?unit={long_bien}&period=2026-08")
    ok("and nothing was stored", r["total"] == 0, r)
    status, r = api(rep, "POST", "/results", raw=b"unit=1&value=2", content_type="application/x-www-form-urlencoded")
    ok("a form post (the cross-site kind) is refused", status == 415, r)

    # Hostile and malformed input.
    status, r = api(rep, "GET", "/units?q=%27%20OR%201%3D1%20--")
    ok("SQL metacharacters in a search are just text", status == 200 and r["total"] == 0, r)
    status, r = api(rep, "POST", "/results", {"unit": long_bien, "indicator": "X'; DROP TABLE results; --", "period": "2026-10", "value": 1})
    ok("SQL metacharacters in a code are just an unknown indicator", status == 404 and r["error"]["field"] == "indicator", r)
    status, r = api(rep, "GET", f"/results?unit={long_bien}")
    ok("the results table is still there", status == 200 and r["total"] >= 1, r)
    status, r = api(rep, "POST", "/results", {"unit": long_bien, "indicator": "THU_NSNN", "period": "2026-10", "value": "2.317,8"})
    ok("a value of the wrong type names the field", status == 400 and r["error"]["field"] == "value", r)
    status, r = api(rep, "POST", "/results", raw=b'{"unit": ')
    ok("broken JSON is a 400", status == 400 and r["error"]["field"] == "body", r)
    status, r = api(rep, "POST", "/results", raw=b"\xff\xfe{}")
    ok("broken UTF-8 is a 400", status == 400, r)
    status, r = api(rep, "POST", "/documents", raw=b'{"unit": 1, "text": "' + b"a" * (9 << 20) + b'"}')
    ok("an oversized body is a 413 with an error object", status == 413 and r["error"]["code"] == "resource_exhausted", r)
    status, r = api(rep, "POST", "/results", {"unit": long_bien, "indicator": "THU_NSNN", "period": "2026-13", "value": 1})
    ok("a bad period names the field", status == 400 and r["error"]["field"] == "period", r)
    status, r = api(rep, "GET", "/nothing-here")
    ok("an unknown address is a 404 error object", status == 404 and "error" in r, r)
    en = Client(server, lang="en")
    en.cookie, en.csrf = rep.cookie, rep.csrf
    status, r = api(en, "GET", f"/results?unit={bo_de}")
    ok("messages follow Accept-Language", status == 403 and r["error"]["message"].startswith("you may not"), r)
    status, r = api(rep, "GET", f"/results?unit={bo_de}")
    ok("Vietnamese by default", "bạn không có quyền" in r["error"]["message"], r)

    # Evaluation, roll-up, comparison and trend.
    quang_trung = unit("quang%20trung", "06817", "01/01/2016")
    status, e = api(admin, "GET", f"/evaluation?unit={quang_trung}&period=2016")
    ok("evaluation of a demo ward", status == 200 and "chỉ tiêu đạt và vượt kế hoạch" in e["summary"]["text"], e.get("summary"))
    status, e = api(admin, "GET", f"/evaluation?unit={quang_trung}&period=2016")
    status, r = api(admin, "GET", f"/rollup?unit={ha_noi}&period=2026-10")
    ok("roll-up of Hà Nội counts the reporting units", status == 200 and any(i["reporting"] >= 1 for i in r["items"]), r)
    status, r = api(admin, "GET", f"/compare?unit={ha_noi}&period=2026-10&indicator=THU_NSNN")
    ok("the wards of Hà Nội side by side", status == 200 and len(r["items"]) > 100, len(r.get("items", [])))
    status, r = api(rep, "GET", f"/evaluation?unit={bo_de}&period=2026")
    ok("a ward reporter cannot see another ward's evaluation", status == 403, r)
    status, r = api(admin, "GET", f"/trend?unit={long_bien}&indicator=THU_NSNN&from=2025&to=2026")
    ok("trend lists the stored periods", status == 200 and r["items"][-1]["period"] == "2026-10", r)

    # Reading a report: facts with spans, suggested indicators, confirmed as drafts with provenance.
    text = ("Năm 2026, thu ngân sách phường đạt trên 45 tỷ đồng, bằng 115% so với cùng kỳ. "
            "Tỷ lệ hộ nghèo giảm còn 1,5%.")
    status, d = api(rep, "POST", "/documents", {"unit": long_bien, "title": "Báo cáo năm 2026", "text": text})
    ok("a posted report gives facts", status == 201 and len(d["facts"]["measures"]) >= 1, d)
    m = d["facts"]["measures"][0]
    ok("a fact has its span and text", text.encode()[m["span"][0]:m["span"][1]].decode() == m["text"], m)
    ok("and a suggested indicator", any(s["indicator"].startswith("THU_N") for s in m["suggestions"]), m["suggestions"])
    status, c = api(rep, "POST", f"/documents/{d['document']['id']}/confirm",
                    {"facts": [{"measure": 0, "indicator": "THU_NS_XA", "period": "2026"}]})
    ok("confirmed facts become draft results linked to their span",
       status == 201 and c["results"][0]["provenance"]["kind"] == "document" and c["results"][0]["status"] == "draft", c)
    status, c = api(other, "POST", f"/documents/{d['document']['id']}/confirm", {"facts": [{"measure": 0, "indicator": "THU_NS_XA"}]})
    ok("another ward cannot confirm this report", status == 403, c)
    # The document's date is its text's reference date: it gives the year of "trước ngày 28-10".
    letter = ("Phường làm việc với đoàn công tác\n\nBáo cáo của phường.\n\nKết luận, đồng chí Chủ tịch UBND quận "
              "đề nghị phường báo cáo kết quả trước ngày 28-10.")
    status, d = api(rep, "POST", "/documents", {"unit": long_bien, "text": letter, "issued": "15/08/2019"})
    ok("the document's date gives the year of a deadline",
       status == 201 and [x["deadline"] for x in d["facts"]["directives"]] == ["2019-10-28"], d.get("facts"))
    status, g = api(rep, "GET", f"/documents/{d['document']['id']}")
    ok("and so it does when the document is read again",
       status == 200 and [x["deadline"] for x in g["facts"]["directives"]] == ["2019-10-28"], g.get("facts"))
    status, d = api(rep, "POST", "/documents", {"unit": long_bien, "text": letter})
    ok("without a date, today gives it",
       status == 201 and d["facts"]["directives"][0]["deadline"][:4] in (str(datetime.date.today().year),
                                                                         str(datetime.date.today().year + 1)), d.get("facts"))

    # Working sessions and directives, followed to done.
    today = datetime.date.today()
    deadline = today + datetime.timedelta(days=1)
    status, mt = api(appr, "POST", "/meetings", {
        "unit": long_bien, "held_on": today.isoformat(), "host": "Thường trực Thành ủy", "chair": "đồng chí Bí thư",
        "attendees": ["Đảng ủy phường Long Biên"], "conclusions": "Tập trung thu ngân sách",
        "directives": [{"text": "Báo cáo Chủ tịch UBND thành phố trước hạn", "assignee": {"kind": "body", "name": "UBND phường Long Biên"},
                        "deadline": deadline.isoformat(), "indicator": "THU_NSNN"}]})
    ok("approver records a working session with a directive", status == 201 and len(mt["directives"]) == 1, mt)
    did = mt["directives"][0]["id"]
    # F9: a session with a bad directive is refused whole; nothing is stored, so a retry makes no duplicate.
    status, before = api(appr, "GET", f"/meetings?unit={long_bien}")
    status, r = api(appr, "POST", "/meetings", {
        "unit": long_bien, "held_on": today.isoformat(), "host": "UBND phường",
        "directives": [{"text": "ok", "assignee": "x"}, {"text": "bad", "assignee": "y", "indicator": "NOPE"}]})
    ok("a session whose second directive names an unknown indicator is refused",
       status == 404 and r["error"]["field"] == "indicator", r)
    status, after = api(appr, "GET", f"/meetings?unit={long_bien}")
    ok("and neither the session nor its first directive is stored", after["total"] == before["total"], after)
    status, r = api(rep, "POST", "/meetings", {"unit": long_bien, "held_on": today.isoformat(), "host": "x"})
    ok("a reporter cannot record working sessions", status == 403, r)
    status, r = api(rep, "GET", "/directives")
    ok("the ward sees its directive in progress", status == 200 and r["items"][0]["state"] == "in_progress", r)
    later = (deadline + datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    status, r = api(rep, "GET", f"/directives?on={later}")
    ok("and overdue once its deadline has passed", r["items"][0]["state"] == "overdue" and r["counts"] == {"overdue": 1}, r)
    status, r = api(other, "GET", "/directives")
    ok("another ward does not see it", r["total"] == 0, r)
    status, r = api(appr, "GET", f"/directives/overdue?on={later}")
    ok("overdue lists per assignee and per issuing body",
       r["by_assignee"][0]["name"] == "UBND phường Long Biên" and r["by_issuer"][0]["overdue"] == 1, r)
    status, r = api(rep, "POST", f"/directives/{did}/progress", {"note": "Đã rà soát", "on": today.isoformat()})
    ok("the ward adds a progress note", status == 201 and r["progress"][0]["note"] == "Đã rà soát", r)
    status, r = api(rep, "POST", f"/directives/{did}/progress",
                    {"note": "Đã báo cáo", "completes": True, "on": (deadline + datetime.timedelta(days=2)).isoformat(),
                     "evidence_result": rid})
    ok("and completes it (two days after its deadline)", status == 201 and r["completed_on"] is not None, r)
    after_done = (deadline + datetime.timedelta(days=3)).strftime("%d/%m/%Y")
    status, r = api(rep, "GET", f"/directives/{did}?on={after_done}")
    ok("which is done late", r["state"] == "done_late" and r["state_label"] == "Hoàn thành quá hạn", r)
    status, r = api(rep, "PATCH", f"/directives/{did}", {"deadline": "2030-01-01"})
    ok("a reporter cannot move the deadline", status == 403, r)
    status, r = api(appr, "PATCH", f"/directives/{did}", {"unit": bo_de})
    status, r2 = api(other, "PATCH", f"/directives/{did}", {"unit": bo_de})
    ok("a directive cannot be moved to a unit outside the caller's scope", r2 is not None and status in (200, 403), r)
    status, r = api(appr, "GET", f"/directives/{did}")
    ok("its history is kept", [h["action"] for h in r["history"]][:3] == ["create", "progress", "complete"], r)

    # Accounts from the command line, used at once by the running server.
    r = cli("user", "add", "cli.viewer", "--password", "mật khẩu dài", "--display", "Cán bộ xem", "--db", db)
    ok("kiemdem user add", r.returncode == 0, r.stderr)
    r = cli("user", "role", "cli.viewer", "viewer", "--unit", "00145", "--db", db)
    ok("kiemdem user role", r.returncode == 0, r.stderr)
    r = cli("user", "role", "cli.viewer", "owner", "--db", db)
    ok("an unknown role is refused", r.returncode == 1 and "is not a role" in r.stderr, r.stderr)
    c = Client(server)
    status, body = c.login("cli.viewer", "mật khẩu dài")
    ok("the new user signs in with its role", status == 200 and body["user"]["roles"] == [{"role": "viewer", "unit": long_bien}], body)
    r = cli("user", "passwd", "cli.viewer", "--password", "mật khẩu mới", "--db", db)
    ok("kiemdem user passwd", r.returncode == 0, r.stderr)
    ok("the old password no longer works", c.login("cli.viewer", "mật khẩu dài")[0] == 401)
    ok("the new one does", c.login("cli.viewer", "mật khẩu mới")[0] == 200)
    r = cli("user", "list", "--db", db)
    ok("kiemdem user list shows roles by unit code", "cli.viewer" in r.stdout and "viewer@00145" in r.stdout, r.stdout)

    # Units imported from the command line: the running server reloads its tree, no restart.
    import time
    groups = os.path.join(os.path.dirname(db) if "://" not in db else tempfile.gettempdir(), f"to-dan-pho-{os.getpid()}.csv")
    with open(groups, "w", encoding="utf-8") as f:
        f.write("Mã ĐVHC,Tên,Tên đầy đủ,Loại,Mã cấp trên,Hiệu lực từ ngày,Đến ngày\n"
                "0014599,Tổ 99,Tổ dân phố 99,Tổ dân phố,00145,01/07/2025,\n")
    r = cli("import", "units", groups, "--db", db)
    os.remove(groups)
    ok("kiemdem import units while the server runs", r.returncode == 0, r.stderr)
    seen = False
    for _ in range(30):
        status, body = api(admin, "GET", f"/units?parent={long_bien}&page_size=200")
        if any(u["code"] == "0014599" for u in body.get("items", [])):
            seen = True
            break
        time.sleep(0.1)
    ok("the server sees the new unit within seconds", seen, body)
    if seen:
        group = next(u["id"] for u in body["items"] if u["code"] == "0014599")
        status, r = api(rep, "POST", "/results", {"unit": group, "indicator": "THU_NS_XA", "period": "2026-10", "value": 3})
        ok("and the ward's reporter may enter figures for it", status == 201, r)

    # F12: an approval pins the version the approver read.
    status, r = api(rep, "POST", "/results", {"unit": long_bien, "indicator": "THU_NSNN", "period": "2026-08", "value": 5})
    pinned = r["id"]
    api(rep, "POST", f"/results/{pinned}/submit")
    status, seen = api(appr, "GET", f"/results/{pinned}")
    api(rep, "POST", "/results", {"unit": long_bien, "indicator": "THU_NSNN", "period": "2026-08", "value": 500})
    api(rep, "POST", f"/results/{pinned}/submit")
    status, r = api(appr, "POST", f"/results/{pinned}/approve", {"version": seen["version"]})
    ok("a figure changed after the approver read it is not approved (409)",
       status == 409 and r["error"]["field"] == "version", r)
    status, r = api(appr, "GET", f"/results/{pinned}")
    ok("and stays submitted at 500", r["status"] == "submitted" and r["value"] == 500, r)
    status, r = api(appr, "POST", f"/results/{pinned}/approve", {"version": r["version"]})
    ok("the version read again is approved", status == 200 and r["status"] == "approved" and r["value"] == 500, r)

    # F9: replacing roles with an unknown unit keeps the old ones.
    status, r = api(admin, "PUT", "/users/bd.reporter/roles", {"roles": [{"role": "approver", "unit": 99999999}]})
    ok("roles naming an unknown unit are refused", status == 404 and r["error"]["field"] == "roles", r)
    status, r = api(admin, "GET", "/users?page_size=100")
    kept = next(u for u in r["items"] if u["username"] == "bd.reporter")["roles"]
    ok("and the user keeps the roles they had", kept == [{"role": "reporter", "unit": bo_de}], kept)

    # API tokens (no CSRF), logout, and the login limiter.
    status, t = api(rep, "POST", "/auth/tokens", {"label": "đồng bộ"})
    ok("an API token is issued once", status == 201 and len(t["token"]) == 64, t)
    machine = Client(server)
    machine.token = t["token"]
    status, r = api(machine, "POST", "/results", {"unit": long_bien, "indicator": "THU_NSNN", "period": "2026-09", "value": 7})
    ok("a machine client writes with its token and no CSRF", status == 201, r)
    machine.token = "f" * 64
    status, r = api(machine, "GET", "/units")
    ok("a wrong token is a 401", status == 401, r)
    status, r = api(viewer, "POST", "/auth/logout")
    ok("logout", status == 200, r)
    status, r = api(viewer, "GET", "/units")
    ok("and the session is over", status == 401, r)
    for i in range(5):
        Client(server).login("lb.viewer", "wrong password")
    status, r = Client(server).login("lb.viewer", "mật khẩu lb.viewer")
    ok("sign-in is rate-limited after 5 failures", status == 429, r)


with tempfile.TemporaryDirectory() as d:
    run_suite("sqlite", os.path.join(d, "api.db"))
if os.environ.get("KIEMDEM_TEST_PG_URL"):
    run_suite("postgresql", os.environ["KIEMDEM_TEST_PG_URL"])
elif os.environ.get("KIEMDEM_REQUIRE_PG"):
    failures.append("PostgreSQL was required")

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
