"""The 2025 reorganisation through the API, on SQLite and (under tests/integration/with-postgres.sh)
PostgreSQL: a new ward's evaluation has a same-period-last-year figure rebuilt from the wards it was
formed from ("tính theo địa giới mới"), 2025 joins their first half to its own second half, and split
predecessors are flagged with the share counted. Every response is checked against openapi.json.

  pytest-3 tests/api/reorg_test.py --kiemdem build/release/src/cli/kiemdem -k sqlite"""
import base64
import os
import subprocess

import pytest


def enter(w, unit, period, value, indicator="THU_NSNN"):
    status, r = w.api(w.admin, "POST", "/results", {"unit": unit, "indicator": indicator, "period": period,
                                                    "value": value})
    assert status == 201, r
    return r


def row(w, unit, period, indicator="THU_NSNN"):
    # The figures entered here are drafts: counted on request (only approved ones count by default).
    status, e = w.api(w.admin, "GET", f"/evaluation?unit={unit}&period={period}&include_unapproved=true")
    assert status == 200, e
    return next(r for r in e["rows"] if r["indicator"]["code"] == indicator)


@pytest.fixture(scope="module")
def uong_bi(w):
    """Phường Uông Bí (06811 since 01/07/2025) and the four wards it was formed from, with figures."""
    u = {
        "uong_bi": w.unit("uong%20bi", "06811", "01/01/2026"),
        "thanh_son": w.unit("thanh%20son%20quang%20ninh", "06811", "01/01/2024"),
        "quang_trung": w.unit("quang%20trung%20quang%20ninh", "06817", "01/01/2024"),
        "trung_vuong": w.unit("trung%20vuong%20quang%20ninh", "06820", "01/01/2024"),
        "yen_thanh": w.unit("yen%20thanh%20quang%20ninh", "06826", "01/01/2024"),
    }
    assert u["uong_bi"] != u["thanh_son"], "06811 names two units"
    for key, y2024, h1 in [("thanh_son", 100, 60), ("quang_trung", 200, 110), ("yen_thanh", 300, 160),
                           ("trung_vuong", 50, 30)]:
        enter(w, u[key], "2024", y2024)
        enter(w, u[key], "2025-H1", h1)
    enter(w, u["uong_bi"], "2025-H2", 400)
    enter(w, u["uong_bi"], "2026", 900)
    return u


def names(units):
    return sorted(x["full_name"] for x in units)


def test_uong_bi_2025_has_last_year_rebuilt_from_three_wards_with_trung_vuong_partial(w, uong_bi):
    r = row(w, uong_bi["uong_bi"], "2025")
    prev = r["previous_series"]
    assert prev["basis"] == "rebuilt" and prev["label"] == "tính theo địa giới mới", prev
    assert r["previous"] == 600, r  # Thanh Sơn 100 + Quang Trung 200 + Yên Thanh 300
    counted = [p["unit"]["full_name"] for p in prev["parts"] if p["counted"]]
    assert sorted(counted) == ["Phường Quang Trung", "Phường Thanh Sơn", "Phường Yên Thanh"], prev
    assert names(prev["split_units"]) == ["Phường Trưng Vương"] and prev["complete"] is False, prev
    tv = next(p for p in prev["parts"] if p["unit"]["id"] == uong_bi["trung_vuong"])
    assert tv["coverage"] == "partial" and tv["share"] is None and tv["value"] == 50, tv
    assert "chưa tính Phường Trưng Vương (bị chia tách, chưa đặt tỷ lệ)" in prev["text"], prev["text"]
    # The year 2025 itself: the old wards' first half joined to Uông Bí's second half.
    act = r["actual_series"]
    assert act["basis"] == "mixed" and r["actual"] == 60 + 110 + 160 + 400, (r["actual"], act)
    own = [p for p in act["parts"] if p["unit"]["id"] == uong_bi["uong_bi"]]
    assert [p["period"] for p in own] == ["2025-H2"] and own[0]["counted"], act
    assert r["percent_of_previous"] == pytest.approx(730 / 600 * 100), r


