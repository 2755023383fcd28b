// The store suite for units as records, plans, documents, working sessions,
// directives and accounts, on SQLite and on a real PostgreSQL.
#include "tests/unit/store/store_fixture.h"

namespace kiemdem::store {
namespace {

class RecordsTest : public StoreTest {};

DirectiveFilter OpenFor(UnitId unit) {
  DirectiveFilter f;
  f.assignee_unit = unit;
  f.open_only = true;
  return f;
}

DirectiveProgress Note(const char* on, const char* note, bool completes) {
  DirectiveProgress p;
  p.on = D(on);
  p.note = note;
  p.completes = completes;
  return p;
}

TEST_P(RecordsTest, UnitRecordsListParentsFirstAndUpdateInPlace) {
  std::vector<UnitRecord> units = *store_->ListUnits();
  ASSERT_EQ(units.size(), 4u);
  EXPECT_EQ(units[0].code, "22");
  EXPECT_EQ(units[1].code, "196");
  UnitRecord ward = units[2];
  EXPECT_EQ(ward.code, "06817");
  EXPECT_EQ(ward.parent_code, "196");
  EXPECT_EQ(ward.valid_to, D("01/07/2025"));

  UnitRecord group;
  group.code = "0681701";
  group.name = "Tổ 1";
  group.full_name = "Tổ dân phố 1";
  group.type = UnitType::kResidentialGroup;
  group.parent_code = "06811";
  group.valid_from = D("01/07/2025");
  ward.full_name = "Phường Quang Trung (cũ)";
  int64_t units_before = *store_->UnitsVersion();
  EXPECT_GT(units_before, 0);  // the fixture saved the units
  ASSERT_TRUE(store_->PutUnits("admin", {ward, group}).ok());
  // The units' version moves with them (servers reload their tree on it) ...
  EXPECT_GT(*store_->UnitsVersion(), units_before);
  int64_t units_now = *store_->UnitsVersion();
  ASSERT_TRUE(store_->SaveResult("reporter", Obs(45e9)).ok());
  // ... and not with other writes.
  EXPECT_EQ(*store_->UnitsVersion(), units_now);
  EXPECT_GT(*store_->DataVersion(), units_now);
  std::vector<UnitRecord> after = *store_->ListUnits();
  ASSERT_EQ(after.size(), 5u);
  EXPECT_EQ(after[2].full_name, "Phường Quang Trung (cũ)");
  EXPECT_EQ(after[2].id, ward.id);  // updated, not added
  EXPECT_EQ(after[4].parent_code, "06811");
  EXPECT_EQ(store_->Audit("unit", std::to_string(ward.id))->size(), 1u);

  UnitRecord orphan = group;
  orphan.code = "0681799";
  orphan.parent_code = "99999";
  Status bad = store_->PutUnits("admin", {orphan});
  EXPECT_EQ(bad.code(), StatusCode::kNotFound);
  EXPECT_EQ(bad.field(), "parent_code");
  EXPECT_EQ(store_->ListUnits()->size(), 5u);
}

TEST_P(RecordsTest, PlansReplaceTheirTargetsAndKeepTheOldOnesInTheAudit) {
  int64_t body = *store_->SaveBody("admin", {0, ward_, BodyKind::kPeoplesCouncil, "HĐND phường Quang Trung"});
  EXPECT_EQ(*store_->SaveBody("admin", {0, ward_, BodyKind::kPeoplesCouncil, "HĐND phường Quang Trung"}),
            body);
  Plan plan;
  plan.unit = ward_;
  plan.body = body;
  plan.body_kind = BodyKind::kPeoplesCouncil;
  plan.first_year = plan.last_year = 2018;
  plan.resolution = *ParseDocumentCode("12/NQ-HĐND");
  plan.resolution.issued = D("20/12/2017");
  plan.targets = {{"THU_NS", 2018, Comparator::kAtLeast, 40e9, std::nullopt}};
  ASSERT_TRUE(store_->SavePlans("admin", {plan}).ok());
  plan.targets[0].value = 45e9;
  ASSERT_TRUE(store_->SavePlans("admin", {plan}).ok());
  std::vector<Plan> plans = *store_->ListPlans(ward_);
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_EQ(plans[0].resolution.code, "12/NQ-HĐND");
  EXPECT_EQ(plans[0].resolution.issued, D("20/12/2017"));
  ASSERT_EQ(plans[0].targets.size(), 1u);
  EXPECT_EQ(plans[0].targets[0].value, 45e9);
  std::vector<AuditEntry> audit = *store_->Audit("plan", std::to_string(plans[0].id));
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_NE(audit[1].old_value.find("40000000000"), std::string::npos) << audit[1].old_value;

  // Adjusted during the year: both levels and the adjusting document are kept, and audited.
  plan.targets[0].adjusted = 43.5e9;
  plan.targets[0].adjusted_by = "15/NQ-HĐND";
  ASSERT_TRUE(store_->SavePlans("admin", {plan}).ok());
  Target back = store_->ListPlans(ward_)->at(0).targets.at(0);  // a copy: the list is a temporary
  EXPECT_EQ(back.value, 45e9);
  EXPECT_EQ(back.adjusted, 43.5e9);
  EXPECT_EQ(back.adjusted_by, "15/NQ-HĐND");
  EXPECT_EQ(store_->ListPlans(std::nullopt)->at(0).targets.at(0).adjusted, 43.5e9);
  audit = *store_->Audit("plan", std::to_string(plans[0].id));
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_NE(audit[2].new_value.find("15/NQ-HĐND"), std::string::npos) << audit[2].new_value;
  plan.targets[0].adjusted.reset();
  plan.targets[0].adjusted_by.clear();

  Plan bad = plan;
  bad.targets.push_back({"NO_SUCH", 2018, Comparator::kAtLeast, 1, std::nullopt});
  Status unknown = store_->SavePlans("admin", {bad});
  EXPECT_EQ(unknown.code(), StatusCode::kNotFound);
  EXPECT_EQ(unknown.field(), "indicator");
  EXPECT_NE(unknown.message_vi().find("NO_SUCH"), std::string::npos);
  EXPECT_EQ(store_->ListPlans(ward_)->at(0).targets.size(), 1u);  // nothing of it stored
}

// Targets the body above assigned (giao chỉ tiêu) are set and replaced only
// by a writer allowed to assign at the unit: decided inside the save.
TEST_P(RecordsTest, AssignedTargetsAreRefusedToAWriterWhoMayNotAssign) {
  Plan plan;
  plan.unit = ward_;
  plan.body_kind = BodyKind::kPeoplesCommittee;
  plan.first_year = plan.last_year = 2020;
  plan.assigned_by_superior = true;
  plan.targets = {{"THU_NS", 2020, Comparator::kAtLeast, 40e9, std::nullopt}};
  auto nobody = [](UnitId) { return false; };
  auto only_ward = [this](UnitId u) { return u == ward_; };
  Status refused = store_->SavePlans("ward", {plan}, nobody);
  EXPECT_EQ(refused.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(refused.field(), "assigned_by_superior");
  EXPECT_TRUE(store_->ListPlans(ward_)->empty());
  ASSERT_TRUE(store_->SavePlans("city", {plan}, only_ward).ok());
  // The ward's own plan with the same key would replace the assigned one: refused, nothing changed.
  Plan own = plan;
  own.assigned_by_superior = false;
  own.targets[0].value = 1;
  EXPECT_EQ(store_->SavePlans("ward", {own}, nobody).code(), StatusCode::kPermissionDenied);
  std::vector<Plan> plans = *store_->ListPlans(ward_);
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_TRUE(plans[0].assigned_by_superior);
  EXPECT_EQ(plans[0].targets.at(0).value, 40e9);
  // A plan that is neither assigned nor replaces one needs no such right.
  Plan other = own;
  other.first_year = other.last_year = 2021;
  other.targets[0].year = 2021;
  EXPECT_TRUE(store_->SavePlans("ward", {other}, nobody).ok());
}

// "Thu ngân sách tăng 10,5% so với năm trước"; "giảm tỷ lệ hộ nghèo 0,43 điểm %".
TEST_P(RecordsTest, TargetsWrittenAsAChangeFromLastYearKeepTheirForm) {
  Plan plan;
  plan.unit = ward_;
  plan.body_kind = BodyKind::kPartyCommittee;
  plan.first_year = plan.last_year = 2019;
  Target growth{"THU_NS", 2019, Comparator::kAtLeast, 10.5, std::nullopt};
  growth.form = TargetForm::kGrowthPercent;
  plan.targets = {growth};
  ASSERT_TRUE(store_->SavePlans("admin", {plan}).ok());
  std::vector<Plan> plans = *store_->ListPlans(ward_);
  ASSERT_EQ(plans.size(), 1u);
  ASSERT_EQ(plans[0].targets.size(), 1u);
  EXPECT_EQ(plans[0].targets[0].form, TargetForm::kGrowthPercent);
  EXPECT_EQ(plans[0].targets[0].value, 10.5);
  EXPECT_EQ((*store_->plans().ListPlans(std::nullopt))[0].targets[0].form, TargetForm::kGrowthPercent)
      << "read with every plan too";
  std::vector<AuditEntry> audit = *store_->Audit("plan", std::to_string(plans[0].id));
  ASSERT_FALSE(audit.empty());
  EXPECT_NE(audit[0].new_value.find("growth_percent"), std::string::npos) << audit[0].new_value;
}

TEST_P(RecordsTest, OneUnitsPlansAndBodiesAreOnlyThatUnitsWithTheirOwnTargets) {
  UnitId other = *store_->FindUnit("06811", D("01/01/2026"));
  UnitId city = *store_->FindUnit("196", D("01/01/2016"));
  int64_t ward_body = *store_->SaveBody("admin", {0, ward_, BodyKind::kPeoplesCouncil, "HĐND phường"});
  int64_t other_body = *store_->SaveBody("admin", {0, other, BodyKind::kPeoplesCouncil, "HĐND phường mới"});
  auto plan = [](UnitId unit, int year, double value) {
    Plan p;
    p.unit = unit;
    p.body_kind = BodyKind::kPeoplesCouncil;
    p.first_year = p.last_year = year;
    p.resolution = *ParseDocumentCode("12/NQ-HĐND");
    p.targets = {{"THU_NS", year, Comparator::kAtLeast, value, std::nullopt}};
    return p;
  };
  ASSERT_TRUE(store_
                  ->SavePlans("admin", {plan(other, 2026, 7), plan(ward_, 2018, 1), plan(city, 2018, 5),
                                        plan(ward_, 2019, 2), plan(other, 2027, 8)})
                  .ok());
  std::vector<Plan> mine = *store_->ListPlans(ward_);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].unit, ward_);
  EXPECT_EQ(mine[0].first_year, 2018);
  ASSERT_EQ(mine[0].targets.size(), 1u);
  EXPECT_EQ(mine[0].targets[0].value, 1);
  EXPECT_EQ(mine[1].unit, ward_);
  ASSERT_EQ(mine[1].targets.size(), 1u);
  EXPECT_EQ(mine[1].targets[0].value, 2);
  std::vector<Plan> theirs = *store_->ListPlans(other);
  ASSERT_EQ(theirs.size(), 2u);
  EXPECT_EQ(theirs[1].targets.at(0).value, 8);
  EXPECT_TRUE(store_->ListPlans(store_->FindUnit("22", D("01/01/2016")).value())->empty());
  std::vector<Plan> all = *store_->ListPlans(std::nullopt);
  ASSERT_EQ(all.size(), 5u);
  for (const Plan& p : all) {
    ASSERT_EQ(p.targets.size(), 1u);
    EXPECT_EQ(p.targets[0].year, p.first_year);  // each plan its own target
  }

