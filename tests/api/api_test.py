"""The API against a running server, on SQLite and (under tests/integration/with-postgres.sh)
PostgreSQL: the workflow, the unit scope under attack, CSRF, hostile input, evaluation, reports,
working sessions, accounts. Every response is checked against /api/v1/openapi.json (conftest.py).

Each test makes its own users and its own data in a ward no other test writes to, so any test
runs alone:
  pytest-3 tests/api/api_test.py --kiemdem build/release/src/cli/kiemdem -k "sqlite and csrf\""""
import base64
import csv
import datetime
import io
import re
import shutil
import sqlite3
import subprocess
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
import zipfile

import pytest

from server import Client


def vn_today():
    """Today in Việt Nam (UTC+7): the day the server counts deadlines from, whatever this machine's zone."""
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7)).date()


def enter(w, client, unit, period, value, indicator="THU_NSNN"):
    status, r = w.api(client, "POST", "/results", {"unit": unit, "indicator": indicator, "period": period, "value": value})
    assert status == 201, r
    return r


def results_total(w, unit, query=""):
    status, r = w.api(w.admin, "GET", f"/results?unit={unit}&page_size=1{query}")
    assert status == 200, r
    return r["total"]


# --- Signing in and finding units


def test_openapi_json_is_served(w):
    status, doc = Client(w.server).call("GET", "/api/v1/openapi.json")
    assert status == 200 and doc.get("openapi", "").startswith("3."), doc


def test_anonymous_is_refused_with_401_and_an_error_object(w):
    status, body = w.api(Client(w.server), "GET", "/units")
    assert status == 401 and body["error"]["code"] == "unauthenticated", body


def test_admin_signs_in_with_an_httponly_strict_cookie(w):
    admin = Client(w.server)
    status, body = w.api(admin, "POST", "/auth/login", {"username": "admin", "password": w.server.password})
    assert status == 200 and body.get("csrf_token"), body
    assert "HttpOnly" in admin.set_cookie and "SameSite=Strict" in admin.set_cookie, admin.set_cookie


def test_search_without_diacritics_and_children_paginated(w):
    status, body = w.api(w.admin, "GET", "/units?q=quang%20hung&on=01/01/2020")
    assert any(u["full_name"] == "Phường Quảng Hưng" for u in body["items"]), body
    status, body = w.api(w.admin, "GET", f"/units?parent={w.city}&page_size=2")
    assert status == 200 and len(body["items"]) == 2 and body["total"] > 100, body


# --- The workflow: enter, submit, approve (not one's own), reopen with a reason


def test_workflow_enter_submit_approve_lock_reopen_history(w):
    ward, _ = w.ward()
    rep, appr = w.user(("reporter", ward)), w.user(("approver", w.city))
    r = enter(w, rep, ward, "2026-10", 2317.8e6)
    assert r["status"] == "draft", r
    rid = r["id"]
    status, r = w.api(rep, "POST", f"/results/{rid}/submit")
    assert status == 200 and r["status"] == "submitted", r
    status, r = w.api(rep, "POST", f"/results/{rid}/approve", {"version": 1})
    assert status == 403, "a reporter cannot approve its own result: %s" % r
    status, r = w.api(appr, "POST", f"/results/{rid}/approve", {})
    assert status == 400 and r["error"]["field"] == "version", "approving names the version reviewed: %s" % r
    status, r = w.api(appr, "POST", f"/results/{rid}/approve", {"version": 1})
    assert status == 200 and r["status"] == "approved", r
    status, r = w.api(rep, "POST", "/results", {"unit": ward, "indicator": "THU_NSNN", "period": "2026-10", "value": 1})
    assert status == 409 and r["error"]["field"] == "status", "an approved figure is locked: %s" % r
    status, r = w.api(appr, "POST", f"/results/{rid}/reopen", {"version": 1, "reason": "Sai số liệu tháng 10"})
    assert status == 200 and r["status"] == "draft", r
    status, h = w.api(rep, "GET", f"/results/{rid}/history")
    assert status == 200 and h["versions"][-1]["value"] == 2317.8e6, h
    assert [e["action"] for e in h["events"]] == ["create", "submit", "approve", "reopen"], h


def test_an_approval_pins_the_version_the_approver_read(w):
    ward, _ = w.ward()
    rep, appr = w.user(("reporter", ward)), w.user(("approver", w.city))
    pinned = enter(w, rep, ward, "2026-08", 5)["id"]
    w.api(rep, "POST", f"/results/{pinned}/submit")
    status, seen = w.api(appr, "GET", f"/results/{pinned}")
    enter(w, rep, ward, "2026-08", 500)
    w.api(rep, "POST", f"/results/{pinned}/submit")
    status, r = w.api(appr, "POST", f"/results/{pinned}/approve", {"version": seen["version"]})
    assert status == 409 and r["error"]["field"] == "version", "a figure changed after it was read: %s" % r
    status, r = w.api(appr, "GET", f"/results/{pinned}")
    assert r["status"] == "submitted" and r["value"] == 500, "and stays submitted at 500: %s" % r
    status, r = w.api(appr, "POST", f"/results/{pinned}/approve", {"version": r["version"]})
    assert status == 200 and r["status"] == "approved" and r["value"] == 500, "the version read again: %s" % r


# --- The approval inbox: a whole period approved or sent back at once, each figure pinned and audited


def submitted(w, client, unit, period, indicators):
    """Enters and submits one figure per indicator; their ids."""
    ids = []
    for i, indicator in enumerate(indicators):
        rid = enter(w, client, unit, period, 1000 + i, indicator)["id"]
        status, r = w.api(client, "POST", f"/results/{rid}/submit")
        assert status == 200, r
        ids.append(rid)
    return ids


def inbox_entry(w, client, code, period):
    status, r = w.api(client, "GET", "/inbox?page_size=500")
    assert status == 200, r
    return next((g for g in r["items"] if g["unit"]["code"] == code and g["period"]["key"] == period), None), r


def test_the_inbox_approves_a_period_at_once_pinned_and_audited(w):
    ward, code = w.ward()
    rep, appr = w.user(("reporter", ward)), w.user(("approver", w.city))
    a, b = submitted(w, rep, ward, "2026-09", ["THU_NSNN", "CHI_NS"])
    entry, whole = inbox_entry(w, appr, code, "2026-09")
    assert entry and entry["count"] == 2 and entry["oldest_submitted_at"], whole
    assert entry["unit"]["province"] and entry["unit"]["name"], entry
    assert whole["figures"] >= 2, whole
    # The reporter approves nowhere; an approver over the ward itself does not approve the ward's figures.
    status, r = w.api(rep, "GET", "/inbox")
    assert status == 403, r
    own_level = w.user(("approver", ward))
    assert inbox_entry(w, own_level, code, "2026-09")[0] is None
    status, r = w.api(own_level, "GET", f"/inbox/{code}/2026-09")
    assert status == 403, r

    status, period = w.api(appr, "GET", f"/inbox/{code}/2026-09")
    assert status == 200 and sorted(f["id"] for f in period["items"]) == [a, b], period
    assert all(f["version"] == 1 and "target" in f and "last_year" in f for f in period["items"]), period
    assert {f["indicator_info"]["code"] for f in period["items"]} == {"THU_NSNN", "CHI_NS"}, period
    items = [{"id": f["id"], "version": f["version"]} for f in period["items"]]

    # The reporter corrects one after the approver read the period: nothing is approved, the figure is named.
    enter(w, rep, ward, "2026-09", 5000, "CHI_NS")
    w.api(rep, "POST", f"/results/{b}/submit")
    status, r = w.api(appr, "POST", f"/inbox/{code}/2026-09", {"action": "approve", "items": items})
    assert status == 409 and r["error"]["field"] == "version" and str(b) in r["error"]["message"], r
    status, r = w.api(appr, "GET", f"/results/{a}")
    assert r["status"] == "submitted", "the other figure is not approved either: %s" % r
    # Leaving out a figure waiting in the period is refused too.
    status, r = w.api(appr, "POST", f"/inbox/{code}/2026-09", {"action": "approve", "items": items[:1]})
    assert status == 409 and r["error"]["field"] == "items", r
    # Without the session's CSRF token, refused.
    status, period = w.api(appr, "GET", f"/inbox/{code}/2026-09")
    items = [{"id": f["id"], "version": f["version"]} for f in period["items"]]
    status, r = w.api(appr, "POST", f"/inbox/{code}/2026-09", {"action": "approve", "items": items}, csrf=False)
    assert status == 403, r

    status, r = w.api(appr, "POST", f"/inbox/{code}/2026-09", {"action": "approve", "items": items})
    assert status == 200 and r["count"] == 2 and r["action"] == "approve", r
    for rid in (a, b):
        status, h = w.api(appr, "GET", f"/results/{rid}/history")
        assert h["events"][-1]["action"] == "approve" and h["events"][-1]["actor"] == appr.name, h
    assert inbox_entry(w, appr, code, "2026-09")[0] is None


def test_the_inbox_leaves_out_what_the_approver_wrote(w):
    ward, code = w.ward()
    appr, other = w.user(("approver", w.city)), w.user(("approver", w.city))
    (mine,) = submitted(w, appr, ward, "2026-Q3", ["THU_NSNN"])
    assert inbox_entry(w, appr, code, "2026-Q3")[0] is None, "four eyes: not one's own figures"
    entry, _ = inbox_entry(w, other, code, "2026-Q3")
    assert entry and entry["count"] == 1, entry
    status, r = w.api(appr, "POST", f"/inbox/{code}/2026-Q3", {"action": "approve", "items": [{"id": mine, "version": 1}]})
    assert status == 403, r


def test_a_period_sent_back_reaches_its_reporter_with_the_comment(w):
    ward, code = w.ward()
    rep, appr = w.user(("reporter", ward)), w.user(("approver", w.city))
    ids = submitted(w, rep, ward, "2026-01/2026-10", ["THU_NSNN", "CHI_NS"])
    path = f"/inbox/{code}/2026-01%2F2026-10"
    status, period = w.api(appr, "GET", path)
    assert status == 200 and len(period["items"]) == 2 and period["period"]["key"] == "2026-01/2026-10", period
    status, same = w.api(appr, "GET", f"/inbox/{code}/2026-01/2026-10")
    assert status == 200 and same["items"] == period["items"], "the slash written as it is: %s" % same
    items = [{"id": f["id"], "version": f["version"]} for f in period["items"]]
    status, r = w.api(appr, "POST", path, {"action": "return", "items": items})
    assert status == 400 and r["error"]["field"] == "comment", r
    status, r = w.api(appr, "POST", path, {"action": "return", "items": items, "comment": "Chi ngân sách chưa khớp"})
    assert status == 200 and r["count"] == 2, r
    status, r = w.api(rep, "GET", "/returned")
    assert status == 200, r
    mine = [f for f in r["items"] if f["id"] in ids]
    assert len(mine) == 2 and all(f["comment"] == "Chi ngân sách chưa khớp" and f["status"] == "draft" for f in mine), r
    assert mine[0]["unit_info"]["code"] == code and mine[0]["period"] == "2026-01/2026-10", mine
    assert mine[0]["returned_by"] == appr.name, mine
    status, r = w.api(appr, "GET", "/returned")
    assert not [f for f in r["items"] if f["id"] in ids], "only the reporter's own: %s" % r
    # Each figure says it was sent back, to anyone who reads it, until it is submitted again.
    status, r = w.api(appr, "GET", f"/results?unit={ward}&period=2026-01%2F2026-10")
    sent = {f["id"]: f["returned"] for f in r["items"] if f["id"] in ids}
    assert all(x and x["comment"] == "Chi ngân sách chưa khớp" and x["by"] == appr.name and x["at"] for x in sent.values()), r
    w.api(rep, "POST", f"/results/{ids[0]}/submit")
    status, r = w.api(rep, "GET", "/returned")
    assert [f["id"] for f in r["items"] if f["id"] in ids] == [ids[1]], "submitted again: off the list %s" % r
    status, r = w.api(rep, "GET", f"/results/{ids[0]}")
    assert status == 200 and r["status"] == "submitted" and r["returned"] is None, r


# --- The completeness board: who below a unit has reported a period, against its Decree 09 deadline


def board(w, client, unit, period, on):
    status, r = w.api(client, "GET", f"/completeness?unit={unit}&period={period}&on={on}")
    assert status == 200, r
    return r, {row["unit"]["id"]: row for row in r["items"]}


def test_the_completeness_board_gives_each_ward_its_state_late_and_due(w):
    wards = [w.ward() for _ in range(5)]
    (none, _), (draft, _), (sent, _), (approved, _), (returned, _) = wards
    appr = w.user(("approver", w.city))
    status, r = w.api(w.admin, "POST", "/plans", {"unit": draft, "body_kind": "peoples_council", "first_year": 2026,
                                                 "targets": [{"indicator": "THU_NSNN", "year": 2026, "value": 100},
                                                             {"indicator": "CHI_NS", "year": 2026, "value": 90}]})
    assert status == 201, r
    for ward in (draft, sent, approved, returned):
        rep = w.user(("reporter", ward))
        ids = [enter(w, rep, ward, "2026-02", 10 + i, ind)["id"] for i, ind in enumerate(["THU_NSNN", "CHI_NS"])]
        if ward == draft:
            assert w.api(rep, "POST", f"/results/{ids[0]}/submit")[0] == 200  # one still a draft
            continue
        for rid in ids:
            assert w.api(rep, "POST", f"/results/{rid}/submit")[0] == 200
        if ward == approved:
            for rid in ids:
                assert w.api(appr, "POST", f"/results/{rid}/approve", {"version": 1})[0] == 200
        if ward == returned:
            assert w.api(appr, "POST", f"/results/{ids[1]}/approve", {"version": 1})[0] == 200
            status, r = w.api(appr, "POST", f"/results/{ids[0]}/return", {"version": 1, "comment": "Thu chưa khớp"})
            assert status == 200, r
    status, catalogue = w.api(w.admin, "GET", "/indicators")
    status, children = w.api(w.admin, "GET", f"/units?parent={w.city}&page_size=1&on=28/02/2026")

    r, rows = board(w, appr, w.city, "2026-02", "20/02/2026")
    assert r["deadline"] == {"cutoff": "2026-02-14", "send_by": "2026-02-25"} and r["today"] == "2026-02-20", r
    assert r["unit"]["id"] == w.city and r["period"]["key"] == "2026-02", r["unit"]
    assert len(r["items"]) == children["total"] == r["counts"]["total"], (len(r["items"]), children["total"])
    states = {k: rows[u]["state"] for k, u in
              (("none", none), ("draft", draft), ("sent", sent), ("approved", approved), ("returned", returned))}
    assert states == {"none": "none", "draft": "draft", "sent": "submitted", "approved": "approved",
                      "returned": "returned"}, states
    assert rows[none]["state_label"] == "Chưa báo cáo" and rows[returned]["state_label"] == "Bị trả lại", rows[none]
    assert rows[none]["present"] == 0 and rows[none]["last_change"] is None, rows[none]
    assert rows[sent]["present"] == 2 and rows[sent]["last_change"], rows[sent]
    assert rows[draft]["expected"] == 2, "the indicators targeted that year: %s" % rows[draft]
    assert rows[none]["expected"] == catalogue["total"], "no plan: the whole catalogue: %s" % rows[none]
    for key in ("none", "returned", "draft", "submitted", "approved"):
        assert r["counts"][key] == sum(1 for row in r["items"] if row["state"] == key), (key, r["counts"])
    assert not any(row["late"] or row["due"] for row in r["items"]), "five days before the deadline"

    r, rows = board(w, appr, w.city, "2026-02", "23/02/2026")  # within 3 days of 25/02
    assert [rows[u]["due"] for u in (none, draft, returned, sent, approved)] == [True, True, True, False, False]
    assert r["counts"]["due"] == sum(1 for row in r["items"] if row["due"]) and r["counts"]["late"] == 0, r["counts"]
    r, rows = board(w, appr, w.city, "2026-02", "26/02/2026")
    assert [rows[u]["late"] for u in (none, draft, returned, sent, approved)] == [True, True, True, False, False]
    assert not any(row["due"] for row in r["items"]) and r["counts"]["late"] >= 3, r["counts"]