def test_uong_bi_2026_has_last_year_from_both_halves_of_2025(w, uong_bi):
    r = row(w, uong_bi["uong_bi"], "2026")
    assert r["actual"] == 900 and r["actual_series"]["basis"] == "reported", r
    assert r["actual_series"]["label"] == "số liệu báo cáo", r["actual_series"]
    prev = r["previous_series"]
    assert prev["basis"] == "mixed" and r["previous"] == 730, (r["previous"], prev)
    assert names(prev["split_units"]) == ["Phường Trưng Vương"], prev
    first_half = {p["unit"]["full_name"] for p in prev["parts"] if p["period"] == "2025-H1" and p["counted"]}
    assert first_half == {"Phường Thanh Sơn", "Phường Quang Trung", "Phường Yên Thanh"}, prev
    assert r["percent_of_previous"] == pytest.approx(900 / 730 * 100), r


def test_an_old_ward_keeps_its_own_figures(w, uong_bi):
    r = row(w, uong_bi["thanh_son"], "2024")
    assert r["actual"] == 100 and r["actual_series"]["basis"] == "reported" and r["actual_series"]["parts"] == [], r


def test_long_bien_says_all_seven_predecessors_are_split_and_none_counted(w):
    long_bien = w.unit("long%20bien", "00145", "01/01/2026")
    gia_thuy = w.unit("gia%20thuy", "00130", "01/01/2025")
    enter(w, gia_thuy, "2025-H1", 10)
    enter(w, long_bien, "2025-H2", 20)
    enter(w, long_bien, "2026", 50)
    r = row(w, long_bien, "2026")
    prev = r["previous_series"]
    assert prev["basis"] == "mixed" and r["previous"] is None, prev  # nothing counted for the first half
    assert len(prev["split_units"]) == 7 and prev["complete"] is False, prev
    assert "Phường Gia Thụy" in names(prev["split_units"]) and "Xã Bát Tràng" in names(prev["split_units"])
    first_half = [p for p in prev["parts"] if p["period"] == "2025-H1"]
    assert len(first_half) == 7 and all(p["coverage"] == "partial" and p["share"] is None and not p["counted"]
                                        for p in first_half), first_half
    assert next(p for p in first_half if p["unit"]["id"] == gia_thuy)["value"] == 10, first_half
    assert "cả 7 đơn vị hợp thành đều bị chia tách, chưa đặt tỷ lệ nên chưa tính" in prev["text"], prev["text"]


# --- Codes resolved by date: a reused code, unit_on, roles on a ward that has ended


def import_sheet(w, rows, header="Mã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị", check_only=False):
    text = "SỐ LIỆU THU NGÂN SÁCH\n" + header + "\n" + "\n".join(rows) + "\n"
    body = {"file_name": "uong-bi.csv", "content_base64": base64.b64encode(text.encode()).decode(),
            "check_only": check_only}
    return w.api(w.admin, "POST", "/imports/results", body)


def test_a_reused_code_in_the_year_it_changed_hands_names_both_units(w):
    status, r = import_sheet(w, ["06811,CHI_NS,2025,10"], check_only=True)
    assert status == 422 and len(r["problems"]) == 1, r
    m = r["problems"][0]["message"]
    assert "Phường Thanh Sơn (06811, Tỉnh Quảng Ninh) đến 30/06/2025" in m, m
    assert "Phường Uông Bí (06811, Tỉnh Quảng Ninh) từ 01/07/2025" in m and "theo kỳ của từng đơn vị" in m, m


def test_figures_of_2024_for_todays_06811_are_refused_naming_the_wards_they_belong_to(w):
    status, r = import_sheet(w, ["06811,CHI_NS,2024,10,01/01/2026"],
                             header="Mã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị,Ngày đơn vị", check_only=True)
    assert status == 422 and len(r["problems"]) == 1, r
    m = r["problems"][0]["message"]
    assert "Phường Uông Bí" in m and "01/07/2025" in m and "Phường Quang Trung" in m, m