  std::vector<Body> bodies = *store_->ListBodies(ward_);
  ASSERT_EQ(bodies.size(), 1u);
  EXPECT_EQ(bodies[0].id, ward_body);
  ASSERT_EQ(store_->ListBodies(other)->size(), 1u);
  EXPECT_EQ(store_->ListBodies(other)->at(0).id, other_body);
  EXPECT_EQ(store_->ListBodies(std::nullopt)->size(), 2u);
}

TEST_P(RecordsTest, DocumentsKeepTheirVietnameseText) {
  StoredDocument doc;
  doc.doc_type = "Báo cáo";
  doc.code = "45/BC-UBND";
  doc.issued = D("15/06/2018");
  doc.title = "Báo cáo kết quả 6 tháng đầu năm 2018";
  doc.text = "Thu ngân sách phường đạt trên 45 tỷ đồng, bằng 115% so với cùng kỳ.";
  doc.unit = ward_;
  int64_t id = *store_->SaveDocument("reporter", doc);
  StoredDocument back = *store_->GetDocument(id);
  EXPECT_EQ(back.text, doc.text);
  EXPECT_EQ(back.issued, D("15/06/2018"));
  EXPECT_EQ(back.unit, ward_);
  EXPECT_TRUE(store_->ListDocuments()->at(0).text.empty());
  EXPECT_EQ(store_->GetDocument(id + 100).status().code(), StatusCode::kNotFound);
}

// The one insert that a unique key refused outright (not a race another try
// resolves): "busy, try again" on PostgreSQL, an internal error on SQLite.
TEST_P(RecordsTest, ASessionNamingADocumentTwiceIsRefusedAndStoresNothing) {
  StoredDocument doc;
  doc.doc_type = "Báo cáo";
  doc.code = "45/BC-UBND";
  doc.title = "Báo cáo kết quả 6 tháng đầu năm 2018";
  doc.unit = ward_;
  int64_t report = *store_->SaveDocument("reporter", doc);
  Meeting m;
  m.held_on = D("12/11/2018");
  m.host = "Thường trực Thành ủy";
  m.unit = ward_;
  m.documents = {report, report};
  Result<int64_t> saved = store_->SaveMeeting("secretary", m);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.status().code(), StatusCode::kInvalidArgument) << saved.status().ToString();
  EXPECT_EQ(saved.status().field(), "documents");
  EXPECT_EQ(saved.status().message(), "document " + std::to_string(report) + " is listed twice");
  EXPECT_TRUE(store_->ListMeetings(ward_)->empty());