def test_the_completeness_board_downloads_as_csv_with_a_bom_and_vietnamese_headers(w):
    ward, code = w.ward()
    appr = w.user(("approver", w.city))
    enter(w, w.user(("reporter", ward)), ward, "2026-03", 5)
    query = f"/completeness?unit={w.city}&period=2026-03&on=30/03/2026"
    r, rows = board(w, appr, w.city, "2026-03", "30/03/2026")
    status, headers, data = download(w, appr, query + "&format=csv")
    assert status == 200 and data.startswith(b"\xef\xbb\xbf") and headers["Content-Type"].startswith("text/csv"), data[:20]
    assert headers["Content-Disposition"] == 'attachment; filename="tinh-hinh-bao-cao-thanh-pho-ha-noi-2026-03.csv"', headers
    lines = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert "Thành phố Hà Nội" in lines[0][0] and "25/03/2026" in lines[0][0], lines[0]
    assert lines[1] == ["Mã đơn vị", "Đơn vị", "Tình trạng", "Số chỉ tiêu đã nhập", "Số chỉ tiêu phải báo cáo",
                        "Quá hạn", "Sắp đến hạn", "Cập nhật lần cuối"], lines[1]
    assert len(lines) == 2 + len(r["items"]) and all(len(row) == 8 for row in lines[1:]), len(lines)
    first = r["items"][0]
    assert lines[2][:3] == [first["unit"]["code"], first["unit"]["full_name"], first["state_label"]], lines[2]
    assert lines[2][5] == ("có" if first["late"] else ""), lines[2]
    # The last change in Việt Nam time (UTC+7), as dd/mm/yyyy hh:mm.
    changed = datetime.datetime.fromisoformat(rows[ward]["last_change"].replace("Z", "+00:00")) + datetime.timedelta(hours=7)
    mine = next(line for line in lines[2:] if line[0] == code)
    assert mine[2] == "Đang nhập" and mine[3] == "1" and mine[7] == changed.strftime("%d/%m/%Y %H:%M"), mine
    req = urllib.request.Request(w.server.base + "/api/v1" + query, headers={"Cookie": appr.cookie, "Accept": "text/csv"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        assert resp.headers["Content-Type"].startswith("text/csv") and resp.read() == data


def test_the_completeness_board_downloads_as_xlsx_with_the_counts_as_number_cells(w):
    ward, code = w.ward()
    appr = w.user(("approver", w.city))
    rep = w.user(("reporter", ward))
    for i, ind in enumerate(["THU_NSNN", "CHI_NS", "DN_MOI"]):
        enter(w, rep, ward, "2026-03", 5 + i, ind)
    r, rows = board(w, appr, w.city, "2026-03", "30/03/2026")
    status, headers, data = download(w, appr, f"/completeness?unit={w.city}&period=2026-03&on=30/03/2026&format=xlsx")
    assert status == 200 and data[:2] == b"PK", data[:20]
    assert headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert headers["Content-Disposition"] == \
        'attachment; filename="tinh-hinh-bao-cao-thanh-pho-ha-noi-2026-03.xlsx"', headers
    cells = xlsx_cells(data)
    assert "Thành phố Hà Nội" in cells["A1"][1] and "25/03/2026" in cells["A1"][1], cells["A1"]
    assert cells["A2"] == ("s", "Mã đơn vị") and cells["D2"] == ("s", "Số chỉ tiêu đã nhập"), cells.get("D2")
    assert cells["E2"] == ("s", "Số chỉ tiêu phải báo cáo"), cells.get("E2")
    lines = [n for n in sorted({int(re.sub("[A-Z]", "", c)) for c in cells}) if n > 2]
    assert len(lines) == len(r["items"]), (len(lines), len(r["items"]))
    for n in lines:
        row = next(i for i in r["items"] if i["unit"]["code"] == cells[f"A{n}"][1])
        assert cells[f"D{n}"] == ("n", str(row["present"])), (n, cells.get(f"D{n}"), row)
        assert cells[f"E{n}"] == ("n", str(row["expected"])), (n, cells.get(f"E{n}"), row)
    mine = next(n for n in lines if cells[f"A{n}"][1] == code)
    assert cells[f"D{mine}"] == ("n", "3") and cells[f"C{mine}"] == ("s", "Đang nhập"), cells.get(f"D{mine}")


def test_the_completeness_board_is_refused_outside_scope_and_names_a_bad_period(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    status, r = w.api(rep, "GET", f"/completeness?unit={w.city}&period=2026-02")
    assert status == 403, r
    r, _ = board(w, rep, ward, "2026-02", "01/02/2026")
    assert r["items"] == [] and r["counts"]["total"] == 0, "a ward has no units below: %s" % r
    status, r = w.api(w.admin, "GET", f"/completeness?unit={w.city}&period=2026-13")
    assert status == 400 and r["error"]["field"] == "period" and "13" in r["error"]["message"], r
    status, r = w.api(w.admin, "GET", f"/completeness?unit={w.city}")
    assert status == 400 and r["error"]["field"] == "period" and "period" in r["error"]["message"], r
    status, r = w.api(w.admin, "GET", f"/completeness?unit={w.city}&period=2026-02&format=ods")
    assert status == 400 and r["error"]["field"] == "format" and "xlsx hoặc csv" in r["error"]["message"], r
    en = w.user(("approver", w.city))
    en.lang = "en"
    status, r = w.api(en, "GET", f"/completeness?unit={w.city}&period=2026-02&format=ods")
    assert status == 400 and r["error"]["field"] == "format" and "xlsx or csv" in r["error"]["message"], r


def test_reminders_reach_the_reporters_of_the_late_units_until_they_submit(w):
    (late, _), (sent, _) = w.ward(), w.ward()
    appr = w.user(("approver", w.city))
    rep_late, rep_sent = w.user(("reporter", late)), w.user(("reporter", sent))
    rid = enter(w, rep_sent, sent, "2026-04", 12)["id"]
    assert w.api(rep_sent, "POST", f"/results/{rid}/submit")[0] == 200
    body = {"unit": w.city, "period": "2026-04"}
    status, r = w.api(appr, "POST", "/completeness/reminders?on=01/04/2026", body)
    assert status == 200 and r["count"] == 0 and r["items"] == [], "nobody is late or due 24 days ahead: %s" % r
    status, r = w.api(rep_late, "POST", "/completeness/reminders?on=27/04/2026", body)
    assert status == 403, "a reporter does not chase the city: %s" % r
    status, r = w.api(appr, "POST", "/completeness/reminders?on=27/04/2026", body, csrf=False)
    assert status == 403, r
    status, r = w.api(appr, "POST", "/completeness/reminders?on=27/04/2026", {"unit": w.city, "period": "2026-4x"})
    assert status == 400 and r["error"]["field"] == "period", r

    b, rows = board(w, appr, w.city, "2026-04", "27/04/2026")
    status, r = w.api(appr, "POST", "/completeness/reminders?on=27/04/2026", body)
    assert status == 201 and r["send_by"] == "2026-04-25", r
    assert r["email"] == {"relay": False, "sent": 0, "failed": 0, "without_address": 0}, "no --smtp: in the app only"
    reminded = {i["unit"]["id"]: i for i in r["items"]}
    assert r["count"] == len(reminded) == b["counts"]["late"] + b["counts"]["due"], (r["count"], b["counts"])
    assert late in reminded and reminded[late]["late"] and sent not in reminded, r["items"][:3]

    status, mine = w.api(rep_late, "GET", "/reminders")
    assert status == 200, mine
    got = [i for i in mine["items"] if i["period"]["key"] == "2026-04"]
    assert len(got) == 1 and got[0]["unit"]["id"] == late and got[0]["from_unit"]["id"] == w.city, mine
    assert got[0]["open"] and got[0]["late"] and got[0]["state"] == "none" and got[0]["send_by"] == "2026-04-25", got
    assert got[0]["sent_by"] == appr.name and mine["open"] >= 1, got
    status, theirs = w.api(rep_sent, "GET", "/reminders")
    assert not [i for i in theirs["items"] if i["period"]["key"] == "2026-04"], theirs
    # Reminded twice, one line; once submitted, no longer open.
    assert w.api(appr, "POST", "/completeness/reminders?on=28/04/2026", body)[0] == 201
    rid = enter(w, rep_late, late, "2026-04", 7)["id"]
    assert w.api(rep_late, "POST", f"/results/{rid}/submit")[0] == 200
    status, mine = w.api(rep_late, "GET", "/reminders")
    got = [i for i in mine["items"] if i["period"]["key"] == "2026-04"]
    assert len(got) == 1 and not got[0]["open"] and got[0]["state"] == "submitted", got


# --- Importing a spreadsheet: preview every problem and store nothing; then store it whole


def sheet(rows):
    text = "BÁO CÁO KẾT QUẢ THÁNG 7/2026\nMã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị\n" + "\n".join(rows) + "\n"
    return base64.b64encode(text.encode()).decode()


def test_an_import_with_problems_lists_each_by_row_and_column_and_stores_nothing(w):
    (ward, code), (_, other_code) = w.ward(), w.ward()
    rep = w.user(("reporter", ward))
    before = results_total(w, ward)
    bad = sheet([f'{code},THU_NS_XA,2026-07,"1.250,5"', f"{code},CHI_NS,2026-07,mười tỷ",
                 f"{other_code},THU_NS_XA,2026-07,7"])
    status, r = w.api(rep, "POST", "/imports/results", {"file_name": "thang7.csv", "content_base64": bad, "check_only": True})
    where = {(p["row"], (p["column"] or "")[:1]) for p in r.get("problems", [])}
    assert status == 422 and (4, "D") in where and (5, "A") in where and r["stored"] == 0, r
    assert any(p["row"] == 5 and ("quyền" in p["message"] or "may not" in p["message"]) for p in r["problems"]), \
        "a row for a unit outside the reporter's scope is a problem: %s" % r
    status, r = w.api(rep, "POST", "/imports/results", {"file_name": "thang7.csv", "content_base64": bad})
    assert status == 422 and results_total(w, ward) == before, "not even the good rows are stored: %s" % r


def test_a_clean_import_previews_then_stores_whole(w):
    ward, code = w.ward()
    rep = w.user(("reporter", ward))
    before = results_total(w, ward)
    good = sheet([f'{code},THU_NS_XA,2026-07,"1.250,5"', f"{code},CHI_NS,2026-07,980"])
    status, r = w.api(rep, "POST", "/imports/results", {"file_name": "thang7.csv", "content_base64": good, "check_only": True})
    assert status == 200 and r["rows"] == 2 and r["stored"] == 0 and results_total(w, ward) == before, r
    status, r = w.api(rep, "POST", "/imports/results", {"file_name": "thang7.csv", "content_base64": good})
    assert status == 200 and r["stored"] == 2 and results_total(w, ward) == before + 2, r


def test_an_import_refuses_a_broken_xlsx_and_content_that_is_not_base64(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    broken = base64.b64encode(b"PK\x03\x04broken").decode()
    status, r = w.api(rep, "POST", "/imports/results", {"file_name": "thang7.xlsx", "content_base64": broken})
    assert status == 400 and r["error"]["field"] == "file_name", r
    status, r = w.api(rep, "POST", "/imports/results", {"file_name": "thang7.csv", "content_base64": "%%%"})
    assert status == 400 and r["error"]["field"] == "content_base64", r


# --- Importing plans: the same checks as results, scope-checked per unit, and the export reads back


PLAN_HEADER = "Mã đơn vị,Cơ quan,Từ năm,Số ký hiệu,Ngày ban hành,Mã chỉ tiêu,Năm,Giá trị"


def plan_sheet(rows):
    text = "KẾ HOẠCH CHỈ TIÊU NĂM 2027\n" + PLAN_HEADER + "\n" + "\n".join(rows) + "\n"
    return base64.b64encode(text.encode()).decode()


def plans_of(w, unit):
    status, r = w.api(w.admin, "GET", f"/plans?unit={unit}&page_size=100")
    assert status == 200, r
    return r["items"]


def plan_audit(w, plan_id):
    query = f"SELECT action FROM audit_log WHERE entity = 'plan' AND entity_id = '{plan_id}' ORDER BY id"
    if w.db.startswith("postgresql://"):
        out = subprocess.run(["psql", "-qAt", w.db, "-c", query], capture_output=True, text=True, check=True)
        return out.stdout.split()
    with sqlite3.connect(w.db) as con:
        return [row[0] for row in con.execute(query)]


def test_a_plan_import_previews_then_stores_whole_and_audited(w):
    ward, code = w.ward()
    appr = w.user(("approver", ward))
    good = plan_sheet([f'{code},HĐND,2027,15/NQ-HĐND,10/12/2026,THU_NSNN,2027,"1.250,5"',
                       f"{code},HĐND,2027,15/NQ-HĐND,10/12/2026,CHI_NS,2027,980"])
    status, r = w.api(appr, "POST", "/imports/plans", {"file_name": "ke-hoach.csv", "content_base64": good, "check_only": True})
    assert status == 200 and r["rows"] == 2 and r["stored"] == 0 and r["problems"] == [], r
    assert plans_of(w, ward) == [], "a check stores nothing"
    status, r = w.api(appr, "POST", "/imports/plans", {"file_name": "ke-hoach.csv", "content_base64": good})
    assert status == 200 and r["stored"] == 2, r
    [plan] = plans_of(w, ward)
    assert plan["body_kind"] == "peoples_council" and plan["resolution"] == "15/NQ-HĐND", plan
    assert plan["resolution_date"] == "2026-12-10" and not plan["assigned_by_superior"], plan
    assert sorted((t["indicator"], t["value"]) for t in plan["targets"]) == [("CHI_NS", 980), ("THU_NSNN", 1250.5)], plan
    assert plan_audit(w, plan["id"]) == ["create"], "the import is in the audit log"


def test_a_plan_import_with_a_bad_row_names_row_and_column_and_stores_nothing(w):
    ward, code = w.ward()
    appr = w.user(("approver", ward))
    bad = plan_sheet([f"{code},HĐND,2027,15/NQ-HĐND,10/12/2026,THU_NSNN,2027,1000",
                      f"{code},HĐND,2027,15/NQ-HĐND,10/12/2026,CHI_NS,2027,chín trăm",
                      f"{code},HĐND,2027,15/NQ-HĐND,31/02/2026,KHONG_CO,2027,5"])
    for check_only in (True, False):
        status, r = w.api(appr, "POST", "/imports/plans", {"file_name": "ke-hoach.csv", "content_base64": bad, "check_only": check_only})
        where = {(p["row"], (p["column"] or "")[:1]) for p in r.get("problems", [])}
        assert status == 422 and {(4, "H"), (5, "E"), (5, "F")} <= where and r["stored"] == 0, r
        assert all(re.search("[à-ỹ]", p["message"]) for p in r["problems"]), "in Vietnamese: %s" % r["problems"]
    assert plans_of(w, ward) == [], "not even the good row is stored"


def test_a_plan_import_outside_the_callers_units_is_refused(w):
    (ward, code), (other, other_code) = w.ward(), w.ward()
    rep, appr = w.user(("reporter", ward)), w.user(("approver", ward))
    rows = plan_sheet([f"{code},HĐND,2027,,,THU_NSNN,2027,1000"])
    status, r = w.api(rep, "POST", "/imports/plans", {"file_name": "ke-hoach.csv", "content_base64": rows, "check_only": True})
    assert status == 403 and "người duyệt (approver)" in r["error"]["message"], "a reporter sets no plans anywhere: %s" % r
    mixed = plan_sheet([f"{code},HĐND,2027,,,THU_NSNN,2027,1000", f"{other_code},HĐND,2027,,,THU_NSNN,2027,900"])
    status, r = w.api(appr, "POST", "/imports/plans", {"file_name": "ke-hoach.csv", "content_base64": mixed})
    assert status == 422 and [(p["row"], p["column"][:1]) for p in r["problems"]] == [(4, "A")], r
    assert "người duyệt (approver)" in r["problems"][0]["message"], "the message names the role: %s" % r
    assert plans_of(w, ward) == [] and plans_of(w, other) == [], "nothing stored for either ward"
    head = "Mã đơn vị,Cơ quan,Từ năm,Cấp trên giao,Mã chỉ tiêu,Năm,Giá trị\n"
    assigned = base64.b64encode((head + f"{code},UBND,2028,có,THU_NSNN,2028,5\n").encode()).decode()
    status, r = w.api(appr, "POST", "/imports/plans", {"file_name": "giao.csv", "content_base64": assigned, "check_only": True})
    assert status == 422 and r["problems"][0]["column"] == "D (Cấp trên giao)" and "cấp trên" in r["problems"][0]["message"], r
    status, r = w.api(w.user(("approver", w.city)), "POST", "/imports/plans", {"file_name": "giao.csv", "content_base64": assigned})
    assert status == 200 and r["stored"] == 1, "the city assigns them: %s" % r
    own = base64.b64encode((head + f"{code},UBND,2028,không,THU_NSNN,2028,1\n").encode()).decode()
    status, r = w.api(appr, "POST", "/imports/plans", {"file_name": "rieng.csv", "content_base64": own})
    assert status == 403 and r["error"]["field"] == "assigned_by_superior", "nor replaced by the ward's own: %s" % r
    [kept] = plans_of(w, ward)
    assert kept["assigned_by_superior"] and kept["targets"][0]["value"] == 5, kept


def test_a_units_plans_download_as_xlsx_with_number_cells_and_import_back_unchanged(w):
    ward, code = w.ward()
    appr = w.user(("approver", ward))
    status, saved = w.api(appr, "POST", "/plans", {
        "unit": ward, "body_kind": "party_committee", "first_year": 2026, "last_year": 2030, "resolution": "12-NQ/ĐU",
        "resolution_date": "2025-09-20", "targets": [{"indicator": "THU_NSNN", "year": 2027, "value": 21500000000},
                                                      {"indicator": "CHI_NS", "year": 2028, "value": 1234.5}]})
    assert status == 201, saved
    status, headers, data = download(w, appr, f"/plans/export?unit={ward}")
    assert status == 200 and data[:2] == b"PK", data[:20]
    assert headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert headers["Content-Disposition"] == f'attachment; filename="ke-hoach-{code}.xlsx"', headers
    cells = xlsx_cells(data)
    assert cells["A2"] == ("s", "Mã đơn vị") and cells["K2"] == ("s", "Giá trị"), (cells.get("A2"), cells.get("K2"))
    assert cells["A3"] == ("s", code) and cells["H3"][1] in ("THU_NSNN", "CHI_NS"), cells.get("A3")
    targets = sorted(float(cells[f"K{r}"][1]) for r in (3, 4) if cells[f"K{r}"][0] == "n")
    assert targets == [1234.5, 21500000000.0], "targets are number cells: %s" % [cells.get("K3"), cells.get("K4")]
    assert "K5" not in cells, "only this unit's plans"
    content = base64.b64encode(data).decode()
    status, r = w.api(appr, "POST", "/imports/plans", {"file_name": f"ke-hoach-{code}.xlsx", "content_base64": content, "check_only": True})
    assert status == 200 and r["rows"] == 2 and r["problems"] == [], r
    status, r = w.api(appr, "POST", "/imports/plans", {"file_name": f"ke-hoach-{code}.xlsx", "content_base64": content})
    assert status == 200 and r["stored"] == 2, r
    [again] = plans_of(w, ward)
    assert again == saved, "the round trip changes nothing: %s" % again
    assert plan_audit(w, saved["id"]) == ["create"], "an unchanged plan is not written again"
    status, headers, data = download(w, appr, f"/plans/export?unit={ward}&format=csv")
    assert status == 200 and data.startswith(b"\xef\xbb\xbf") and headers["Content-Disposition"].endswith(f'ke-hoach-{code}.csv"'), headers
    status, r = w.api(appr, "POST", "/imports/plans", {"file_name": f"ke-hoach-{code}.csv", "content_base64": base64.b64encode(data).decode(), "check_only": True})
    assert status == 200 and r["rows"] == 2 and r["problems"] == [], "the CSV imports back too: %s" % r
    status, r = w.api(w.user(("reporter", w.ward()[0])), "GET", f"/plans/export?unit={ward}")
    assert status == 403, "another ward's plans are not downloaded: %s" % r


# --- Attacks on the unit scope: each refused, nothing changed


def test_a_ward_cannot_read_or_write_another_wards_results(w):
    (ward, _), (neighbour, _) = w.ward(), w.ward()
    rep, other = w.user(("reporter", ward)), w.user(("reporter", neighbour))
    before = results_total(w, neighbour)
    enter(w, other, neighbour, "2026-10", 5)
    status, r = w.api(rep, "GET", f"/results?unit={neighbour}")
    assert status == 403 and r["error"]["code"] == "permission_denied", r
    status, r = w.api(rep, "POST", "/results", {"unit": neighbour, "indicator": "THU_NSNN", "period": "2026-10", "value": 9})
    assert status == 403, r
    status, after = w.api(w.admin, "GET", f"/results?unit={neighbour}")
    assert after["total"] == before + 1 and after["items"][-1]["value"] == 5, after


def test_a_viewer_cannot_write(w):
    ward, _ = w.ward()
    viewer = w.user(("viewer", ward))
    status, r = w.api(viewer, "POST", "/results", {"unit": ward, "indicator": "THU_NSNN", "period": "2026-09", "value": 9})
    assert status == 403, r
    assert results_total(w, ward) == 0


def grants(roles):
    """A user's roles as (role, unit id) pairs."""
    return [(g["role"], g["unit"]) for g in roles]


def test_a_reporter_cannot_escalate_its_role_or_create_users(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    status, r = w.api(rep, "PUT", f"/users/{rep.name}/roles", {"roles": [{"role": "admin"}]})
    assert status == 403, r
    status, r = w.api(rep, "POST", "/users", {"username": f"evil.{rep.name}", "password": "12345678",
                                              "roles": [{"role": "admin"}]})
    assert status == 403, r
    status, me = w.api(rep, "GET", "/auth/me")
    assert grants(me["user"]["roles"]) == [("reporter", ward)], me


def test_roles_naming_an_unknown_unit_are_refused_and_the_old_ones_kept(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    status, r = w.api(w.admin, "PUT", f"/users/{rep.name}/roles", {"roles": [{"role": "approver", "unit": 99999999}]})
    assert status == 404 and r["error"]["field"] == "roles", r
    status, r = w.api(w.admin, "GET", "/users?page_size=100")
    kept = next(u for u in r["items"] if u["username"] == rep.name)["roles"]
    assert grants(kept) == [("reporter", ward)], kept


def test_a_role_is_granted_by_unit_code_read_on_a_date(w):
    ward, code = w.ward()
    rep = w.user(("viewer", None))
    status, r = w.api(w.admin, "PUT", f"/users/{rep.name}/roles",
                      {"roles": [{"role": "reporter", "unit": code, "on": "01/01/2026"}]})
    assert status == 200 and grants(r["roles"]) == [("reporter", ward)], r
    status, units = w.api(w.admin, "GET", f"/units/{ward}")
    [grant] = r["roles"]
    assert grant["unit_code"] == code and grant["unit_name"] == units["full_name"], "named by code and name: %s" % grant
    assert grant["unit_province"] == "Thành phố Hà Nội", grant
    status, r = w.api(w.admin, "PUT", f"/users/{rep.name}/roles", {"roles": [{"role": "admin"}]})
    assert r["roles"] == [{"role": "admin", "unit": None, "unit_code": None, "unit_name": None, "unit_province": None}], r


def test_a_role_naming_an_unknown_unit_code_is_a_404_on_roles(w):
    rep = w.user(("viewer", None))
    status, r = w.api(w.admin, "PUT", f"/users/{rep.name}/roles", {"roles": [{"role": "reporter", "unit": "99999"}]})
    assert status == 404 and r["error"]["field"] == "roles", r


# --- CSRF: a cookie-authenticated write without the token, or with a forged one


def test_a_write_without_or_with_a_forged_csrf_token_is_refused(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    body = {"unit": ward, "indicator": "THU_NSNN", "period": "2026-08", "value": 1}
    status, r = w.api(rep, "POST", "/results", body, csrf=False)
    assert status == 403 and "CSRF" in r["error"]["message"], r
    status, r = w.api(rep, "POST", "/results", body, csrf=False, headers={"X-CSRF-Token": "0" * 32})
    assert status == 403, r
    status, r = w.api(rep, "GET", f"/results?unit={ward}&period=2026-08")
    assert r["total"] == 0, "nothing was stored: %s" % r


def test_a_form_post_the_cross_site_kind_is_refused(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    status, r = w.api(rep, "POST", "/results", raw=b"unit=1&value=2", content_type="application/x-www-form-urlencoded")
    assert status == 415, r


# --- Hostile and malformed input


def test_sql_metacharacters_are_just_text(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    enter(w, rep, ward, "2026-10", 1)
    status, r = w.api(rep, "GET", "/units?q=%27%20OR%201%3D1%20--")
    assert status == 200 and r["total"] == 0, r
    status, r = w.api(rep, "POST", "/results", {"unit": ward, "indicator": "X'; DROP TABLE results; --",
                                                "period": "2026-10", "value": 1})
    assert status == 404 and r["error"]["field"] == "indicator", r
    status, r = w.api(rep, "GET", f"/results?unit={ward}")
    assert status == 200 and r["total"] == 1, "the results table is still there: %s" % r


def test_malformed_bodies_name_what_is_wrong(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    status, r = w.api(rep, "POST", "/results", {"unit": ward, "indicator": "THU_NSNN", "period": "2026-10",
                                                "value": "2.317,8"})
    assert status == 400 and r["error"]["field"] == "value", r
    status, r = w.api(rep, "POST", "/results", raw=b'{"unit": ')
    assert status == 400 and r["error"]["field"] == "body", r
    status, r = w.api(rep, "POST", "/results", raw=b"\xff\xfe{}")
    assert status == 400, r
    status, r = w.api(rep, "POST", "/results", {"unit": ward, "indicator": "THU_NSNN", "period": "2026-13", "value": 1})
    assert status == 400 and r["error"]["field"] == "period", r


def test_an_oversized_body_is_a_413_with_an_error_object(w):
    rep = w.user(("reporter", w.ward()[0]))
    status, r = w.api(rep, "POST", "/documents", raw=b'{"unit": 1, "text": "' + b"a" * (9 << 20) + b'"}')
    assert status == 413 and r["error"]["code"] == "resource_exhausted", r


def test_an_unknown_address_is_a_404_error_object(w):
    rep = w.user(("reporter", w.ward()[0]))
    status, r = w.api(rep, "GET", "/nothing-here")
    assert status == 404 and "error" in r, r


def test_messages_follow_accept_language_vietnamese_by_default(w):
    (ward, _), (neighbour, _) = w.ward(), w.ward()
    rep = w.user(("reporter", ward))
    en = Client(w.server, lang="en")
    en.cookie, en.csrf = rep.cookie, rep.csrf
    status, r = w.api(en, "GET", f"/results?unit={neighbour}")
    assert status == 403 and r["error"]["message"].startswith("you may not"), r
    status, r = w.api(rep, "GET", f"/results?unit={neighbour}")
    assert "bạn không có quyền" in r["error"]["message"], r


# --- Evaluation, roll-up, comparison and trend


def evaluation_rows(w, unit, period, query=""):
    status, e = w.api(w.admin, "GET", f"/evaluation?unit={unit}&period={period}{query}")
    assert status == 200, e
    return e, {r["indicator"]["code"]: r for r in e["rows"]}


def test_evaluation_of_a_demo_ward(w):
    quang_trung = w.unit("quang%20trung", "06817", "01/01/2016")
    status, e = w.api(w.admin, "GET", f"/evaluation?unit={quang_trung}&period=2016")
    assert status == 200 and "chỉ tiêu đạt và vượt kế hoạch" in e["summary"]["text"], e.get("summary")


def test_quang_hung_ten_months_new_enterprises_are_97_percent_of_the_year_and_not_exceeded(w):
    # Seed-1: "10 tháng năm 2018 … thành lập 32 doanh nghiệp mới, đạt 97% kế hoạch" (the year's 33).
    quang_hung = w.unit("quang%20hung", "14800", "01/01/2018")
    e, rows = evaluation_rows(w, quang_hung, "2018-01/2018-10")
    dn = rows["DN_MOI"]
    assert round(dn["percent_of_plan"]) == 97 and dn["actual"] == 32 and dn["target"]["value"] == 33, dn
    assert dn["status"] == "in_progress" and dn["status_label"] == "chưa đạt" and not dn["year_verdict"], dn
    assert dn["pace"]["key"] == "ahead" and "bình quân 10/12 tháng" in dn["pace"]["basis"], dn["pace"]
    assert dn["result_status"] == "approved" and not dn["counts_unapproved"], dn
    # "Tổng giá trị đầu tư xây dựng ước đạt 45,5 tỷ đồng, đạt 90% kế hoạch": not yet, and never không đạt.
    assert rows["VON_DTXD"]["status"] == "in_progress" and round(rows["VON_DTXD"]["percent_of_plan"]) == 90, rows["VON_DTXD"]
    assert all(r["status"] not in ("exceeded", "not_met") for r in e["rows"]), [(c, r["status"]) for c, r in rows.items()]
    assert e["summary"]["part_year"] and e["summary"]["text"].startswith("10 tháng năm 2018: 0/2 chỉ tiêu đã đạt kế hoạch năm"), e["summary"]
    # "tỷ lệ lao động qua đào tạo đạt 73%": a rate; "45 đơn thư … đã giải quyết 38": no target that year.
    assert rows["LD_QUA_DAO_TAO"]["status"] == "no_target" and rows["LD_QUA_DAO_TAO"]["status_label"] == "không giao chỉ tiêu", rows["LD_QUA_DAO_TAO"]


def test_long_bien_spending_is_judged_on_the_adjusted_estimate_with_the_first_beside_it(w):
    # Seed-4: "10.144.992.938/11.492.300.000đ bằng 88% kế hoạch pháp lệnh và đạt 98,4% sau điều chỉnh bổ sung".
    long_bien = w.unit("long%20bien", "00145", "01/01/2020")
    _, rows = evaluation_rows(w, long_bien, "2020")
    chi = rows["CHI_NS"]
    assert chi["status"] == "met" and round(chi["percent_of_plan"], 1) == 98.4, chi
    assert chi["target"]["first_set_value"] == 11492300000 and round(chi["percent_of_first_set"]) == 88, chi
    # Through the plans API: an adjusted target is stored, shown, and judged on; a band cannot be adjusted.
    ward, _ = w.ward()
    status, plan = w.api(w.admin, "POST", "/plans", {
        "unit": ward, "body_kind": "peoples_council", "first_year": 2027,
        "targets": [{"indicator": "THU_NSNN", "year": 2027, "value": 50e9, "adjusted": 40e9, "adjusted_by": "15/NQ-HĐND"}]})
    assert status == 201 and plan["targets"][0]["adjusted"] == 40e9 and plan["targets"][0]["adjusted_by"] == "15/NQ-HĐND", plan
    rep, appr = w.user(("reporter", ward)), w.user(("approver", w.city))
    rid = enter(w, rep, ward, "2027", 42e9)["id"]
    assert w.api(rep, "POST", f"/results/{rid}/submit")[0] == 200
    assert w.api(appr, "POST", f"/results/{rid}/approve", {"version": 1})[0] == 200
    _, rows = evaluation_rows(w, ward, "2027", "&indicator=THU_NSNN")
    thu = rows["THU_NSNN"]
    assert thu["status"] == "exceeded" and thu["target"]["value"] == 40e9 and round(thu["percent_of_first_set"]) == 84, thu
    status, err = w.api(w.admin, "POST", "/plans", {
        "unit": ward, "body_kind": "peoples_council", "first_year": 2027,
        "targets": [{"indicator": "THU_NSNN", "year": 2027, "comparator": "band", "value": 40e9, "value_high": 50e9, "adjusted": 45e9}]})
    assert status == 400 and err["error"]["field"] == "adjusted" and "chỉ điều chỉnh được" in err["error"]["message"], err


def test_a_target_above_the_assigned_one_is_worked_out_on_it(w):
    # "Kết nạp vượt 5% chỉ tiêu cấp trên giao": the city assigns 40 tỷ, the ward's Party committee asks 5% more.
    ward, _ = w.ward()
    status, r = w.api(w.admin, "POST", "/plans", {"unit": ward, "body_kind": "peoples_committee", "first_year": 2027,
                                                  "assigned_by_superior": True,
                                                  "targets": [{"indicator": "THU_NSNN", "year": 2027, "value": 40e9}]})
    assert status == 201, r
    status, r = w.api(w.admin, "POST", "/plans", {"unit": ward, "body_kind": "party_committee", "first_year": 2027,
                                                  "targets": [{"indicator": "THU_NSNN", "year": 2027, "value": 5,
                                                               "form": "above_assigned_percent"}]})
    assert status == 201 and r["targets"][0]["form_text"] == "vượt 5% chỉ tiêu cấp trên giao", r
    rep, appr = w.user(("reporter", ward)), w.user(("approver", w.city))
    rid = enter(w, rep, ward, "2027", 41e9)["id"]
    assert w.api(rep, "POST", f"/results/{rid}/submit")[0] == 200
    assert w.api(appr, "POST", f"/results/{rid}/approve", {"version": 1})[0] == 200
    _, rows = evaluation_rows(w, ward, "2027", "&indicator=THU_NSNN&plan=party_committee")
    thu = rows["THU_NSNN"]
    assert thu["target"]["value"] == 42e9 and thu["target"]["form"] == "above_assigned_percent", thu
    assert thu["status"] == "not_met" and thu["target"]["worked_out"], thu
    _, rows = evaluation_rows(w, ward, "2027", "&indicator=THU_NSNN&plan=assigned")
    assert rows["THU_NSNN"]["status"] == "exceeded", rows["THU_NSNN"]
    # The assigned plan cannot be written against itself.
    status, err = w.api(w.admin, "POST", "/plans", {"unit": ward, "body_kind": "peoples_committee", "first_year": 2027,
                                                    "assigned_by_superior": True,
                                                    "targets": [{"indicator": "THU_NSNN", "year": 2027, "value": 5,
                                                                 "form": "above_assigned_percent"}]})
    assert status == 400 and err["error"]["field"] == "form", err


def test_a_term_target_shows_its_yearly_path_and_no_verdict_before_its_year(w):
    # Nghị quyết nhiệm kỳ 2027–2031: "đến năm 2031 thu ngân sách đạt 60 tỷ"; 2026 was 40 tỷ, 2028 is 49 tỷ.
    ward, _ = w.ward()
    status, r = w.api(w.admin, "POST", "/plans", {"unit": ward, "body_kind": "party_committee", "first_year": 2027,
                                                  "last_year": 2031,
                                                  "targets": [{"indicator": "THU_NSNN", "year": 2031, "value": 60e9}]})
    assert status == 201, r
    rep, appr = w.user(("reporter", ward)), w.user(("approver", w.city))
    for period, value in (("2026", 40e9), ("2028", 49e9)):
        rid = enter(w, rep, ward, period, value)["id"]
        assert w.api(rep, "POST", f"/results/{rid}/submit")[0] == 200
        assert w.api(appr, "POST", f"/results/{rid}/approve", {"version": 1})[0] == 200
    _, rows = evaluation_rows(w, ward, "2028", "&indicator=THU_NSNN")
    thu = rows["THU_NSNN"]
    path = thu["term_path"]
    assert path["level"] == 48e9 and path["on_path"] is True and path["baseline_year"] == 2026, path
    assert path["basis"].startswith("lộ trình đều từ 40.000.000.000 (2026) đến ≥ 60.000.000.000 (2031): năm 2028 cần ≥"), path
    assert thu["status"] == "no_target", thu


def test_the_cli_evaluates_a_unit_as_the_dashboard_does(w):
    # `kiemdem evaluate` reads the same store by the same rules as GET /evaluation: one rule, one place.
    def evaluate(*args):
        return subprocess.run([w.kiemdem, "evaluate", *args, "--db", w.db], capture_output=True, text=True)
    r = evaluate("14800", "--period", "2018-01/2018-10", "--on", "01/01/2018")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Phường Quảng Hưng (14800) — 10 tháng năm 2018"), r.stdout[:200]
    dn = next(line for line in r.stdout.splitlines() if line.startswith("Doanh nghiệp thành lập mới"))
    assert "≥ 33" in dn and " 32 " in dn and "97%" in dn and "chưa đạt" in dn and "bình quân 10/12 tháng" in dn, dn
    assert "10 tháng năm 2018: 0/2 chỉ tiêu đã đạt kế hoạch năm" in r.stdout, r.stdout[-300:]
    _, rows = evaluation_rows(w, w.unit("quang%20hung", "14800", "01/01/2018"), "2018-01/2018-10")
    assert f"{rows['VON_DTXD']['percent_of_plan']:.1f}".replace(".", ",") + "%" in r.stdout, rows["VON_DTXD"]
    # A code not held on the day read names what to do; a bad period or plan is refused with its reason.
    r = evaluate("14800", "--period", "2026")
    assert r.returncode == 1 and "--on" in r.stderr, r.stderr
    assert evaluate("14800", "--period", "2018-13").returncode == 1
    r = evaluate("14800", "--period", "2018", "--on", "01/01/2018", "--plan", "nobody")
    assert r.returncode == 1 and "nobody" in r.stderr, r.stderr
    assert evaluate("14800").returncode == 2


def test_a_yes_no_target_is_met_or_not_counts_in_the_summary_and_rolls_up_as_a_count(w):
    # "phường đạt chuẩn an toàn vệ sinh thực phẩm": reached (1) or not (0), target 1.
    (reached, _), (missed, missed_code) = w.ward(), w.ward()
    for ward, value in [(reached, 1), (missed, 0)]:
        status, plan = w.api(w.admin, "POST", "/plans", {"unit": ward, "body_kind": "peoples_council", "first_year": 2026,
                                                         "targets": [{"indicator": "ATVSTP_DAT_CHUAN", "year": 2026,
                                                                      "comparator": "=", "value": 1}]})
        assert status == 201, plan
        assert enter(w, w.admin, ward, "2026", value, "ATVSTP_DAT_CHUAN")
    status, r = w.api(w.admin, "POST", "/results", {"unit": reached, "indicator": "ATVSTP_DAT_CHUAN", "period": "2026-06",
                                                    "value": 2})
    assert status == 400 and r["error"]["field"] == "value" and "chỉ có đạt (1) hoặc chưa đạt (0)" in r["error"]["message"], r
    rows = {}
    for ward in (reached, missed):
        e, by_code = evaluation_rows(w, ward, "2026", "&include_unapproved=true")
        rows[ward] = by_code["ATVSTP_DAT_CHUAN"]
        assert e["summary"]["with_target"] >= 1, e["summary"]
    assert rows[reached]["status"] == "met" and rows[reached]["percent_of_plan"] is None, rows[reached]
    assert rows[reached]["points_from_plan"] is None and rows[reached]["indicator"]["value_kind"] == "yes_no"
    assert rows[missed]["status"] == "not_met" and rows[missed]["status_label"] == "không đạt", rows[missed]
    status, up = w.api(w.admin, "GET", f"/rollup?unit={w.city}&period=2026&indicator=ATVSTP_DAT_CHUAN&include_unapproved=true")
    assert status == 200 and up["items"][0]["value"] >= 1 and up["items"][0]["indicator"]["unit"] == "đơn vị đạt", up
    status, data = w.api(w.admin, "GET", f"/reports/unit/{missed_code}?period=2026&include_unapproved=true")
    assert status == 200 and "Đạt chuẩn an toàn vệ sinh thực phẩm: chưa đạt." in docx_text(data), docx_text(data)[-2000:]


def test_quang_trung_2016_equal_to_the_plan_is_met_not_exceeded(w):
    # Seed-0: "giá trị sản xuất tiểu thủ công nghiệp địa phương đạt trên 46 tỷ đồng, bằng 100% kế hoạch".
    quang_trung = w.unit("quang%20trung", "06817", "01/01/2016")
    e, rows = evaluation_rows(w, quang_trung, "2016")
    gt = rows["GTSX_CN_XD"]
    assert gt["status"] == "met" and gt["status_label"] == "đạt" and gt["year_verdict"], gt
    assert abs(gt["percent_of_plan"] - 100) < 1e-9 and gt["pace"] is None, gt
    # Figures with no target say so, never "chưa có số liệu".
    no_target = [r for r in e["rows"] if r["target"] is None and r["actual"] is not None]
    assert len(no_target) >= 5, [r["indicator"]["code"] for r in e["rows"]]
    assert all(r["status"] == "no_target" and r["status_label"] == "không giao chỉ tiêu" for r in no_target), no_target
    assert e["summary"]["no_target"] == len(no_target), e["summary"]
    # "10/20 chi bộ đạt trong sạch vững mạnh": a share, compared in points with last year when there is one.
    assert rows["CHI_BO_TSVM"]["percent_of_previous"] is None, rows["CHI_BO_TSVM"]


def test_drafts_are_shown_but_count_only_on_request(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    status, r = w.api(w.admin, "POST", "/plans", {"unit": ward, "body_kind": "peoples_council", "first_year": 2026,
                                                 "targets": [{"indicator": "THU_NSNN", "year": 2026, "value": 100}]})
    assert status == 201, r
    enter(w, rep, ward, "2026", 120)
    e, rows = evaluation_rows(w, ward, "2026")
    row = rows["THU_NSNN"]
    assert row["result_status"] == "draft" and row["unapproved_value"] == 120 and row["actual"] is None, row
    assert row["status"] == "no_data" and e["summary"]["met"] + e["summary"]["exceeded"] == 0 and not e["include_unapproved"], e
    e, rows = evaluation_rows(w, ward, "2026", "&include_unapproved=true")
    row = rows["THU_NSNN"]
    assert row["status"] == "exceeded" and row["counts_unapproved"] and e["include_unapproved"], row
    status, r = w.api(w.admin, "GET", f"/evaluation?unit={ward}&period=2026&include_unapproved=maybe")
    assert status == 400 and r["error"]["field"] == "include_unapproved", r


def test_a_ward_reporter_cannot_see_another_wards_evaluation(w):
    (ward, _), (neighbour, _) = w.ward(), w.ward()
    rep = w.user(("reporter", ward))
    status, r = w.api(rep, "GET", f"/evaluation?unit={neighbour}&period=2026")
    assert status == 403, r


def test_rollup_of_ha_noi_counts_the_reporting_units(w):
    ward, _ = w.ward()
    enter(w, w.user(("reporter", ward)), ward, "2026-10", 7)
    status, r = w.api(w.admin, "GET", f"/rollup?unit={w.city}&period=2026-10&include_unapproved=true")
    assert status == 200 and any(i["reporting"] >= 1 for i in r["items"]), r


def test_the_wards_of_ha_noi_side_by_side(w):
    status, r = w.api(w.admin, "GET", f"/compare?unit={w.city}&period=2026-10&indicator=THU_NSNN")
    assert status == 200 and len(r["items"]) > 100, len(r.get("items", []))


def test_the_whole_country_is_one_rollup_of_one_indicator(w):
    ward, _ = w.ward()
    enter(w, w.user(("reporter", ward)), ward, "2026-09", 11)
    status, r = w.api(w.admin, "GET", "/rollup?period=2026-09&indicator=THU_NSNN&include_unapproved=true")
    assert status == 200, r
    assert r["unit"]["type"] == "country" and r["unit"]["name"] == "Cả nước", r["unit"]
    assert [i["indicator"]["code"] for i in r["items"]] == ["THU_NSNN"], r["items"]
    item = r["items"][0]
    assert item["expected"] == 34 and item["reporting"] >= 1 and item["value"] >= 11, item
    assert item["label"] == "Tổng các tỉnh, thành phố", item["label"]
    # Only approved figures count by default: the draft is not in the country's figure.
    status, r = w.api(w.admin, "GET", "/rollup?period=2026-09&indicator=THU_NSNN")
    assert status == 200 and all(i["value"] is None or i["reporting"] >= 1 for i in r["items"]), r
    # The country's figure is for those whose roles cover every unit.
    status, r = w.api(w.user(("viewer", w.city)), "GET", "/rollup?period=2026-09&indicator=THU_NSNN")
    assert status == 403, r


def test_a_ranking_comes_sorted_best_first_with_the_count_reporting(w):
    (a, _), (b, _) = w.ward(), w.ward()
    rep = w.user(("reporter", a), ("reporter", b))
    enter(w, rep, a, "2026-08", 3)
    enter(w, rep, b, "2026-08", 300000)
    status, r = w.api(w.admin, "GET", f"/compare?unit={w.city}&period=2026-08&indicator=THU_NSNN&include_unapproved=true")
    assert status == 200, r
    ranked = [i for i in r["items"] if i["rank"] is not None]
    assert r["reporting"] == len(ranked) >= 2 and r["expected"] == len(r["items"]), (r["reporting"], len(ranked))
    assert [i["rank"] for i in ranked] == list(range(1, len(ranked) + 1))
    actuals = [i["actual"] for i in ranked]
    assert actuals == sorted(actuals, reverse=True), actuals  # revenue: the higher the better
    assert r["items"][: len(ranked)] == ranked, "units without a figure come last"
    position = {i["unit"]["id"]: i["rank"] for i in ranked}
    assert position[b] < position[a]
    status, r = w.api(w.admin, "GET", "/compare?period=2026-08&indicator=THU_NSNN")
    assert status == 200 and len(r["items"]) == 34 and r["parent"]["type"] == "country", r.get("parent")
    status, r = w.api(w.admin, "GET", f"/compare?unit={w.city}&period=2026-08&indicator=KHONG_CO")
    assert status == 400 and r["error"]["field"] == "indicator", r


def compare_table(w, client, unit, period, query=""):
    status, t = w.api(client, "GET", f"/compare/table?unit={unit}&period={period}{query}")
    assert status == 200, t
    codes = [i["indicator"]["code"] for i in t["indicators"]]
    cells = {u["unit"]["id"]: dict(zip(codes, u["cells"])) for u in t["units"]}
    return t, codes, cells


def test_the_wards_of_ha_noi_by_indicator_with_their_sum_and_no_city_figure(w):
    (a, _), (b, _), (c, _) = w.ward(), w.ward(), w.ward()
    appr = w.user(("approver", w.city))
    status, r = w.api(w.admin, "POST", "/plans", {"unit": a, "body_kind": "peoples_council", "first_year": 2026,
                                                 "targets": [{"indicator": "THU_NSNN", "year": 2026, "value": 10}]})
    assert status == 201, r
    for ward, value in ((a, 8.5), (b, 4)):
        rep = w.user(("reporter", ward))
        rid = enter(w, rep, ward, "2026-05", value)["id"]
        assert w.api(rep, "POST", f"/results/{rid}/submit")[0] == 200
        assert w.api(appr, "POST", f"/results/{rid}/approve", {"version": 1})[0] == 200
    enter(w, w.user(("reporter", c)), c, "2026-05", 1000)  # a draft: shown, never summed
    t, codes, cells = compare_table(w, w.admin, w.city, "2026-05")
    assert t["sum_label"] == "Tổng các xã, phường" and len(t["units"]) > 100, t["sum_label"]
    assert "THU_NSNN" in codes, codes
    ca = cells[a]["THU_NSNN"]
    assert ca["actual"] == 8.5 and ca["target"] == 10 and ca["approved"] and ca["result_status"] == "approved", ca
    assert ca["status"] in ("in_progress", "not_met", "met", "exceeded") and abs(ca["percent_of_plan"] - 85) < 1e-9, ca
    cc = cells[c]["THU_NSNN"]
    assert cc["actual"] is None and cc["unapproved_value"] == 1000 and not cc["approved"], cc
    thu = next(i for i in t["indicators"] if i["indicator"]["code"] == "THU_NSNN")
    counted = [x["THU_NSNN"]["actual"] for x in cells.values() if x["THU_NSNN"] and x["THU_NSNN"]["actual"] is not None]
    assert thu["additive"] and thu["sum"]["value"] == sum(counted) and thu["sum"]["value"] >= 12.5, thu
    assert thu["sum"]["label"] == "Tổng các xã, phường", thu
    assert thu["sum"]["reporting"] == len(counted) and thu["sum"]["expected"] == len(t["units"]), thu
    # The city has no figure of its own: the sum is not given as one.
    status, e = w.api(w.admin, "GET", f"/evaluation?unit={w.city}&period=2026-05")
    assert status == 200 and all(r["actual"] is None for r in e["rows"] if r["indicator"]["code"] == "THU_NSNN"), e
    # With drafts on request the draft counts, marked.
    t, codes, cells = compare_table(w, w.admin, w.city, "2026-05", "&include_unapproved=true&indicators=THU_NSNN")
    assert codes == ["THU_NSNN"] and cells[c]["THU_NSNN"]["actual"] == 1000 and not cells[c]["THU_NSNN"]["approved"], cells[c]
    status, r = w.api(w.admin, "GET", f"/compare/table?unit={w.city}&period=2026-05&indicators=NO_SUCH")
    assert status == 400 and r["error"]["field"] == "indicators", r
    status, r = w.api(w.admin, "GET", f"/compare/table?unit={w.city}&period=2026-05&format=pdf")
    assert status == 400 and r["error"]["field"] == "format", r


def test_the_wards_of_thanh_hoa_city_before_2025_without_figures_of_its_own(w):
    city = w.unit("thanh%20hoa", "380", "01/01/2018")
    t, codes, cells = compare_table(w, w.admin, city, "2018-01/2018-10")
    assert t["parent"]["full_name"] == "Thành phố Thanh Hóa" and t["sum_label"] == "Tổng các phường, xã", t["parent"]
    quang_hung = w.unit("quang%20hung", "14800", "01/01/2018")
    dn = cells[quang_hung]["DN_MOI"]
    # The verdict is core's, as on the ward's own evaluation: 32 of 33, 97%, not yet met.
    assert dn["actual"] == 32 and dn["status"] == "in_progress" and round(dn["percent_of_plan"]) == 97, dn
    e, rows = evaluation_rows(w, quang_hung, "2018-01/2018-10")
    assert all(cells[quang_hung][code]["status"] == rows[code]["status"] for code in rows if code in codes), codes


def download(w, client, path):
    """(status, headers, bytes) of a GET under /api/v1 with `client`'s session."""
    req = urllib.request.Request(w.server.base + "/api/v1" + path)
    req.add_header("Cookie", client.cookie)
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.status, r.headers, r.read()


def xlsx_cells(data):
    """{"A1": (type, text)} of the first sheet: type "n" for a number cell, "s" for a shared string."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        shared = [("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
                  for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns)]
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    out = {}
    for c in sheet.iter("{%s}c" % ns["m"]):
        v = c.find("m:v", ns)
        kind = c.get("t", "n")
        text = "" if v is None else v.text
        out[c.get("r")] = (kind, shared[int(text)] if kind == "s" else text)
    return out


def test_the_comparison_downloads_as_xlsx_with_number_cells_and_as_csv_with_a_bom(w):
    (a, _), (b, _) = w.ward(), w.ward()
    appr = w.user(("approver", w.city))
    for ward, value in ((a, 2317.8), (b, 1000)):
        rep = w.user(("reporter", ward))
        rid = enter(w, rep, ward, "2026-07", value, "DN_MOI")["id"]
        assert w.api(rep, "POST", f"/results/{rid}/submit")[0] == 200
        assert w.api(appr, "POST", f"/results/{rid}/approve", {"version": 1})[0] == 200
    query = f"/compare/table?unit={w.city}&period=2026-07&indicators=DN_MOI"
    t, _, _ = compare_table(w, w.admin, w.city, "2026-07", "&indicators=DN_MOI")
    total = t["indicators"][0]["sum"]["value"]
    status, headers, data = download(w, w.admin, query + "&format=xlsx")
    assert status == 200 and data[:2] == b"PK", data[:20]
    assert headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert headers["Content-Disposition"] == 'attachment; filename="so-sanh-thanh-pho-ha-noi-2026-07.xlsx"', headers
    cells = xlsx_cells(data)
    assert cells["A2"] == ("s", "Mã đơn vị") and cells["F2"] == ("s", "Kết quả"), cells.get("A2")
    rows = sorted({int(re.sub("[A-Z]", "", r)) for r in cells})
    wards = [r for r in rows if r > 2 and cells.get(f"A{r}", ("", ""))[1]]
    sums = [r for r in rows if cells.get(f"B{r}") == ("s", "Tổng các xã, phường")]
    assert len(wards) == len(t["units"]) and len(sums) == 1, (len(wards), sums)
    results = [cells[f"F{r}"] for r in wards if f"F{r}" in cells]
    assert results and all(kind == "n" for kind, _ in results), results[:5]
    assert abs(sum(float(v) for _, v in results) - total) < 1e-6 and total >= 3317.8, total
    assert cells[f"F{sums[0]}"][0] == "n" and abs(float(cells[f"F{sums[0]}"][1]) - total) < 1e-6
    status, headers, data = download(w, w.admin, query + "&format=csv")
    assert status == 200 and data.startswith(b"\xef\xbb\xbf") and headers["Content-Type"].startswith("text/csv"), data[:20]
    assert headers["Content-Disposition"].endswith('so-sanh-thanh-pho-ha-noi-2026-07.csv"'), headers
    lines = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert lines[1][0] == "Mã đơn vị" and lines[-1][1] == "Tổng các xã, phường", lines[-1]
    assert abs(sum(float(r[5]) for r in lines[2:-1] if r[5]) - total) < 1e-6 and abs(float(lines[-1][5]) - total) < 1e-6


def test_a_units_evaluation_and_its_rollup_download_as_xlsx_with_number_cells_and_as_csv(w):
    (a, _), (b, _) = w.ward(), w.ward()
    appr = w.user(("approver", w.city))
    for ward, value in ((a, 2317.8), (b, 1000)):
        rep = w.user(("reporter", ward))
        rid = enter(w, rep, ward, "2026-07", value, "DN_MOI")["id"]
        assert w.api(rep, "POST", f"/results/{rid}/submit")[0] == 200
        assert w.api(appr, "POST", f"/results/{rid}/approve", {"version": 1})[0] == 200
    # The ward's own table: its figure as a typed number, its verdict, the summary in the title.
    status, headers, data = download(w, w.admin, f"/evaluation?unit={a}&period=2026-07&format=xlsx")
    assert status == 200 and data[:2] == b"PK", data[:20]
    assert re.search(r'filename="danh-gia-[a-z0-9-]+-2026-07\.xlsx"', headers["Content-Disposition"]), headers
    cells = xlsx_cells(data)
    assert cells["A2"] == ("s", "Mã chỉ tiêu") and cells["D2"] == ("s", "Kết quả"), cells.get("A2")
    row = next(int(r[1:]) for r, (_, v) in cells.items() if r.startswith("A") and v == "DN_MOI")
    assert cells[f"D{row}"][0] == "n" and abs(float(cells[f"D{row}"][1]) - 2317.8) < 1e-9, cells[f"D{row}"]
    assert cells[f"L{row}"] == ("s", "đã duyệt"), cells.get(f"L{row}")
    assert "chỉ tiêu" in cells["A1"][1], cells["A1"]
    status, headers, data = download(w, w.admin, f"/evaluation?unit={a}&period=2026-07&format=csv")
    assert status == 200 and data.startswith(b"\xef\xbb\xbf") and headers["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    dn = next(r for r in lines if r and r[0] == "DN_MOI")
    assert lines[1][0] == "Mã chỉ tiêu" and float(dn[3]) == 2317.8, dn
    # The city's roll-up: the sum of its wards.
    status, headers, data = download(w, w.admin, f"/rollup?unit={w.city}&period=2026-07&indicator=DN_MOI&format=xlsx")
    assert status == 200 and 'filename="tong-hop-thanh-pho-ha-noi-2026-07.xlsx"' in headers["Content-Disposition"], headers
    cells = xlsx_cells(data)
    row = next(int(r[1:]) for r, (_, v) in cells.items() if r.startswith("A") and v == "DN_MOI")
    status, rollup = w.api(w.admin, "GET", f"/rollup?unit={w.city}&period=2026-07&indicator=DN_MOI")
    value = rollup["items"][0]["value"]
    assert cells[f"D{row}"][0] == "n" and abs(float(cells[f"D{row}"][1]) - value) < 1e-6 and value >= 3317.8, value
    status, _, data = download(w, w.admin, f"/rollup?unit={w.city}&period=2026-07&indicator=DN_MOI&format=csv")
    lines = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert status == 200 and lines[1][3] == "Giá trị" and abs(float(lines[2][3]) - value) < 1e-6, lines
    status, r = w.api(w.admin, "GET", f"/evaluation?unit={a}&period=2026-07&format=pdf")
    assert status == 400 and r["error"]["field"] == "format", r


def test_a_day_that_is_not_a_date_is_refused_not_taken_for_today(w):
    for path in [f"/completeness?unit={w.city}&period=2026-04&on=32/13/2026", "/units?q=ha%20noi&on=hom%20nay",
                 f"/evaluation?unit={w.city}&period=2026&on=2026-02-30", "/directives/overdue?on=31.04.2026"]:
        status, r = w.api(w.admin, "GET", path)
        assert status == 400 and r["error"]["field"] == "on", (path, r)
    status, r = w.api(w.admin, "POST", f"/completeness/reminders?on=99/99/2026", {"unit": w.city, "period": "2026-04"})
    assert status == 400 and r["error"]["field"] == "on", r
    assert w.api(w.admin, "GET", f"/completeness?unit={w.city}&period=2026-04&on=2026-04-27")[0] == 200


def test_a_bare_rate_is_counted_as_reporting_and_named_in_the_rollup_and_its_sheet(w):
    (full, _), (bare, _) = w.ward(), w.ward()
    for unit, body in [(full, {"value": 2.0, "numerator": 20, "denominator": 1000}), (bare, {"value": 9.0})]:
        status, r = w.api(w.admin, "POST", "/results", {"unit": unit, "indicator": "TY_LE_HO_NGHEO",
                                                        "period": "2026-08", **body})
        assert status == 201, r
    query = f"/rollup?unit={w.city}&period=2026-08&indicator=TY_LE_HO_NGHEO&include_unapproved=true"
    status, r = w.api(w.admin, "GET", query)
    item = r["items"][0]
    assert status == 200 and bare in item["without_base"] and full not in item["without_base"], item
    assert item["reporting"] >= 2 and item["numerator"] >= 20, item
    status, _, data = download(w, w.admin, query + "&format=xlsx")
    cells = xlsx_cells(data)
    assert cells["J2"] == ("s", "Số đơn vị thiếu tử số, mẫu số hoặc quyền số (không tính vào giá trị chung)"), cells.get("J2")
    assert cells["J3"][0] == "n" and int(float(cells["J3"][1])) == len(item["without_base"]), cells.get("J3")
    # A rate over the wards is their overall rate, named so, never the city's own figure.
    assert item["label"] == "Tỷ lệ chung các xã, phường", item["label"]
    assert cells["K2"] == ("s", "Giá trị là") and cells["K3"] == ("s", "Tỷ lệ chung các xã, phường"), cells.get("K3")
    # The comparison combines the same wards by the same rule, bare rate flagged.
    t, _, _ = compare_table(w, w.admin, w.city, "2026-08", "&indicators=TY_LE_HO_NGHEO&include_unapproved=true")
    up = t["indicators"][0]["sum"]
    assert not t["indicators"][0]["additive"] and up["label"] == "Tỷ lệ chung các xã, phường", up
    assert up["value"] == item["value"] and bare in up["without_base"] and up["reporting"] == item["reporting"], (up, item)


def test_income_per_head_over_the_wards_is_weighted_by_their_population(w):
    """Thu nhập bình quân đầu người of the wards together: total income over total population, not a plain mean."""
    (rich, _), (poor, _), (unknown, _) = w.ward(), w.ward(), w.ward()
    for unit, income, people in ((rich, 80, 30000), (poor, 40, 10000), (unknown, 20, None)):
        status, r = w.api(w.admin, "POST", "/results", {"unit": unit, "indicator": "THU_NHAP_BQ", "period": "2026-11",
                                                        "value": income})
        assert status == 201, r
        if people is not None:
            status, r = w.api(w.admin, "POST", "/results", {"unit": unit, "indicator": "DAN_SO", "period": "2026-11",
                                                            "value": people})
            assert status == 201, r
    query = f"/rollup?unit={w.city}&period=2026-11&indicator=THU_NHAP_BQ&include_unapproved=true"
    status, r = w.api(w.admin, "GET", query)
    assert status == 200, r
    item = r["items"][0]
    assert item["indicator"]["weight_by"] == "DAN_SO" and item["label"] == "Bình quân các xã, phường", item
    # (80·30.000 + 40·10.000) / 40.000 = 70, where the plain mean of 80, 40 and 20 would be 46,7.
    assert abs(item["value"] - 70) < 1e-9 and item["denominator"] == 40000, item
    # The ward that gave no population is counted as reporting, named, and left out.
    assert unknown in item["without_base"] and rich not in item["without_base"] and item["reporting"] >= 3, item
    t, _, _ = compare_table(w, w.admin, w.city, "2026-11", "&indicators=THU_NHAP_BQ&include_unapproved=true")
    up = t["indicators"][0]["sum"]
    assert abs(up["value"] - 70) < 1e-9 and unknown in up["without_base"] and up["label"] == item["label"], up


def test_a_province_compares_its_communes_after_2025_and_its_districts_before(w):
    province = w.unit("thanh%20hoa", "38", "01/08/2025")
    t, _, _ = compare_table(w, w.admin, province, "2026")
    assert t["sum_label"] == "Tổng các xã, phường" and len(t["units"]) > 150, (t["sum_label"], len(t["units"]))
    assert all(u["unit"]["type"] in ("ward", "commune", "special_zone") for u in t["units"]), {u["unit"]["type"] for u in t["units"]}
    t, _, _ = compare_table(w, w.admin, w.unit("thanh%20hoa", "38", "01/01/2018"), "2018-01/2018-10")
    assert t["sum_label"] == "Tổng các huyện, thị xã, thành phố" and any(u["unit"]["code"] == "380" for u in t["units"]), t["sum_label"]


def test_a_ward_reporter_cannot_compare_the_city(w):
    ward, _ = w.ward()
    status, r = w.api(w.user(("reporter", ward)), "GET", f"/compare/table?unit={w.city}&period=2026-05")
    assert status == 403, r


def test_trend_lists_the_stored_periods(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    enter(w, rep, ward, "2025-12", 3)
    enter(w, rep, ward, "2026-10", 4)
    status, r = w.api(w.admin, "GET", f"/trend?unit={ward}&indicator=THU_NSNN&from=2025&to=2026")
    assert status == 200 and [i["period"] for i in r["items"]] == ["2025-12", "2026-10"], r


# --- Reading a report: facts with spans, suggested indicators, confirmed as drafts with provenance

REPORT = ("Năm 2026, thu ngân sách phường đạt trên 45 tỷ đồng, bằng 115% so với cùng kỳ. "
          "Tỷ lệ hộ nghèo giảm còn 1,5%.")
LETTER = ("Phường làm việc với đoàn công tác\n\nBáo cáo của phường.\n\nKết luận, đồng chí Chủ tịch UBND quận "
          "đề nghị phường báo cáo kết quả trước ngày 28-10.")


def test_a_posted_report_gives_facts_with_spans_and_suggestions(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    status, d = w.api(rep, "POST", "/documents", {"unit": ward, "title": "Báo cáo năm 2026", "text": REPORT})
    assert status == 201 and len(d["facts"]["measures"]) >= 1, d
    m = d["facts"]["measures"][0]
    assert REPORT.encode()[m["span"][0]:m["span"][1]].decode() == m["text"], m
    assert any(s["indicator"].startswith("THU_N") for s in m["suggestions"]), m["suggestions"]


def test_what_a_report_states_of_its_plan_is_checked_against_the_stored_target(w):
    # "thành lập 32 doanh nghiệp mới, đạt 97% kế hoạch" with 33 stored agrees; with 30 stored it does not.
    text = "Năm 2027, phường thành lập 32 doanh nghiệp mới, đạt 97% kế hoạch."
    for stored, agrees in ((33, True), (30, False)):
        ward, _ = w.ward()
        status, r = w.api(w.admin, "POST", "/plans", {"unit": ward, "body_kind": "peoples_council", "first_year": 2027,
                                                      "resolution": "05/NQ-HĐND",
                                                      "targets": [{"indicator": "DN_MOI", "year": 2027, "value": stored}]})
        assert status == 201, r
        rep = w.user(("reporter", ward))
        status, d = w.api(rep, "POST", "/documents", {"unit": ward, "text": text})
        assert status == 201, d
        m = next(m for m in d["facts"]["measures"] if m["value"] == 32)
        dn = next(s for s in m["suggestions"] if s["indicator"] == "DN_MOI")
        check = dn["plan_check"]
        assert check is not None and check["consistent"] is agrees and check["target"] == stored, (m, check)
        assert check["message"].startswith("theo chỉ tiêu đã lưu của HĐND: "), check
        assert check["message"].endswith("32/33 = 96,97%" if agrees else "32/30 = 106,67%"), check
    # No target stored: nothing to check against.
    ward, _ = w.ward()
    status, d = w.api(w.user(("reporter", ward)), "POST", "/documents", {"unit": ward, "text": text})
    m = next(m for m in d["facts"]["measures"] if m["value"] == 32)
    assert all(s["plan_check"] is None for s in m["suggestions"]), m


def test_confirmed_facts_become_drafts_linked_to_their_span_in_the_reports_ward_only(w):
    (ward, _), (neighbour, _) = w.ward(), w.ward()
    rep, other = w.user(("reporter", ward)), w.user(("reporter", neighbour))
    status, d = w.api(rep, "POST", "/documents", {"unit": ward, "title": "Báo cáo năm 2026", "text": REPORT})
    status, c = w.api(rep, "POST", f"/documents/{d['document']['id']}/confirm",
                      {"facts": [{"measure": 0, "indicator": "THU_NS_XA", "period": "2026"}]})
    assert status == 201 and c["results"][0]["provenance"]["kind"] == "document", c
    assert c["results"][0]["status"] == "draft", c
    status, c = w.api(other, "POST", f"/documents/{d['document']['id']}/confirm",
                      {"facts": [{"measure": 0, "indicator": "THU_NS_XA"}]})
    # Another ward cannot confirm it, nor learn that it exists: the answer of a missing report.
    assert status == 404, "another ward cannot confirm this report: %s" % c
    status, missing = w.api(other, "POST", "/documents/987654321/confirm",
                            {"facts": [{"measure": 0, "indicator": "THU_NS_XA"}]})
    assert (status, missing["error"]["code"]) == (404, c["error"]["code"]), missing


POOR = "Năm 2026, toàn phường còn 35 hộ nghèo, tỷ lệ hộ nghèo giảm còn 1,2%."


def test_a_percentage_is_never_suggested_or_stored_as_a_count(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    status, d = w.api(rep, "POST", "/documents", {"unit": ward, "text": POOR})
    assert status == 201, d
    ms = {m["text"]: m for m in d["facts"]["measures"]}
    pct = next(m for m in d["facts"]["measures"] if m["unit"] == "%")
    count = next(m for m in d["facts"]["measures"] if m["unit"] == "hộ")
    assert pct["suggestions"][0]["indicator"] == "TY_LE_HO_NGHEO", ms
    assert "HO_NGHEO" not in [s["indicator"] for s in pct["suggestions"]], pct["suggestions"]
    assert "TY_LE_HO_NGHEO" not in [s["indicator"] for s in count["suggestions"]], count["suggestions"]
    assert count["suggestions"][0]["indicator"] == "HO_NGHEO", ms
    doc = d["document"]["id"]
    status, c = w.api(rep, "POST", f"/documents/{doc}/confirm",
                      {"facts": [{"measure": pct["index"], "indicator": "HO_NGHEO", "period": "2026"}]})
    assert status == 400 and "tỷ lệ" in c["error"]["message"] and c["error"]["field"] == "indicator", c
    status, c = w.api(rep, "POST", f"/documents/{doc}/confirm",
                      {"facts": [{"measure": count["index"], "indicator": "TY_LE_HO_NGHEO", "period": "2026"}]})
    assert status == 400, c
    status, c = w.api(rep, "POST", f"/documents/{doc}/confirm",
                      {"facts": [{"measure": pct["index"], "indicator": "TY_LE_HO_NGHEO", "period": "2026"}]})
    assert status == 201 and c["results"][0]["value"] == 1.2, c


def docx_of(*paragraphs):
    """A small .docx whose body is `paragraphs`, as Word lays them out."""
    import io
    import zipfile
    from xml.sax.saxutils import escape
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://'
                   f'schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>')
    return out.getvalue()


def empty_page_pdf():
    """A one-page PDF with nothing on the page: a scan, to a reader of text."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
               "<< /Length 0 >>\nstream\n\nendstream"]
    pdf, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += f"{i} 0 obj\n{o}\nendobj\n".encode()
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    pdf += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    return pdf + f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def upload(w, client, ward, name, data):
    return w.api(client, "POST", "/documents",
                 {"unit": ward, "file_name": name, "content_base64": base64.b64encode(data).decode()})


def test_an_uploaded_docx_or_pdf_is_read_as_its_text_and_spans_point_into_it(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    first, second = REPORT.split(" Tỷ lệ")
    status, d = upload(w, rep, ward, "bao-cao.docx", docx_of(first, "Tỷ lệ" + second))
    assert status == 201, d
    text = d["document"]["text"]
    assert text == first + "\nTỷ lệ" + second + "\n", text
    assert d["document"]["title"] == "bao-cao.docx", d["document"]
    m = d["facts"]["measures"][0]
    assert text.encode()[m["span"][0]:m["span"][1]].decode() == m["text"] and m["value"] == 45e9, m
    status, d = upload(w, rep, ward, "bao-cao.txt", REPORT.encode())
    assert status == 201 and d["document"]["text"] == REPORT, d
    import shutil
    import subprocess
    import tempfile
    soffice = shutil.which("soffice")
    if soffice is None:
        return  # the PDF is made by LibreOffice where it is installed
    with tempfile.TemporaryDirectory() as tmp:
        with open(f"{tmp}/bao-cao.txt", "w", encoding="utf-8") as f:
            f.write(REPORT + "\n")
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--infilter=Text (encoded):UTF8", "--convert-to", "pdf", "--outdir", tmp,
                        f"{tmp}/bao-cao.txt"], check=True, capture_output=True, timeout=240)
        with open(f"{tmp}/bao-cao.pdf", "rb") as f:
            pdf = f.read()
    status, d = upload(w, rep, ward, "bao-cao.pdf", pdf)
    assert status == 201 and "45 tỷ đồng" in d["document"]["text"], d
    assert any(m["value"] == 45e9 for m in d["facts"]["measures"]), d["facts"]


def test_a_bad_file_is_a_400_naming_it_and_why_and_nothing_is_stored(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    status, first = upload(w, rep, ward, "a.txt", REPORT.encode())
    assert status == 201, first
    bad = [("bao-cao.docx", REPORT.encode(), "không phải là tệp .docx (không phải zip)"),
           ("mat-khau.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "bảo vệ bằng mật khẩu"),
           ("scan.pdf", empty_page_pdf(), "tệp PDF không có lớp chữ (bản quét?)"),
           ("bao-cao.pdf", REPORT.encode(), "không phải là tệp PDF"),
           ("hong.txt", "Thu 45 tỷ".encode() + b"\xff", "UTF-8 không hợp lệ tại byte 11")]
    for name, data, why in bad:
        status, r = upload(w, rep, ward, name, data)
        assert status == 400 and name in r["error"]["message"] and why in r["error"]["message"], (name, r)
        assert r["error"]["field"] == "content_base64", r
    status, r = w.api(rep, "POST", "/documents", {"unit": ward, "file_name": "x.docx", "content_base64": "%%%"})
    assert status == 400 and r["error"]["field"] == "content_base64", r
    status, last = upload(w, rep, ward, "b.txt", REPORT.encode())
    assert status == 201, last
    assert last["document"]["id"] == first["document"]["id"] + 1, "a refused file was stored"


def test_the_documents_date_gives_the_year_of_a_deadline(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    status, d = w.api(rep, "POST", "/documents", {"unit": ward, "text": LETTER, "issued": "15/08/2019"})
    assert status == 201 and [x["deadline"] for x in d["facts"]["directives"]] == ["2019-10-28"], d.get("facts")
    status, g = w.api(rep, "GET", f"/documents/{d['document']['id']}")
    assert status == 200 and [x["deadline"] for x in g["facts"]["directives"]] == ["2019-10-28"], g.get("facts")
    status, d = w.api(rep, "POST", "/documents", {"unit": ward, "text": LETTER})
    today = vn_today()
    assert status == 201 and d["facts"]["directives"][0]["deadline"][:4] in (str(today.year), str(today.year + 1)), \
        "without a date, today gives it: %s" % d.get("facts")


# --- Documents out: the report and the conclusion notice, downloaded


def docx_text(data):
    import io
    import zipfile
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode()


def test_a_units_report_downloads_as_docx_and_pdf_for_those_who_may_read_it(w):
    (ward, code), (neighbour, _) = w.ward(), w.ward()
    rep, other = w.user(("reporter", ward)), w.user(("reporter", neighbour))
    enter(w, rep, ward, "2026", 45e9)
    status, data = w.api(rep, "GET", f"/reports/unit/{code}?period=2026&include_unapproved=true")
    assert status == 200 and data[:2] == b"PK", data
    assert rep.last_headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument"), rep.last_headers
    assert f'filename="bao-cao-{code}-2026.docx"' in rep.last_headers["Content-Disposition"], rep.last_headers
    xml = docx_text(data)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in xml and "45 tỷ đồng" in xml, xml[:2000]
    status, missing = w.api(other, "GET", "/reports/unit/99998?period=2026")
    status2, not_yours = w.api(other, "GET", f"/reports/unit/{code}?period=2026")
    assert status == status2 == 404, (missing, not_yours)
    assert missing["error"]["message"].replace("99998", code) == not_yours["error"]["message"], (missing, not_yours)
    status, r = w.api(rep, "GET", f"/reports/unit/{code}?period=2026-13")
    assert status == 400 and r["error"]["field"] == "period", r
    status, r = w.api(rep, "GET", f"/reports/unit/{code}?period=2026&format=odt")
    assert status == 400 and r["error"]["field"] == "format", r
    import shutil
    if shutil.which("soffice"):
        status, pdf = w.api(rep, "GET", f"/reports/unit/{code}?period=2026&format=pdf")
        assert status == 200 and pdf[:5] == b"%PDF-", pdf[:200]
        assert rep.last_headers["Content-Type"] == "application/pdf", rep.last_headers


def render_notice(data, folder):
    """LibreOffice renders the notice: one A4 page size, the national header at the top, the
    directive in the text, Times New Roman (or its metric twin); page 1 kept as PNG in `folder`."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: scripts/install-deps installs it")
    docx = folder / "thong-bao.docx"
    docx.write_bytes(data)
    r = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to", "pdf",
                        "--outdir", str(folder), str(docx)], capture_output=True, text=True, timeout=240)
    pdf = folder / "thong-bao.pdf"
    assert r.returncode == 0 and pdf.exists(), r.stdout + r.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    sizes = set(re.findall(r"Page size:\s+([\d.]+ x [\d.]+)", info))
    assert len(sizes) == 1 and re.fullmatch(r"595(\.\d+)? x 84[12](\.\d+)?", next(iter(sizes))), info
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    top = " ".join(" ".join(layout.split("\n")[:8]).split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in top and "Độc lập - Tự do - Hạnh phúc" in top, top
    flow = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert "THÔNG BÁO" in flow and "Rà soát các hộ kinh doanh" in flow and "Nơi nhận" in flow, flow
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"Times|Liberation ?Serif", fonts), fonts
    png = subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(folder / "thong-bao")],
                         capture_output=True, text=True)
    assert png.returncode == 0, png.stderr


def test_a_sessions_conclusion_notice_downloads_as_docx_404_alike_when_missing_or_not_yours(w, tmp_path):
    (ward, _), (neighbour, _) = w.ward(), w.ward()
    rep, other, appr = w.user(("reporter", ward)), w.user(("reporter", neighbour)), w.user(("approver", w.city))
    status, mt = w.api(appr, "POST", "/meetings", {
        "unit": ward, "held_on": vn_today().isoformat(), "host": "UBND thành phố", "chair": "đồng chí Chủ tịch",
        "conclusions": "Tập trung thu ngân sách",
        "directives": [{"text": "Rà soát các hộ kinh doanh", "assignee": {"kind": "body", "name": "UBND phường"},
                        "deadline": (vn_today() + datetime.timedelta(days=30)).isoformat()}]})
    assert status == 201, mt
    mid = mt["meeting"]["id"] if "meeting" in mt else mt["id"]
    status, data = w.api(rep, "GET", f"/meetings/{mid}/notice.docx")
    assert status == 200 and data[:2] == b"PK", data
    xml = docx_text(data)
    assert "THÔNG BÁO" in xml and "Rà soát các hộ kinh doanh" in xml, xml[:2000]
    render_notice(data, tmp_path)
    status, not_yours = w.api(other, "GET", f"/meetings/{mid}/notice.docx")
    status2, missing = w.api(other, "GET", "/meetings/99999999/notice.docx")
    assert status == status2 == 404, (not_yours, missing)
    assert not_yours["error"]["message"].replace(str(mid), "N") == missing["error"]["message"].replace("99999999", "N")


def test_the_reviewing_body_chooses_the_plan_a_ward_is_judged_on(w):
    ward, _ = w.ward()
    rep, appr, city = w.user(("reporter", ward)), w.user(("approver", ward)), w.user(("approver", w.city))
    for body, resolution, target in (("party_committee", "01-NQ/ĐU", 50e9), ("peoples_council", "05/NQ-HĐND", 40e9)):
        status, r = w.api(appr, "POST", "/plans", {
            "unit": ward, "body_kind": body, "first_year": 2027, "resolution": resolution,
            "targets": [{"indicator": "THU_NSNN", "year": 2027, "value": target}]})
        assert status in (200, 201), r
    rid = enter(w, rep, ward, "2027", 45e9)["id"]
    assert w.api(rep, "POST", f"/results/{rid}/submit")[0] == 200
    assert w.api(city, "POST", f"/results/{rid}/approve", {"version": 1})[0] == 200
    status, r = w.api(city, "GET", f"/evaluation?unit={ward}&period=2027&indicator=THU_NSNN")
    assert status == 200 and r["plan"]["key"] == "default", r
    assert r["rows"][0]["target"]["body_kind"] == "peoples_council" and r["rows"][0]["status"] == "exceeded", r
    # The x/y line is the plan of record's alone, and says so.
    assert r["summary_plan"] == "kế hoạch của HĐND (05/NQ-HĐND)" and "tính theo kế hoạch của HĐND" in r["plan"]["label"], r
    assert [p["body_kind"] for p in r["plans"] if p["counted"]] == ["peoples_council"], r
    by_body = {p["body_kind"]: p["summary"]["text"] for p in r["plans"]}
    assert by_body == {"party_committee": "0/1 chỉ tiêu đạt và vượt kế hoạch (vượt 0, đạt 0, không đạt 1)",
                       "peoples_council": "1/1 chỉ tiêu đạt và vượt kế hoạch (vượt 1, đạt 0, không đạt 0)"}, r
    status, r = w.api(city, "GET", f"/evaluation?unit={ward}&period=2027&indicator=THU_NSNN&plan=party_committee")
    assert r["plan"] == {"key": "party_committee", "label": "kế hoạch của Đảng ủy"}, r
    assert r["summary_plan"] == "kế hoạch của Đảng ủy (01-NQ/ĐU)", r
    assert r["rows"][0]["status"] == "not_met" and r["summary"]["not_met"] == 1, r
    assert [p["chosen"] for p in r["plans"] if p["body_kind"] == "party_committee"] == [True], r
    status, r = w.api(city, "GET", f"/evaluation?unit={ward}&period=2027&plan=hdnd")
    assert status == 400 and r["error"]["field"] == "plan", r


def test_a_growth_target_is_worked_out_on_last_years_result(w):
    """ "Thu ngân sách năm 2028 tăng 10% so với năm 2027": the level is known once 2027 is approved."""
    ward, _ = w.ward()
    rep, appr, city = w.user(("reporter", ward)), w.user(("approver", ward)), w.user(("approver", w.city))
    status, r = w.api(appr, "POST", "/plans", {
        "unit": ward, "body_kind": "party_committee", "first_year": 2028,
        "targets": [{"indicator": "THU_NSNN", "year": 2028, "value": 10, "form": "growth_percent"}]})
    assert status in (200, 201) and r["targets"][0]["form"] == "growth_percent", r
    assert r["targets"][0]["form_text"] == "tăng 10% so với năm 2027", r
    status, r = w.api(appr, "POST", "/plans", {
        "unit": ward, "body_kind": "peoples_council", "first_year": 2028,
        "targets": [{"indicator": "THU_NSNN", "year": 2028, "value": 10, "form": "percent"}]})
    assert status == 400 and r["error"]["field"] == "form", r

    def approve(period, value):
        rid = enter(w, rep, ward, period, value)["id"]
        assert w.api(rep, "POST", f"/results/{rid}/submit")[0] == 200
        assert w.api(city, "POST", f"/results/{rid}/approve", {"version": 1})[0] == 200

    approve("2028-01", 30e9)
    status, r = w.api(city, "GET", f"/evaluation?unit={ward}&period=2028-01&indicator=THU_NSNN")
    row = r["rows"][0]
    assert row["target"]["worked_out"] is False and row["status"] == "no_data", row
    assert "cần kết quả năm 2027" in row["note"], row
    approve("2027", 100e9)
    status, r = w.api(city, "GET", f"/evaluation?unit={ward}&period=2028-01&indicator=THU_NSNN")
    row = r["rows"][0]
    assert row["target"]["worked_out"] and abs(row["target"]["value"] - 110e9) < 1, row
    assert row["target"]["written_value"] == 10 and row["target"]["form_text"] == "tăng 10% so với năm 2027", row
    assert abs(row["percent_of_plan"] - 30 / 110 * 100) < 1e-6 and row["status"] == "in_progress", row


# --- Working sessions and directives, followed to done


def test_a_directive_followed_from_its_session_to_done_late(w):
    (ward, _), (neighbour, _) = w.ward(), w.ward()
    rep, other, appr = w.user(("reporter", ward)), w.user(("reporter", neighbour)), w.user(("approver", w.city))
    evidence = enter(w, rep, ward, "2026-10", 2317.8e6)["id"]
    today = vn_today()
    deadline = today + datetime.timedelta(days=1)
    status, mt = w.api(appr, "POST", "/meetings", {
        "unit": ward, "held_on": today.isoformat(), "host": "Thường trực Thành ủy", "chair": "đồng chí Bí thư",
        "attendees": ["Đảng ủy phường"], "conclusions": "Tập trung thu ngân sách",
        "directives": [{"text": "Báo cáo Chủ tịch UBND thành phố trước hạn",
                        "assignee": {"kind": "body", "name": "UBND phường Long Biên"},
                        "deadline": deadline.isoformat(), "indicator": "THU_NSNN"}]})
    assert status == 201 and len(mt["directives"]) == 1, mt
    did = mt["directives"][0]["id"]
    status, r = w.api(rep, "GET", "/directives")
    assert status == 200 and r["items"][0]["state"] == "in_progress", r
    later = (deadline + datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    status, r = w.api(rep, "GET", f"/directives?on={later}")
    assert r["items"][0]["state"] == "overdue" and r["counts"] == {"overdue": 1}, r
    status, r = w.api(other, "GET", "/directives")
    assert r["total"] == 0, "another ward does not see it: %s" % r
    status, r = w.api(rep, "GET", f"/directives/overdue?on={later}")
    assert [(a["name"], a["overdue"]) for a in r["by_assignee"]] == [("UBND phường Long Biên", 1)], r
    assert [(i["name"], i["overdue"]) for i in r["by_issuer"]] == [("Thường trực Thành ủy", 1)], r
    status, r = w.api(rep, "POST", f"/directives/{did}/progress", {"note": "Đã rà soát", "on": today.isoformat()})
    assert status == 201 and r["progress"][0]["note"] == "Đã rà soát", r
    status, r = w.api(rep, "POST", f"/directives/{did}/progress",
                      {"note": "Đã báo cáo", "completes": True, "on": (deadline + datetime.timedelta(days=2)).isoformat(),
                       "evidence_result": evidence})
    assert status == 201 and r["completed_on"] is not None, "completed two days after its deadline: %s" % r
    after_done = (deadline + datetime.timedelta(days=3)).strftime("%d/%m/%Y")
    status, r = w.api(rep, "GET", f"/directives/{did}?on={after_done}")
    assert r["state"] == "done_late" and r["state_label"] == "Hoàn thành quá hạn", r
    status, r = w.api(rep, "PATCH", f"/directives/{did}", {"deadline": "2030-01-01"})
    assert status == 403, "a reporter cannot move the deadline: %s" % r
    status, r = w.api(w.user(("approver", ward)), "PATCH", f"/directives/{did}", {"unit": neighbour})
    assert status == 403, "the ward's approver cannot move it to a unit outside its scope: %s" % r
    status, r = w.api(appr, "GET", f"/directives/{did}")
    assert [h["action"] for h in r["history"]][:3] == ["create", "progress", "complete"], r


def test_only_the_body_above_moves_a_sessions_deadline_or_assigns_targets(w):
    ward, _ = w.ward()
    city_approver, ward_approver = w.user(("approver", w.city)), w.user(("approver", ward))
    today = vn_today()
    status, mt = w.api(city_approver, "POST", "/meetings", {
        "unit": ward, "held_on": today.isoformat(), "host": "Thường trực Thành ủy", "chair": "đồng chí Bí thư",
        "directives": [{"text": "Hoàn thành giải phóng mặt bằng", "assignee": {"kind": "body", "name": "UBND phường"},
                        "deadline": (today + datetime.timedelta(days=30)).isoformat()}]})
    assert status == 201, mt
    did = mt["directives"][0]["id"]
    status, r = w.api(ward_approver, "PATCH", f"/directives/{did}", {"deadline": "2030-01-01"})
    assert status == 403 and "báo cáo tiến độ" in r["error"]["message"], "the ward cannot move the city's deadline: %s" % r
    status, r = w.api(ward_approver, "PATCH", f"/directives/{did}", {"text": "Việc khác"})
    assert status == 403, "nor rewrite the task: %s" % r
    status, r = w.api(ward_approver, "POST", f"/directives/{did}/progress", {"note": "Đã khởi công"})
    assert status == 201, "it reports progress: %s" % r
    status, r = w.api(city_approver, "PATCH", f"/directives/{did}", {"deadline": "2030-01-01"})
    assert status == 200 and r["deadline"] == "2030-01-01", "the city extends it: %s" % r

    assigned = {"unit": ward, "body_kind": "peoples_committee", "first_year": 2027, "assigned_by_superior": True,
                "targets": [{"indicator": "THU_NSNN", "year": 2027, "value": 50e9}]}
    status, r = w.api(ward_approver, "POST", "/plans", assigned)
    assert status == 403 and r["error"]["field"] == "assigned_by_superior", r
    status, r = w.api(city_approver, "POST", "/plans", assigned)
    assert status in (200, 201), r
    own = dict(assigned, assigned_by_superior=False, targets=[{"indicator": "THU_NSNN", "year": 2027, "value": 1}])
    status, r = w.api(ward_approver, "POST", "/plans", own)
    assert status == 403, "nor replace the assigned targets with its own: %s" % r
    status, r = w.api(ward_approver, "POST", "/plans", dict(own, body_kind="peoples_council"))
    assert status in (200, 201), "its own council's resolution is its own: %s" % r


def test_a_directive_with_two_deadlines_and_a_standing_duty(w):
    """ "Báo cáo Chủ tịch UBND thành phố trước ngày 25/11, hoàn thành trước 31/12"; "thường xuyên kiểm tra"."""
    ward, _ = w.ward()
    city_approver, ward_approver = w.user(("approver", w.city)), w.user(("approver", ward))
    today = vn_today()
    report_by, finish_by = today + datetime.timedelta(days=5), today + datetime.timedelta(days=40)
    status, mt = w.api(city_approver, "POST", "/meetings", {
        "unit": ward, "held_on": today.isoformat(), "host": "Thường trực Thành ủy",
        "directives": [
            {"text": "Rà soát, giải quyết dứt điểm kiến nghị của cử tri", "assignee": "UBND phường",
             "milestones": [{"on": report_by.strftime("%d/%m/%Y"), "what": "báo cáo Chủ tịch UBND thành phố"}],
             "deadline": finish_by.isoformat()},
            {"text": "Thường xuyên kiểm tra, đôn đốc thu ngân sách", "assignee": "UBND phường", "standing": True},
            {"text": "Quan tâm công tác dân vận", "assignee": "Đảng ủy phường"}]})
    assert status == 201, mt
    two, duty, open_ended = (d["id"] for d in mt["directives"])
    status, r = w.api(ward_approver, "GET", f"/directives/{two}")
    assert r["state"] == "in_progress" and r["next_deadline"] == report_by.isoformat(), r
    assert r["next_due"] == "báo cáo Chủ tịch UBND thành phố" and r["days_left"] == 5, r
    assert r["milestones"] == [{"on": report_by.isoformat(), "what": "báo cáo Chủ tịch UBND thành phố",
                                "done_on": None}], r
    past_report = (report_by + datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    status, r = w.api(ward_approver, "GET", f"/directives?on={past_report}")
    states = {d["id"]: d["state"] for d in r["items"]}
    assert states == {two: "overdue", duty: "standing", open_ended: "no_deadline"}, r
    assert r["counts"] == {"overdue": 1, "standing": 1, "no_deadline": 1}, r
    labels = {d["id"]: d["state_label"] for d in r["items"]}
    assert labels[duty] == "Thực hiện thường xuyên" and labels[open_ended] == "Không thời hạn", r
    status, r = w.api(ward_approver, "GET", f"/directives/overdue?on={past_report}")
    assert sorted((a["name"], a["open"], a["overdue"]) for a in r["by_assignee"]) == [
        ("UBND phường", 2, 1), ("Đảng ủy phường", 1, 0)], "standing and open-ended duties are open, not overdue: %s" % r

    # The ward says the report went on time; it may not move the report's day.
    delivered = [{"on": report_by.isoformat(), "what": "báo cáo Chủ tịch UBND thành phố",
                  "done_on": (report_by - datetime.timedelta(days=1)).isoformat()}]
    status, r = w.api(ward_approver, "PATCH", f"/directives/{two}", {"milestones": delivered})
    assert status == 200 and r["next_deadline"] == finish_by.isoformat(), r
    status, r = w.api(ward_approver, "GET", f"/directives/{two}?on={past_report}")
    assert r["state"] == "in_progress", r
    moved = [dict(delivered[0], on=(report_by + datetime.timedelta(days=10)).isoformat())]
    status, r = w.api(ward_approver, "PATCH", f"/directives/{two}", {"milestones": moved})
    assert status == 403, "the report's day is the city's: %s" % r
    status, r = w.api(ward_approver, "PATCH", f"/directives/{duty}", {"standing": False})
    assert status == 403, r
    status, r = w.api(city_approver, "PATCH", f"/directives/{duty}", {"deadline": finish_by.isoformat()})
    assert status == 400 and r["error"]["field"] == "deadline", "a standing duty has no final deadline: %s" % r
    late = [{"on": (finish_by + datetime.timedelta(days=1)).isoformat(), "what": "báo cáo"}]
    status, r = w.api(city_approver, "PATCH", f"/directives/{two}", {"milestones": late})
    assert status == 400 and r["error"]["field"] == "milestones[0].on", r
    status, r = w.api(city_approver, "PATCH", f"/directives/{two}", {"milestones": [{"on": "31/02/2026", "what": "x"}]})
    assert status == 400 and r["error"]["field"] == "milestones[0].on", r


def test_a_session_whose_second_directive_is_bad_is_refused_whole(w):
    ward, _ = w.ward()
    appr = w.user(("approver", w.city))
    today = vn_today().isoformat()
    status, r = w.api(appr, "POST", "/meetings", {
        "unit": ward, "held_on": today, "host": "UBND phường",
        "directives": [{"text": "ok", "assignee": "x"}, {"text": "bad", "assignee": "y", "indicator": "NOPE"}]})
    assert status == 404 and r["error"]["field"] == "indicator", r
    status, after = w.api(appr, "GET", f"/meetings?unit={ward}")
    assert after["total"] == 0, "neither the session nor its first directive is stored: %s" % after
    status, r = w.api(appr, "GET", f"/directives?unit={ward}")
    assert status == 200 and r["total"] == 0, r


def test_a_reporter_cannot_record_working_sessions(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    status, r = w.api(rep, "POST", "/meetings", {"unit": ward, "held_on": vn_today().isoformat(), "host": "x"})
    assert status == 403, r


# --- The command line beside the running server


def test_accounts_from_the_command_line_are_used_at_once(w):
    ward, code = w.ward()
    name = f"cli.viewer.{code}"
    r = w.cli("user", "add", name, "--password", "mật khẩu dài", "--display", "Cán bộ xem")
    assert r.returncode == 0, r.stderr
    r = w.cli("user", "role", name, "viewer", "--unit", code)
    assert r.returncode == 0, r.stderr
    r = w.cli("user", "role", name, "owner")
    assert r.returncode == 1 and "is not a role" in r.stderr, r.stderr
    c = Client(w.server)
    status, body = c.login(name, "mật khẩu dài")
    assert status == 200 and grants(body["user"]["roles"]) == [("viewer", ward)], body
    r = w.cli("user", "passwd", name, "--password", "mật khẩu mới")
    assert r.returncode == 0, r.stderr
    assert c.login(name, "mật khẩu dài")[0] == 401, "the old password no longer works"
    assert c.login(name, "mật khẩu mới")[0] == 200, "the new one does"
    r = w.cli("user", "list")
    assert name in r.stdout and f"viewer@{code}" in r.stdout, r.stdout


def test_units_imported_from_the_command_line_are_seen_without_a_restart(w, tmp_path):
    ward, code = w.ward()
    rep = w.user(("reporter", ward))
    groups = tmp_path / "to-dan-pho.csv"
    groups.write_text("Mã ĐVHC,Tên,Tên đầy đủ,Loại,Mã cấp trên,Hiệu lực từ ngày,Đến ngày\n"
                      f"{code}99,Tổ 99,Tổ dân phố 99,Tổ dân phố,{code},01/07/2025,\n", encoding="utf-8")
    r = w.cli("import", "units", str(groups))
    assert r.returncode == 0, r.stderr
    group = None
    for _ in range(30):
        status, body = w.api(w.admin, "GET", f"/units?parent={ward}&page_size=200")
        group = next((u["id"] for u in body.get("items", []) if u["code"] == f"{code}99"), None)
        if group:
            break
        time.sleep(0.1)
    assert group, "the server sees the new unit within seconds: %s" % body
    status, r = w.api(rep, "POST", "/results", {"unit": group, "indicator": "THU_NS_XA", "period": "2026-10", "value": 3})
    assert status == 201, "the ward's reporter may enter figures for it: %s" % r


# --- API tokens (no CSRF), logout, and the login limiter


def test_an_api_token_writes_without_csrf_and_a_wrong_one_is_a_401(w):
    ward, _ = w.ward()
    rep = w.user(("reporter", ward))
    status, t = w.api(rep, "POST", "/auth/tokens", {"label": "đồng bộ"})
    assert status == 201 and len(t["token"]) == 64, t
    machine = Client(w.server)
    machine.token = t["token"]
    status, r = w.api(machine, "POST", "/results", {"unit": ward, "indicator": "THU_NSNN", "period": "2026-09", "value": 7})
    assert status == 201, r
    machine.token = "f" * 64
    status, r = w.api(machine, "GET", "/units")
    assert status == 401, r


def _refused_within(client, seconds=15):
    """True once `client` is refused (401) on a read, trying every 0,2 s: the server re-reads
    cached sessions within seconds of a change made by the CLI."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if client.call("GET", "/api/v1/units")[0] == 401:
            return True
        time.sleep(0.2)
    return False


def _audit_actions(w, entity_id):
    """The audit log's actions on `entity_id`, oldest first, read from the server's database."""
    query = f"SELECT action FROM audit_log WHERE entity_id = '{entity_id}' ORDER BY id"
    if w.db.startswith("postgresql://"):
        out = subprocess.run(["psql", "-qAt", w.db, "-c", query], capture_output=True, text=True, check=True)
        return out.stdout.split()
    with sqlite3.connect(w.db) as con:
        return [row[0] for row in con.execute(query)]


def test_the_cli_lists_and_revokes_tokens_and_disables_and_enables_accounts(w):
    viewer = w.user(("viewer", w.ward()[0]))
    tokens = []
    for label in ("đồng bộ số liệu", "bảng tính"):
        status, t = w.api(viewer, "POST", "/auth/tokens", {"label": label})
        assert status == 201, t
        machine = Client(w.server)
        machine.token = t["token"]
        tokens.append((t["id"], machine))

    listed = w.cli("user", "tokens", viewer.name)
    assert listed.returncode == 0, listed.stderr
    assert tokens[0][0] in listed.stdout and tokens[1][0] in listed.stdout, listed.stdout
    assert "đồng bộ số liệu" in listed.stdout and "Expires" in listed.stdout, listed.stdout

    wrong = w.cli("user", "tokens", viewer.name, "--revoke", "0123456789ab")
    assert wrong.returncode == 1 and "0123456789ab" in wrong.stderr, wrong.stderr
    both = w.cli("user", "tokens", viewer.name, "--revoke", tokens[0][0], "--all")
    assert both.returncode == 2, both.stderr

    revoked = w.cli("user", "tokens", viewer.name, "--revoke", tokens[0][0])
    assert revoked.returncode == 0 and "Revoked 1" in revoked.stdout, revoked.stdout + revoked.stderr
    assert _refused_within(tokens[0][1]), "the revoked token still works"
    assert tokens[1][1].call("GET", "/api/v1/units")[0] == 200, "the other token must keep working"
    listed = w.cli("user", "tokens", viewer.name)
    assert tokens[0][0] not in listed.stdout and tokens[1][0] in listed.stdout, listed.stdout

    disabled = w.cli("user", "disable", viewer.name)
    assert disabled.returncode == 0, disabled.stderr
    assert _refused_within(viewer), "the disabled user's browser session still works"
    assert _refused_within(tokens[1][1]), "the disabled user's API token still works"
    status, r = Client(w.server).login(viewer.name, viewer.password)
    assert status == 401, r
    assert "(disabled)" in next(l for l in w.cli("user", "list").stdout.splitlines() if l.startswith(viewer.name))
    assert w.cli("user", "tokens", viewer.name).stdout.strip().endswith("has no working API token")

    enabled = w.cli("user", "enable", viewer.name)
    assert enabled.returncode == 0, enabled.stderr
    again = Client(w.server)
    status, r = again.login(viewer.name, viewer.password)
    assert status == 200, r
    assert tokens[1][1].call("GET", "/api/v1/units")[0] == 401, "enabling must not bring old tokens back"
    # Disabling twice changes nothing and is audited once.
    assert w.cli("user", "disable", viewer.name).returncode == 0
    assert w.cli("user", "disable", viewer.name).returncode == 0
    assert _audit_actions(w, viewer.name).count("disable") == 2  # before and after the enable
    assert _audit_actions(w, viewer.name).count("enable") == 1
    assert w.cli("user", "disable", "nobody.here").returncode == 1


def test_logout_ends_the_session(w):
    viewer = w.user(("viewer", w.ward()[0]))
    status, r = w.api(viewer, "POST", "/auth/logout")
    assert status == 200, r
    status, r = w.api(viewer, "GET", "/units")
    assert status == 401, r


def test_sign_in_is_rate_limited_after_5_failures(w):
    viewer = w.user(("viewer", w.ward()[0]))
    for _ in range(5):
        Client(w.server).login(viewer.name, "wrong password")
    status, r = Client(w.server).login(viewer.name, viewer.password)
    assert status == 429, r


def test_a_year_figure_built_from_fewer_months_says_how_many(w):
    # A stock (households in poverty) reported for March only stands for the year as of March: 3 of 12.
    ward, code = w.ward()
    enter(w, w.admin, ward, "2026-03", 41, "HO_NGHEO")
    status, e = w.api(w.admin, "GET", f"/evaluation?unit={ward}&period=2026&include_unapproved=true")
    assert status == 200, e
    row = next(r for r in e["rows"] if r["indicator"]["code"] == "HO_NGHEO")
    assert (row["actual"], row["months_reported"]) == (41, 3), row
    # With a year target, March's figure gives no verdict on the year: not "không đạt", not "đạt".
    status, plan = w.api(w.admin, "POST", "/plans", {"unit": ward, "body_kind": "peoples_council", "first_year": 2026,
                                                     "targets": [{"indicator": "HO_NGHEO", "year": 2026,
                                                                  "comparator": "<=", "value": 30}]})
    assert status == 201, plan
    status, e = w.api(w.admin, "GET", f"/evaluation?unit={ward}&period=2026&include_unapproved=true")
    row = next(r for r in e["rows"] if r["indicator"]["code"] == "HO_NGHEO")
    assert not row["year_verdict"] and row["status"] == "in_progress" and row["status_label"] == "chưa đạt", row
    # The download says how many months the figure stands for.
    status, _, data = download(w, w.admin, f"/evaluation?unit={ward}&period=2026&include_unapproved=true&format=xlsx")
    cells = xlsx_cells(data)
    line = next(int(r[1:]) for r, (_, v) in cells.items() if r.startswith("A") and v == "HO_NGHEO")
    assert cells["M2"] == ("s", "Số liệu mới có của số tháng") and cells[f"M{line}"] == ("n", "3"), cells.get(f"M{line}")
    status, data = w.api(w.admin, "GET", f"/reports/unit/{code}?period=2026&include_unapproved=true")
    assert status == 200 and "41 hộ (số liệu 3 tháng)" in docx_text(data), docx_text(data)[-3000:]
    status, e = w.api(w.admin, "GET", f"/evaluation?unit={ward}&period=2026-Q1&include_unapproved=true")
    row = next(r for r in e["rows"] if r["indicator"]["code"] == "HO_NGHEO")
    assert row["months_reported"] in (0, 3), row  # the whole quarter: nothing behind


# --- The directive board: where each came from, the next 7 days, assignees alike, the calendar feed


def session_with(w, client, ward, directives, host="Thường trực Thành ủy"):
    status, mt = w.api(client, "POST", "/meetings", {
        "unit": ward, "held_on": vn_today().isoformat(), "host": host, "directives": directives})
    assert status == 201, mt
    return mt


def test_due_within_lists_the_next_deadlines_of_the_week_with_their_unit_and_session(w):
    ward, code = w.ward()
    city, rep = w.user(("approver", w.city)), w.user(("reporter", ward))
    today = vn_today()
    day = lambda n: (today + datetime.timedelta(days=n)).isoformat()  # noqa: E731
    mt = session_with(w, city, ward, [
        {"text": "Báo cáo trong 3 ngày", "assignee": "UBND phường", "deadline": day(30),
         "milestones": [{"on": day(3), "what": "báo cáo tiến độ"}]},
        {"text": "Xong đúng 7 ngày", "assignee": "UBND phường", "deadline": day(7)},
        {"text": "Còn 8 ngày", "assignee": "UBND phường", "deadline": day(8)},
        {"text": "Đã quá hạn", "assignee": "UBND phường", "deadline": day(-1)}])
    status, r = w.api(rep, "GET", "/directives?due_within=7")
    assert status == 200, r
    assert [d["text"] for d in r["items"]] == ["Báo cáo trong 3 ngày", "Xong đúng 7 ngày"], r
    first = r["items"][0]
    assert first["next_deadline"] == day(3) and first["next_due"] == "báo cáo tiến độ", first
    assert first["source"]["unit"]["id"] == ward and first["source"]["unit"]["code"] == code, first
    assert first["source"]["meeting"] == {"id": mt["id"], "held_on": today.isoformat(),
                                          "host": "Thường trực Thành ủy"}, first
    status, r = w.api(w.user(("reporter", w.ward()[0])), "GET", "/directives?due_within=7")
    assert status == 200 and r["total"] == 0, "another ward's week is not mine: %s" % r
    status, r = w.api(rep, "GET", "/directives?due_within=soon")
    assert status == 400 and r["error"]["field"] == "due_within", r


def test_the_assignee_filter_takes_short_and_full_forms_with_or_without_diacritics(w):
    ward, _ = w.ward()
    city = w.user(("approver", w.city))
    session_with(w, city, ward, [
        {"text": "Việc một", "assignee": "UBND phường Long Biên"},
        {"text": "Việc hai", "assignee": "Ủy ban nhân dân phường Long Biên"},
        {"text": "Việc ba", "assignee": "Đảng ủy phường Long Biên"}])
    viewer = w.user(("viewer", ward))
    for query in ("uy ban nhan dan phuong long bien", "UBND phường", "ubnd phuong long", "Ủy ban nhân dân"):
        status, r = w.api(viewer, "GET", "/directives?assignee=" + urllib.parse.quote(query))
        assert status == 200 and sorted(d["text"] for d in r["items"]) == ["Việc hai", "Việc một"], (query, r)
    keys = {d["assignee"]["key"] for d in r["items"]}
    assert keys == {"uy ban nhan dan phuong long bien"}, "one key, the written names kept: %s" % r
    assert sorted(d["assignee"]["name"] for d in r["items"]) == ["UBND phường Long Biên", "Ủy ban nhân dân phường Long Biên"]
    status, r = w.api(viewer, "GET", "/directives?assignee=" + urllib.parse.quote("dang uy"))
    assert [d["text"] for d in r["items"]] == ["Việc ba"], r


def calendar_token(w, client):
    status, t = w.api(client, "POST", "/auth/tokens", {"label": "lịch"})
    assert status == 201, t
    return t["token"]


def unfolded_lines(text):
    """The content lines of an iCalendar text, checking each physical line on the way (RFC 5545 3.1)."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", ""), "CRLF only"
    physical = text.split("\r\n")[:-1]
    for line in physical:
        assert len(line.encode()) <= 75, line
    lines = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def test_a_units_deadlines_are_an_icalendar_feed_read_with_its_api_token(w):
    import icalendar  # python3-icalendar

    ward, code = w.ward()
    city, rep = w.user(("approver", w.city)), w.user(("reporter", ward))
    today = vn_today()
    long_text = "Rà soát, giải quyết dứt điểm kiến nghị của cử tri về đất đai; báo cáo Thường trực Thành ủy, " \
                "UBND thành phố kết quả thực hiện"
    mt = session_with(w, city, ward, [
        {"text": long_text, "assignee": "UBND phường", "deadline": (today + datetime.timedelta(days=20)).isoformat(),
         "milestones": [{"on": (today + datetime.timedelta(days=3)).isoformat(), "what": "báo cáo tiến độ"}]},
        {"text": "Đã xong", "assignee": "UBND phường", "deadline": (today + datetime.timedelta(days=9)).isoformat()}])
    done = mt["directives"][1]["id"]
    status, r = w.api(rep, "POST", f"/directives/{done}/progress", {"note": "Xong", "completes": True})
    assert status == 201, r
    did = mt["directives"][0]["id"]
    calendar_app = Client(w.server)  # no cookie, no header: the token is in the address
    status, text = calendar_app.call("GET", f"/api/v1/units/{code}/deadlines.ics?token={calendar_token(w, rep)}")
    assert status == 200, text
    assert calendar_app.last_headers["Content-Type"] == "text/calendar; charset=utf-8"
    lines = unfolded_lines(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR", lines
    cal = icalendar.Calendar.from_ical(text)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {f"directive-{did}-m0@kiemdem", f"directive-{did}-final@kiemdem"}, events.keys()
    final = events[f"directive-{did}-final@kiemdem"]
    assert str(final["SUMMARY"]) == "Hạn hoàn thành: " + long_text, final["SUMMARY"]
    assert final["DTSTART"].dt == today + datetime.timedelta(days=20) and "DTSTAMP" in final
    assert "Buổi làm việc ngày" in str(final["DESCRIPTION"]), final["DESCRIPTION"]
    assert f"SUMMARY:Hạn hoàn thành: {long_text.replace(',', chr(92) + ',').replace(';', chr(92) + ';')}" in lines
    status, again = calendar_app.call("GET", f"/api/v1/units/{code}/deadlines.ics?token={calendar_token(w, rep)}")
    assert {str(e["UID"]) for e in icalendar.Calendar.from_ical(again).walk("VEVENT")} == set(events), "stable UIDs"
    machine = Client(w.server)
    machine.token = calendar_token(w, rep)
    status, text = machine.call("GET", f"/api/v1/units/{code}/deadlines.ics")
    assert status == 200 and "BEGIN:VEVENT" in text, "the Authorization header works too"
    status, r = w.api(w.user(("viewer", w.city)), "GET", f"/units/{code}/deadlines.ics")
    assert status == 200 and f"directive-{did}-final@kiemdem" in r, "the city sees its ward's deadlines"


def test_the_calendar_feed_refuses_another_units_token_a_bad_token_and_an_unknown_code(w):
    ward, code = w.ward()
    other = w.user(("reporter", w.ward()[0]))
    feed = Client(w.server)
    status, r = feed.call("GET", f"/api/v1/units/{code}/deadlines.ics?token={calendar_token(w, other)}")
    assert status == 403 and r["error"]["code"] == "permission_denied", r
    status, r = feed.call("GET", f"/api/v1/units/{code}/deadlines.ics?token={'f' * 64}")
    assert status == 401 and r["error"]["message"] == "mã truy cập API không hợp lệ", r
    status, r = feed.call("GET", f"/api/v1/units/{code}/deadlines.ics")
    assert status == 401, r
    status, r = feed.call("GET", f"/api/v1/units/99999999/deadlines.ics?token={calendar_token(w, other)}")
    assert status == 404 and r["error"]["field"] == "code", r
    status, r = feed.call("GET", f"/api/v1/directives?token={calendar_token(w, other)}")
    assert status == 401, "?token= is for the calendar feed only: %s" % r