def test_a_2024_figure_under_06811_goes_to_thanh_son_with_a_note_naming_uong_bi(w):
    thanh_son = w.unit("thanh%20son%20quang%20ninh", "06811", "01/01/2024")
    status, r = import_sheet(w, ["06811,CHI_NS,2024,1234"])
    assert status == 200 and r["stored"] == 1, r
    assert len(r["notes"]) == 1 and "Phường Thanh Sơn" in r["notes"][0]["message"], r
    assert "Phường Uông Bí" in r["notes"][0]["message"] and "Ngày đơn vị" in r["notes"][0]["message"], r
    status, rows = w.api(w.admin, "GET", f"/results?unit={thanh_son}&indicator=CHI_NS&period=2024")
    assert status == 200 and [x["value"] for x in rows["items"]] == [1234], rows
    # The same row with the day it means: today's 06811 is Uông Bí, from 2025-H2 on.
    uong_bi = w.unit("uong%20bi", "06811", "01/01/2026")
    status, r = import_sheet(w, ["06811,CHI_NS,2025-H2,99,01/01/2026"],
                             header="Mã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị,Ngày đơn vị")
    assert status == 200 and r["stored"] == 1 and r["notes"] == [], r
    status, rows = w.api(w.admin, "GET", f"/results?unit={uong_bi}&indicator=CHI_NS&period=2025-H2")
    assert [x["value"] for x in rows["items"]] == [99], rows


def test_a_role_on_a_ward_that_ended_names_its_successor_and_the_on_option(w):
    name = f"cli.reorg.{os.getpid()}"
    r = w.cli("user", "add", name, "--password", "mật khẩu dài")
    assert r.returncode == 0, r.stderr
    r = w.cli("user", "role", name, "viewer", "--unit", "14800")
    assert r.returncode == 1 and "Phường Quảng Phú" in r.stderr and "--on" in r.stderr, r.stderr
    vi = subprocess.run([w.kiemdem, "user", "role", name, "viewer", "--unit", "14800", "--db", w.db],
                        capture_output=True, text=True)
    assert "đã nhập vào Phường Quảng Phú (16522) từ 01/07/2025" in vi.stderr and "dùng --on" in vi.stderr, vi.stderr
    r = w.cli("user", "role", name, "viewer", "--unit", "14800", "--on", "01/01/2025")
    assert r.returncode == 0, r.stderr


# --- Where users look: search finds former units with what they became, and a unit names its links


@pytest.mark.parametrize("q", ["quang%20hung", "qu%E1%BA%A3ng%20h%C6%B0ng"])  # "quang hung", "quảng hưng"
def test_search_without_a_date_finds_a_former_ward_with_what_it_became(w, q):
    status, body = w.api(w.admin, "GET", f"/units?q={q}&page_size=200")
    assert status == 200, body
    qh = next((u for u in body["items"] if u["code"] == "14800"), None)
    assert qh is not None, [u["full_name"] for u in body["items"]]
    assert qh["full_name"] == "Phường Quảng Hưng" and qh["province"] == "Tỉnh Thanh Hóa", qh
    assert qh["valid_to"] == "2025-07-01", qh  # its last day: 30/06/2025
    [after] = qh["successors"]
    assert after["unit"]["full_name"] == "Phường Quảng Phú" and after["unit"]["code"] == "16522", after
    assert after["unit"]["province"] == "Tỉnh Thanh Hóa" and after["effective"] == "2025-07-01", after
    assert after["coverage"] == "full" and after["share"] == 1, after
    # Today's units come first: no former unit is listed before one that exists.
    ended = [u["valid_to"] is not None for u in body["items"]]
    assert ended == sorted(ended), [u["full_name"] for u in body["items"]]


def test_two_wards_called_quang_phu_are_told_apart_by_their_province(w):
    status, body = w.api(w.admin, "GET", "/units?q=phuong%20quang%20phu&on=01/01/2026&page_size=200")
    provinces = sorted(u["province"] for u in body["items"] if u["full_name"] == "Phường Quảng Phú"
                       and u["valid_to"] is None)
    assert provinces == ["Thành phố Đà Nẵng", "Tỉnh Thanh Hóa"], provinces