  m.documents = {report};
  m.id = *store_->SaveMeeting("secretary", m);
  m.documents = {report, report};
  EXPECT_EQ(store_->SaveMeeting("secretary", m).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->ListMeetings(ward_)->at(0).documents, std::vector<int64_t>{report}) << "unchanged";
}

TEST_P(RecordsTest, DirectivesMoveThroughTheFourStates) {
  Meeting m;
  m.held_on = D("12/11/2018");
  m.host = "Thường trực Thành ủy";
  m.unit = ward_;
  m.chair = "đồng chí Bí thư Thành ủy";
  m.attendees = {"Thường trực Đảng ủy phường", "UBND phường"};
  m.conclusions = "Phường cần tập trung thu ngân sách.";
  int64_t meeting = *store_->SaveMeeting("secretary", m);
  Directive d;
  d.meeting = meeting;
  d.issuer = "Thường trực Thành ủy";
  d.text = "Báo cáo Chủ tịch UBND thành phố trước ngày 25/11/2018";
  d.assignee = {AssigneeKind::kBody, "UBND phường Quang Trung", ward_};
  d.cooperating = {"Chi cục Thuế"};
  d.deadline = D("25/11/2018");
  d.indicator = "THU_NS";
  int64_t id = *store_->SaveDirective("secretary", d);
  Directive back = *store_->GetDirective(id);
  EXPECT_EQ(back.cooperating, d.cooperating);
  EXPECT_EQ(back.StateOn(D("20/11/2018")), DirectiveState::kInProgressOnTime);
  EXPECT_EQ(back.StateOn(D("26/11/2018")), DirectiveState::kInProgressOverdue);
  ASSERT_EQ(store_->ListDirectives(OpenFor(ward_))->size(), 1u);

  ASSERT_TRUE(
      store_->AddDirectiveProgress("ward", id, Note("20/11/2018", "Đã rà soát nguồn thu", false)).ok());
  ASSERT_TRUE(store_->AddDirectiveProgress("ward", id, Note("27/11/2018", "Đã báo cáo", true)).ok());
  back = *store_->GetDirective(id);
  ASSERT_EQ(back.progress.size(), 2u);
  EXPECT_EQ(back.progress[0].note, "Đã rà soát nguồn thu");
  EXPECT_EQ(back.completed_on, D("27/11/2018"));
  EXPECT_EQ(back.StateOn(D("01/12/2018")), DirectiveState::kDoneLate);
  EXPECT_TRUE(store_->ListDirectives(OpenFor(ward_))->empty());
  DirectiveFilter by_issuer;
  by_issuer.issuer = "Thường trực Thành ủy";
  EXPECT_EQ(store_->ListDirectives(by_issuer)->size(), 1u);
  DirectiveFilter by_meeting;
  by_meeting.meeting = meeting;
  EXPECT_EQ(store_->ListDirectives(by_meeting)->size(), 1u);
  EXPECT_EQ(store_->Audit("directive", std::to_string(id))->size(), 3u);
  EXPECT_EQ(store_->AddDirectiveProgress("ward", id + 9, Note("27/11/2018", "x", false)).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(store_->ListMeetings(ward_)->at(0).attendees.size(), 2u);
}

// "Báo cáo Chủ tịch UBND thành phố trước ngày 25/11/2018; hoàn thành trước 31/12/2018."
TEST_P(RecordsTest, ADirectiveKeepsSeveralDeadlinesAndAStandingDutyItsState) {
  Directive d;
  d.issuer = "Thường trực Thành ủy";
  d.text = "Rà soát, giải quyết dứt điểm kiến nghị của cử tri";
  d.assignee = {AssigneeKind::kBody, "UBND phường Quang Trung", ward_};
  d.milestones = {{D("25/11/2018"), "báo cáo Chủ tịch UBND thành phố", std::nullopt},
                  {D("10/12/2018"), "gửi danh sách\tđã rà soát", D("09/12/2018")}};
  d.deadline = D("31/12/2018");
  int64_t id = *store_->SaveDirective("secretary", d);
  Directive back = *store_->GetDirective(id);
  ASSERT_EQ(back.milestones.size(), 2u);
  EXPECT_EQ(back.milestones[0], d.milestones[0]);
  EXPECT_EQ(back.milestones[1].what, "gửi danh sách đã rà soát") << "a tab inside the words is a space";
  EXPECT_EQ(back.milestones[1].done_on, D("09/12/2018"));
  EXPECT_EQ(back.StateOn(D("26/11/2018")), DirectiveState::kInProgressOverdue);
  back.milestones[0].done_on = D("24/11/2018");
  ASSERT_TRUE(store_->SaveDirective("ward", back).ok());
  back = *store_->GetDirective(id);
  EXPECT_EQ(back.StateOn(D("26/11/2018")), DirectiveState::kInProgressOnTime);
  EXPECT_EQ(*back.NextDeadline(), D("31/12/2018"));

  Directive duty;
  duty.text = "Thường xuyên kiểm tra, đôn đốc thu ngân sách";
  duty.assignee = {AssigneeKind::kBody, "UBND phường Quang Trung", ward_};
  duty.standing = true;
  int64_t duty_id = *store_->SaveDirective("secretary", duty);
  EXPECT_EQ(store_->GetDirective(duty_id)->StateOn(D("01/01/2030")), DirectiveState::kStanding);
  duty.deadline = D("31/12/2019");
  EXPECT_EQ(store_->SaveDirective("secretary", duty).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(RecordsTest, UsersRolesAndSessions) {
  User u;
  u.username = "quangtrung.reporter";
  u.display_name = "Cán bộ thống kê phường Quang Trung";
  u.password_hash = "$argon2id$placeholder";
  int64_t id = *store_->CreateUser("admin", u);
  EXPECT_EQ(store_->CreateUser("admin", u).status().code(), StatusCode::kAlreadyExists);
  u.username = "bad name'";
  EXPECT_EQ(store_->CreateUser("admin", u).status().field(), "username");
  ASSERT_TRUE(store_->GrantRole("admin", "quangtrung.reporter", {Role::kReporter, ward_}).ok());
  User back = *store_->FindUser("quangtrung.reporter");
  EXPECT_EQ(back.id, id);
  ASSERT_EQ(back.roles.size(), 1u);
  EXPECT_EQ(back.roles[0].unit, ward_);
  EXPECT_EQ(back.roles[0].role, Role::kReporter);
  EXPECT_EQ(store_->GetUser(id)->username, "quangtrung.reporter");

  ASSERT_TRUE(
      store_
          ->CreateSession("quangtrung.reporter", {"hash1", id, SessionKind::kSession, "csrf1", "", 100, 200})
          .ok());
  EXPECT_FALSE(store_->FindSession("hash1")->revoked);
  ASSERT_TRUE(store_->SetPassword("admin", "quangtrung.reporter", "$argon2id$new").ok());
  EXPECT_TRUE(store_->FindSession("hash1")->revoked);  // a new password ends old sessions
  ASSERT_TRUE(store_->RevokeRoles("admin", "quangtrung.reporter").ok());
  EXPECT_TRUE(store_->FindUser("quangtrung.reporter")->roles.empty());
  EXPECT_EQ(store_->FindSession("nope").status().code(), StatusCode::kNotFound);
}

TEST_P(RecordsTest, BulkImportAuditsEveryRowAndUpdatesWhatWasStored) {
  int64_t stored = *store_->SaveResult("reporter", Obs(1, "2016"));
  std::vector<Observation> batch;
  for (int m = 1; m <= 12; ++m)
    batch.push_back(Obs(100 + m, ("2017-" + std::to_string(100 + m).substr(1)).c_str()));
  batch.push_back(Obs(2, "2016"));       // stored already: updated, its old value kept
  batch.push_back(Obs(103, "2017-03"));  // twice in the batch: the later row wins
  batch.back().value = 333;
  int64_t audit_before = *store_->AuditCount();
  ASSERT_TRUE(store_->SaveResults("importer", batch, "bulk.csv").ok());
  std::vector<ResultRecord> all = *store_->ListResults(ward_);
  ASSERT_EQ(all.size(), 13u);
  for (const ResultRecord& r : all) {
    if (r.observation.period.Key() == "2017-03") {
      EXPECT_EQ(r.observation.value, 333);
    }
    if (r.id == stored) {
      EXPECT_EQ(r.observation.value, 2);
    }
    EXPECT_EQ(store_->Audit("result", std::to_string(r.id))->back().actor, "importer");
  }
  EXPECT_EQ(store_->ResultHistory(stored)->size(), 1u);
  // One audit row per written row, plus the import itself.
  EXPECT_EQ(*store_->AuditCount() - audit_before, static_cast<int64_t>(batch.size()) + 1);
}

// More rows than one lookup of stored keys takes (a few hundred): the
// stored ones are found in every chunk, and only they are updated.
TEST_P(RecordsTest, ABigImportFindsTheStoredRowsInEveryChunk) {
  std::vector<Observation> first, second;
  for (int y = 1990; y < 2025; ++y) {  // 420 rows, while the ward existed
    for (int m = 1; m <= 12; ++m) {
      std::string period = std::to_string(y) + "-" + std::to_string(100 + m).substr(1);
      Observation o = Obs(y * 100 + m, period.c_str());
      if ((y * 12 + m) % 5 == 0) first.push_back(o);
      o.value += 0.5;
      second.push_back(o);
    }
  }
  ASSERT_TRUE(store_->SaveResults("importer", first, "first.csv").ok());
  ASSERT_TRUE(store_->SaveResults("importer", second, "second.csv").ok());
  std::vector<ResultRecord> all = *store_->ListResults(ward_);
  ASSERT_EQ(all.size(), second.size());
  size_t updated = 0;
  for (const ResultRecord& r : all) {
    EXPECT_EQ(r.observation.value - static_cast<int>(r.observation.value), 0.5) << r.observation.period.Key();
    if (r.version == 2) ++updated;
  }
  EXPECT_EQ(updated, first.size());  // the stored ones, and not one more
}

// An import in batches is one transaction: dropped, or refused in a later
// batch, it leaves nothing; committed, everything with one audit row more.
TEST_P(RecordsTest, AnImportInBatchesIsStoredWholeOrNotAtAll) {
  auto batch = [&](int year) {
    std::vector<Observation> rows;
    for (int m = 1; m <= 12; ++m) {
      rows.push_back(
          Obs(year * 100 + m, (std::to_string(year) + "-" + std::to_string(100 + m).substr(1)).c_str()));
    }
    return rows;
  };
  int64_t audit_before = *store_->AuditCount();
  {
    std::unique_ptr<ResultImport> dropped = *store_->plans().BeginResultImport("importer", "a.csv");
    ASSERT_TRUE(dropped->Add(batch(2016)).ok());
    ASSERT_TRUE(dropped->Add(batch(2017)).ok());
  }
  EXPECT_TRUE(store_->ListResults(ward_)->empty());
  {
    std::unique_ptr<ResultImport> refused = *store_->plans().BeginResultImport("importer", "b.csv");
    ASSERT_TRUE(refused->Add(batch(2016)).ok());
    std::vector<Observation> bad = batch(2017);
    bad[5].indicator = "NO_SUCH";
    Status s = refused->Add(bad);
    EXPECT_EQ(s.code(), StatusCode::kNotFound);
    EXPECT_EQ(s.field(), "indicator");
    EXPECT_EQ(refused->Commit().code(), StatusCode::kNotFound);  // spoiled: nothing committed
  }
  EXPECT_TRUE(store_->ListResults(ward_)->empty());
  EXPECT_EQ(*store_->AuditCount(), audit_before);

  int64_t earlier = *store_->SaveResult("reporter", Obs(1, "2015"));
  std::unique_ptr<ResultImport> ok = *store_->plans().BeginResultImport("importer", "c.csv");
  ASSERT_TRUE(ok->Add(batch(2016)).ok());
  std::vector<Observation> again = batch(2016);  // stored by the first batch: updated
  for (Observation& o : again) o.value += 1;
  ASSERT_TRUE(ok->Add(again).ok());
  ASSERT_TRUE(ok->Add({Obs(2, "2015")}).ok());  // stored before: updated too
  EXPECT_EQ(ok->rows(), 25u);
  ASSERT_TRUE(ok->Commit().ok());
  std::vector<ResultRecord> all = *store_->ListResults(ward_);
  ASSERT_EQ(all.size(), 13u);
  for (const ResultRecord& r : all) {
    EXPECT_EQ(r.version, 2) << r.observation.period.Key();
    if (r.id == earlier) {
      EXPECT_EQ(r.observation.value, 2);
    } else {
      EXPECT_EQ(r.observation.value,
                r.observation.period.year() * 100 + r.observation.period.last_month() + 1);
    }
  }
  // The first reporter's create, 12 + 12 + 1 rows and the import.
  EXPECT_EQ(*store_->AuditCount() - audit_before, 1 + 25 + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordsTest, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace kiemdem::store
