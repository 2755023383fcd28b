"""The 2025 reorganisation through the API, on SQLite and (under tests/integration/with-postgres.sh)
PostgreSQL: a new ward's evaluation has a same-period-last-year figure rebuilt from the wards it was
formed from ("tính theo địa giới mới"), 2025 joins their first half to its own second half, and split
predecessors are flagged with the share counted. Every response is checked against openapi.json.

  pytest-3 tests/api/reorg_test.py --kiemdem build/release/src/cli/kiemdem -k sqlite"""
import pytest


def enter(w, unit, period, value, indicator="THU_NSNN"):
    status, r = w.api(w.admin, "POST", "/results", {"unit": unit, "indicator": indicator, "period": period,
                                                    "value": value})
    assert status == 201, r
    return r


def row(w, unit, period, indicator="THU_NSNN"):
    status, e = w.api(w.admin, "GET", f"/evaluation?unit={unit}&period={period}")
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