def test_a_new_ward_lists_what_it_was_formed_from_with_dates_and_coverage(w):
    uong_bi = w.unit("uong%20bi", "06811", "01/01/2026")
    status, u = w.api(w.admin, "GET", f"/units/{uong_bi}?on=01/01/2026")
    assert status == 200 and u["successors"] == [] and u["province"] == "Tỉnh Quảng Ninh", u
    before = {l["unit"]["full_name"]: l for l in u["predecessors"]}
    assert set(before) == {"Phường Thanh Sơn", "Phường Quang Trung", "Phường Trưng Vương", "Phường Yên Thanh"}, before
    assert all(l["effective"] == "2025-07-01" for l in before.values()), before
    assert before["Phường Trưng Vương"]["coverage"] == "partial" and before["Phường Trưng Vương"]["share"] is None
    assert before["Phường Thanh Sơn"]["coverage"] == "full" and before["Phường Thanh Sơn"]["share"] == 1
    assert before["Phường Thanh Sơn"]["unit"]["valid_to"] == "2025-07-01", before
    # And the old ward names the wards it went into.
    trung_vuong = before["Phường Trưng Vương"]["unit"]["id"]
    status, tv = w.api(w.admin, "GET", f"/units/{trung_vuong}")
    assert status == 200 and "Phường Uông Bí" in [l["unit"]["full_name"] for l in tv["successors"]], tv
    assert all(l["coverage"] == "partial" for l in tv["successors"]), tv


def test_no_figures_for_a_ward_outside_its_valid_dates(w, uong_bi):
    # Phường Thanh Sơn ended on 30/06/2025: its first half of 2025 is its own, 2026 is not.
    status, r = w.api(w.admin, "POST", "/results", {"unit": uong_bi["thanh_son"], "indicator": "THU_NSNN",
                                                    "period": "2026", "value": 5})
    assert status == 409 and r["error"]["field"] == "period", r
    assert "Phường Uông Bí" in r["error"]["message"], r  # where its figures go now
    status, r = w.api(w.admin, "POST", "/results", {"unit": uong_bi["thanh_son"], "indicator": "THU_NSNN",
                                                    "period": "2025-11", "value": 5})
    assert status == 409 and r["error"]["field"] == "period", r
    # And the new ward has no figures before it was formed: those months are its predecessors'.
    status, r = w.api(w.admin, "POST", "/results", {"unit": uong_bi["uong_bi"], "indicator": "THU_NSNN",
                                                    "period": "2025-03", "value": 5})
    assert status == 409 and r["error"]["field"] == "period", r
    assert "Phường Thanh Sơn" in r["error"]["message"], r
    status, r = w.api(w.admin, "POST", "/results", {"unit": uong_bi["thanh_son"], "indicator": "THU_NSNN",
                                                    "period": "2025-06", "value": 5})
    assert status == 201, r


def test_a_role_on_the_new_ward_reads_the_history_of_the_wards_it_was_formed_from(w, uong_bi):
    reporter = w.user(("reporter", uong_bi["uong_bi"]))
    for old in ("thanh_son", "quang_trung", "trung_vuong"):
        status, r = w.api(reporter, "GET", f"/results?unit={uong_bi[old]}")
        assert status == 200 and r["items"], (old, r)
        status, r = w.api(reporter, "GET", f"/evaluation?unit={uong_bi[old]}&period=2024&include_unapproved=true")
        assert status == 200, (old, r)
    # Reading only: the old ward's figures are not the new ward's to change.
    status, r = w.api(reporter, "POST", "/results", {"unit": uong_bi["thanh_son"], "indicator": "THU_NSNN",
                                                     "period": "2025-05", "value": 1})
    assert status == 403, r
    # A role on an old ward does not reach what it became.
    old_viewer = w.user(("viewer", uong_bi["thanh_son"]))
    status, r = w.api(old_viewer, "GET", f"/results?unit={uong_bi['uong_bi']}")
    assert status == 403, r
    # Nor does a role on the new ward reach a ward of another province.
    status, r = w.api(reporter, "GET", f"/results?unit={w.city}")
    assert status == 403, r
