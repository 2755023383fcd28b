// Unit history over the real mapping: codes by date and period, what old
// units became, search across dates, versioned parents, tổ dân phố merges
// and the history a role's unit covers.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/access.h"
#include "core/admin_registry.h"
#include "real_units.h"

namespace kiemdem {
namespace {

using testing::Code;
using testing::D;
using testing::RealUnits;

const DateOption kCliOn{"dùng --on dd/mm/yyyy", "use --on dd/mm/yyyy"};

std::string Name(const AdminRegistry& reg, UnitId id) { return reg.Get(id)->Current().full_name; }

// 06811 was Phường Thanh Sơn until 30/06/2025 and is Phường Uông Bí since.
TEST(UnitCodes, ReusedCodeIsResolvedByDateAndPeriod) {
  const AdminRegistry& reg = RealUnits();
  UnitId thanh_son = Code(reg, "06811", "30/06/2025");
  UnitId uong_bi = Code(reg, "06811", "01/07/2025");
  EXPECT_EQ(Name(reg, thanh_son), "Phường Thanh Sơn");
  EXPECT_EQ(Name(reg, uong_bi), "Phường Uông Bí");
  EXPECT_EQ(*reg.ResolveCode("06811", *Period::Year(2024)), thanh_son);
  EXPECT_EQ(*reg.ResolveCode("06811", *Period::FirstMonths(2025, 6)), thanh_son);
  EXPECT_EQ(*reg.ResolveCode("06811", *Period::SecondHalf(2025)), uong_bi);
  EXPECT_EQ(*reg.ResolveCode("06811", *Period::Year(2026)), uong_bi);

  Result<UnitId> year = reg.ResolveCode("06811", *Period::Year(2025));
  ASSERT_FALSE(year.ok());
  EXPECT_EQ(year.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(year.status().field(), "unit_code");
  EXPECT_EQ(
      year.status().message_vi(),
      "mã 06811 ứng với 2 đơn vị trong năm 2025: Phường Thanh Sơn (06811, Tỉnh Quảng Ninh) đến 30/06/2025 và "
      "Phường Uông Bí (06811, Tỉnh Quảng Ninh) từ 01/07/2025; không đơn vị nào giữ mã này suốt kỳ: hãy ghi "
      "số "
      "liệu theo kỳ của từng đơn vị (6 tháng đầu năm 2025 cho Phường Thanh Sơn và 6 tháng cuối năm 2025 cho "
      "Phường Uông Bí)");
  EXPECT_EQ(year.status().message(),
            "code 06811 names 2 units in 2025: Phường Thanh Sơn (06811, Tỉnh Quảng Ninh) until 30/06/2025 "
            "and Phường "
            "Uông Bí (06811, Tỉnh Quảng Ninh) from 01/07/2025; none of them holds it for the whole period: "
            "give each "
            "unit its own months (first half of 2025 for Phường Thanh Sơn and second half of 2025 for Phường "
            "Uông Bí)");
}

// The message names the successor and how to reach the old ward.
TEST(UnitCodes, AnEndedCodeNamesItsSuccessorAndTheDateOption) {
  Result<UnitId> r = RealUnits().FindByCode("14800", D("01/01/2026"), kCliOn);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.status().message_vi(),
            "không có đơn vị hành chính mã 14800 vào ngày 01/01/2026: Phường Quảng Hưng (14800, Tỉnh Thanh "
            "Hóa) tồn "
            "tại đến 30/06/2025 và đã nhập vào Phường Quảng Phú (16522) từ 01/07/2025; dùng --on dd/mm/yyyy "
            "với một "
            "ngày đến 30/06/2025 để chọn Phường Quảng Hưng");
  EXPECT_EQ(r.status().message(),
            "no administrative unit has code 14800 on 01/01/2026: Phường Quảng Hưng (14800, Tỉnh Thanh Hóa) "
            "existed "
            "until 30/06/2025 and became part of Phường Quảng Phú (16522) on 01/07/2025; use --on dd/mm/yyyy "
            "with a "
            "day up to 30/06/2025 for Phường Quảng Hưng");
  // A split ward names every unit it went into.
  Result<UnitId> split = RealUnits().FindByCode("00139", D("01/01/2026"));
  ASSERT_FALSE(split.ok());
  EXPECT_EQ(
      split.status().message_vi(),
      "không có đơn vị hành chính mã 00139 vào ngày 01/01/2026: Phường Bồ Đề (00139, Thành phố Hà Nội) tồn "
      "tại "
      "đến 30/06/2025 và đã được chia vào Phường Hồng Hà (00097), Phường Bồ Đề (00118) và Phường Long Biên "
      "(00145) từ 01/07/2025");
  // A code nobody held says only that.
  EXPECT_EQ(RealUnits().FindByCode("99998", D("01/01/2026")).status().message(),
            "no administrative unit has code 99998 on 01/01/2026");
}

// A figure of a period outside the unit's life is refused, saying whose it is.
TEST(UnitCodes, PeriodsOutsideAUnitsLifeNameWhoseTheyAre) {
  const AdminRegistry& reg = RealUnits();
  UnitId uong_bi = Code(reg, "06811", "01/07/2025");
  EXPECT_TRUE(reg.CheckCoversPeriod(uong_bi, *Period::SecondHalf(2025)).ok());
  EXPECT_TRUE(reg.CheckCoversPeriod(uong_bi, *Period::Month(2025, 7)).ok());
  Status before = reg.CheckCoversPeriod(uong_bi, *Period::Year(2024));
  EXPECT_EQ(before.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(before.field(), "period");
  EXPECT_EQ(before.message_vi(),
            "Phường Uông Bí (06811, Tỉnh Quảng Ninh) có từ 01/07/2025: không có số liệu năm 2024; các tháng "
            "trước đó "
            "thuộc các đơn vị đã hợp thành nó: Phường Thanh Sơn, Phường Quang Trung, một phần Phường Trưng "
            "Vương và "
            "Phường Yên Thanh, kiemdem tính số liệu theo địa giới mới từ các đơn vị này");
  Status straddle = reg.CheckCoversPeriod(uong_bi, *Period::Year(2025));
  EXPECT_NE(straddle.message_vi().find("(chỉ có 6 tháng cuối năm 2025)"), std::string::npos)
      << straddle.message_vi();

  Result<UnitId> old = reg.ResolveCode("14800", *Period::Year(2025));
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(old.status().field(), "unit_code");
  EXPECT_EQ(old.status().message_vi(),
            "Phường Quảng Hưng (14800, Tỉnh Thanh Hóa) chỉ tồn tại đến 30/06/2025: không có số liệu năm 2025 "
            "(chỉ có "
            "6 tháng đầu năm 2025); đơn vị này đã nhập vào Phường Quảng Phú (16522) từ 01/07/2025");
  EXPECT_EQ(reg.ResolveCode("14800", *Period::Year(2026)).status().code(), StatusCode::kNotFound);
}

// Two Phường Quảng Phú: the province tells them apart, and a query may name it.
TEST(UnitSearch, ProvinceBesideTheNameAndInTheQuery) {
  const AdminRegistry& reg = RealUnits();
  EXPECT_EQ(reg.NameWithProvince(Code(reg, "16522", "01/01/2026"), D("01/01/2026")),
            "Phường Quảng Phú, Tỉnh Thanh Hóa");
  EXPECT_EQ(reg.NameWithProvince(Code(reg, "20356", "01/01/2026"), D("01/01/2026")),
            "Phường Quảng Phú, Thành phố Đà Nẵng");
  UnitId old_ward = Code(reg, "14800", "01/01/2018");
  EXPECT_EQ(reg.NameWithProvince(old_ward, D("01/01/2026")), "Phường Quảng Hưng, Tỉnh Thanh Hóa");
  EXPECT_EQ(reg.NameWithProvince(Code(reg, "38", "01/01/2026"), D("01/01/2026")), "Tỉnh Thanh Hóa");

  // Whole words first: "phu" also starts "Phường".
  std::vector<UnitId> found = reg.Search("quang phu", D("01/01/2026"), 5);
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(Name(reg, found[0]), "Phường Quảng Phú");
  EXPECT_EQ(Name(reg, found[1]), "Phường Quảng Phú");

  std::vector<UnitId> named = reg.Search("phuong quang hung thanh hoa", D("01/01/2018"));
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0], old_ward);
  // The province must come after the name: "quang trung" is not Trưng Vương of Quảng Ninh.
  for (UnitId id : reg.Search("quang trung", D("01/01/2020"))) {
    EXPECT_NE(Name(reg, id), "Phường Trưng Vương");
  }
}

// Searching with today's date still finds the old ward, after today's units.
TEST(UnitSearch, OldNamesAreFoundAfterTheCurrentOnes) {
  const AdminRegistry& reg = RealUnits();
  std::vector<UnitId> now = reg.Search("quang hung", D("01/01/2026"));
  EXPECT_TRUE(std::none_of(now.begin(), now.end(), [&](UnitId id) { return reg.Get(id)->code == "14800"; }));
  std::vector<UnitId> all = reg.SearchHistory("quảng hưng", D("01/01/2026"));
  auto old = std::find_if(all.begin(), all.end(), [&](UnitId id) { return reg.Get(id)->code == "14800"; });
  ASSERT_NE(old, all.end());
  auto valid = [&](UnitId id) { return reg.Get(id)->ValidOn(D("01/01/2026")); };
  EXPECT_TRUE(std::is_partitioned(all.begin(), all.end(), valid));
  EXPECT_EQ(std::count_if(all.begin(), all.end(), valid), static_cast<long>(now.size()));
  std::vector<Ancestor> next = *reg.SuccessorsOn(*old, D("01/01/2026"));
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(reg.Get(next[0].unit)->code, "16522");
  EXPECT_EQ(next[0].coverage, Coverage::kFull);
  // A ward split in two became both, each partly.
  std::vector<Ancestor> split = *reg.SuccessorsOn(Code(reg, "00145", "01/01/2020"), D("01/01/2026"));
  ASSERT_EQ(split.size(), 2u);
  EXPECT_EQ(split[0].coverage, Coverage::kPartial);
  EXPECT_FALSE(split[0].share.has_value());
}

// Every thôn and tổ dân phố changed parent on 01/07/2025 without changing itself.
TEST(UnitParents, GrassrootsUnitsInheritTheWardTheirWardWentInto) {
  std::unique_ptr<AdminRegistry> reg = testing::LoadRealUnits();
  UnitId quang_hung = Code(*reg, "14800", "01/01/2020");
  UnitId old_long_bien = Code(*reg, "00145", "01/01/2020");
  UnitId new_long_bien = Code(*reg, "00145", "01/01/2026");
  AdminUnit tdp;
  tdp.code = "14800-TDP01";
  tdp.parent = quang_hung;
  tdp.versions.push_back({Date(), "Tổ dân phố 1", "Tổ dân phố 1", UnitType::kResidentialGroup});
  UnitId qh_tdp = *reg->Add(tdp);
  tdp.code = "00145-TDP01";
  tdp.parent = old_long_bien;
  UnitId lb_tdp = *reg->Add(tdp);

  std::vector<Orphan> orphans = reg->InheritParents();
  ASSERT_EQ(orphans.size(), 1u);
  EXPECT_EQ(orphans[0].unit, lb_tdp);  // Phường Long Biên was split: the user names the new ward
  EXPECT_EQ(orphans[0].old_parent, old_long_bien);
  EXPECT_EQ(orphans[0].since, D("01/07/2025"));

  const AdminUnit* moved = reg->Get(qh_tdp);
  EXPECT_EQ(reg->Get(moved->ParentOn(D("30/06/2025")))->code, "14800");
  EXPECT_EQ(reg->Get(moved->ParentOn(D("01/07/2025")))->code, "16522");
  UnitId quang_phu = Code(*reg, "16522", "01/01/2026");
  std::vector<UnitId> kids = reg->ChildrenOn(quang_phu, D("01/01/2026"));
  EXPECT_NE(std::find(kids.begin(), kids.end(), qh_tdp), kids.end());
  EXPECT_EQ(reg->ChildrenOn(quang_hung, D("01/01/2020")), std::vector<UnitId>{qh_tdp});
  EXPECT_TRUE(reg->ChildrenOn(quang_hung, D("01/01/2026")).empty());
  EXPECT_EQ(reg->NameWithProvince(qh_tdp, D("01/01/2026")), "Tổ dân phố 1, Tỉnh Thanh Hóa");
  EXPECT_EQ(reg->PathOn(qh_tdp, D("01/01/2020")).size(), 4u);  // TDP, ward, city, province
  EXPECT_EQ(reg->PathOn(qh_tdp, D("01/01/2026")).size(), 3u);  // TDP, ward, province

  ASSERT_TRUE(reg->AddParentChange(lb_tdp, {D("01/07/2025"), new_long_bien}).ok());
  EXPECT_TRUE(reg->InheritParents().empty());
  EXPECT_EQ(reg->ChildrenOn(new_long_bien, D("01/01/2026")), std::vector<UnitId>{lb_tdp});
  // A parent that did not exist on the day is refused.
  Status early = reg->AddParentChange(qh_tdp, {D("01/01/2025"), quang_phu});
  EXPECT_EQ(early.code(), StatusCode::kInvalidArgument);
}

// Seed 4: "sáp nhập 8 TDP thành 4 tổ theo Quyết định số 886/QĐ-UBND ngày
// 27/2/2020": Phường Long Biên had 16 tổ dân phố, then 12.
TEST(UnitParents, ResidentialGroupMergesBelowTheWard) {
  std::unique_ptr<AdminRegistry> reg = testing::LoadRealUnits();
  UnitId ward = Code(*reg, "00145", "01/01/2020");
  Date merge = D("27/02/2020");
  auto add = [&](int n, std::optional<Date> from, std::optional<Date> to) {
    AdminUnit u;
    u.code = "00145-TDP" + std::to_string(n);
    u.parent = ward;
    u.valid_from = from;
    u.valid_to = to;
    std::string name = "Tổ dân phố " + std::to_string(n);
    u.versions.push_back({Date(), name, name, UnitType::kResidentialGroup});
    return *reg->Add(u);
  };
  std::vector<UnitId> merged;
  for (int n = 1; n <= 8; ++n) merged.push_back(add(n, std::nullopt, merge));
  for (int n = 9; n <= 16; ++n) add(n, std::nullopt, std::nullopt);
  for (int k = 0; k < 4; ++k) {
    UnitId formed = add(17 + k, merge, std::nullopt);
    for (int j = 0; j < 2; ++j) {
      ASSERT_TRUE(reg->AddSuccession({merged[static_cast<size_t>(2 * k + j)], formed, merge, Coverage::kFull,
                                      "Quyết định số 886/QĐ-UBND ngày 27/02/2020", std::nullopt})
                      .ok());
    }
  }
  EXPECT_EQ(reg->ChildrenOn(ward, D("31/12/2019")).size(), 16u);
  EXPECT_EQ(reg->ChildrenOn(ward, D("31/12/2020")).size(), 12u);
  UnitId first_formed = *reg->FindByCode("00145-TDP17", D("01/03/2020"));
  std::vector<Ancestor> before = *reg->PredecessorsOn(first_formed, D("31/12/2019"));
  ASSERT_EQ(before.size(), 2u);
  EXPECT_EQ(reg->Get(before[0].unit)->code, "00145-TDP1");
  // A succession the old unit did not live to see is refused.
  Status late =
      reg->AddSuccession({merged[0], first_formed, D("01/01/2021"), Coverage::kFull, "", std::nullopt});
  EXPECT_EQ(late.code(), StatusCode::kInvalidArgument);
}

// A role on a new unit reads its predecessors' history; a new province
// covers the old provinces merged into it; an old unit's role stays old.
TEST(UnitHistory, WhatARolesUnitCoversAcrossTheReform) {
  const AdminRegistry& reg = RealUnits();
  UnitId quang_hung = Code(reg, "14800", "01/01/2018");
  UnitId old_city = Code(reg, "380", "01/01/2018");
  UnitId quang_phu = Code(reg, "16522", "01/01/2026");
  UnitId new_province = Code(reg, "38", "01/01/2026");
  UnitId hac_thanh = reg.Search("hac thanh", D("01/01/2026"))[0];
  EXPECT_TRUE(reg.CoversHistory(quang_hung, quang_phu));
  EXPECT_TRUE(reg.CoversHistory(quang_hung, new_province));
  EXPECT_TRUE(reg.CoversHistory(old_city, new_province));
  EXPECT_FALSE(reg.CoversHistory(old_city, quang_phu));  // the city held other wards too
  EXPECT_FALSE(reg.CoversHistory(quang_hung, hac_thanh));
  EXPECT_FALSE(reg.CoversHistory(quang_phu, quang_hung));
  // A merged province: Vĩnh Phúc's wards are Phú Thọ's history.
  UnitId phu_tho = Code(reg, "25", "01/01/2026");
  EXPECT_TRUE(reg.CoversHistory(Code(reg, "26", "01/01/2020"), phu_tho));
  EXPECT_FALSE(reg.CoversHistory(Code(reg, "26", "01/01/2020"), new_province));
  // Part of Trưng Vương went into Uông Bí: its figures are part of Uông Bí's history.
  EXPECT_TRUE(reg.CoversHistory(Code(reg, "06820", "01/01/2020"), Code(reg, "06811", "01/01/2026")));
}

// The access rule over the real units: reading reaches across the reform,
// entering does not.
TEST(UnitHistory, RolesReadAcrossTheReformAndEnterOnlyWithin) {
  const AdminRegistry& reg = RealUnits();
  WithinSubtree within = [&](UnitId u, UnitId root) { return reg.WithinOnAnyDate(u, root); };
  CoversHistoryOf history = [&](UnitId u, UnitId root) { return reg.CoversHistory(u, root); };
  UnitId quang_hung = Code(reg, "14800", "01/01/2018");
  UnitId old_city = Code(reg, "380", "01/01/2018");
  UnitId quang_phu = Code(reg, "16522", "01/01/2026");
  std::vector<Grant> viewer = {{Role::kViewer, Code(reg, "38", "01/01/2026")}};
  EXPECT_TRUE(Allows(viewer, Action::kRead, old_city, within, history));
  EXPECT_FALSE(Allows(viewer, Action::kRead, old_city, within));  // what the old rule said
  std::vector<Grant> reporter = {{Role::kReporter, quang_phu}};
  EXPECT_TRUE(Allows(reporter, Action::kRead, quang_hung, within, history));
  EXPECT_FALSE(Allows(reporter, Action::kEnter, quang_hung, within, history));
  std::vector<Grant> old_reporter = {{Role::kReporter, quang_hung}};
  EXPECT_TRUE(Allows(old_reporter, Action::kEnter, quang_hung, within, history));
  EXPECT_FALSE(Allows(old_reporter, Action::kRead, quang_phu, within, history));
}

// A province's correction of the mapping: a share set on a split, a pair
// removed, a pair added.
TEST(UnitHistory, MappingCorrectionsReplaceAndRemovePairs) {
  std::unique_ptr<AdminRegistry> reg = testing::LoadRealUnits();
  UnitId trung_vuong = Code(*reg, "06820", "01/01/2020");
  UnitId uong_bi = Code(*reg, "06811", "01/01/2026");
  size_t before = reg->succession_count();
  ASSERT_TRUE(
      reg->PutSuccession({trung_vuong, uong_bi, D("01/07/2025"), Coverage::kPartial, "NQ 1682", 0.4}).ok());
  EXPECT_EQ(reg->succession_count(), before);
  std::vector<Ancestor> parts = *reg->PredecessorsOn(uong_bi, D("31/12/2024"));
  auto tv =
      std::find_if(parts.begin(), parts.end(), [&](const Ancestor& a) { return a.unit == trung_vuong; });
  ASSERT_NE(tv, parts.end());
  EXPECT_DOUBLE_EQ(*tv->share, 0.4);
  EXPECT_EQ(reg->PutSuccession({trung_vuong, uong_bi, D("01/07/2025"), Coverage::kPartial, "", 1.5}).field(),
            "share");
  ASSERT_TRUE(reg->RemoveSuccession(trung_vuong, uong_bi).ok());
  EXPECT_EQ(reg->succession_count(), before - 1);
  EXPECT_EQ(reg->PredecessorsOn(uong_bi, D("31/12/2024"))->size(), 3u);
  EXPECT_EQ(reg->RemoveSuccession(trung_vuong, uong_bi).code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace kiemdem
