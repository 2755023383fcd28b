// The store suite for reminders to units late or due with a report, on
// SQLite and PostgreSQL.
#include "tests/unit/store/store_fixture.h"

namespace kiemdem::store {
namespace {

class ReminderTest : public StoreTest {};

TEST_P(ReminderTest, RemindersAreStoredAuditedAndListedNewestFirst) {
  UnitId city = *store_->FindUnit("196", D("01/01/2016"));
  UnitId other = *store_->FindUnit("06811", D("01/08/2025"));
  Period oct = *Period::Parse("2016-10");
  ReminderStore& reminders = store_->reminders();
  std::vector<int64_t> ids = *reminders.SaveReminders(
      "duyet",
      {{.unit = ward_, .period = oct, .from_unit = city, .late = true, .send_by = D("25/10/2016")},
       {.unit = ward_, .period = *Period::Parse("2016-11"), .from_unit = city, .send_by = D("25/11/2016")}});
  ASSERT_EQ(ids.size(), 2u);
  std::vector<Reminder> mine = *reminders.RemindersTo({ward_, other}, 10);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].id, ids[1]);
  EXPECT_EQ(mine[0].period.Key(), "2016-11");
  EXPECT_FALSE(mine[0].late);
  EXPECT_EQ(mine[1].period.Key(), "2016-10");
  EXPECT_TRUE(mine[1].late);
  EXPECT_EQ(mine[1].send_by, D("25/10/2016"));
  EXPECT_EQ(mine[1].from_unit, city);
  EXPECT_EQ(mine[1].sent_by, "duyet");
  EXPECT_FALSE(mine[1].sent_at.empty());
  EXPECT_EQ(reminders.RemindersTo({ward_}, 1)->size(), 1u);
  EXPECT_TRUE(reminders.RemindersTo({other}, 10)->empty());
  EXPECT_TRUE(reminders.RemindersTo({}, 10)->empty());
  std::vector<AuditEntry> audit = *store_->Audit("reminder", std::to_string(ids[0]));
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "remind");
  EXPECT_EQ(audit[0].actor, "duyet");
}

TEST_P(ReminderTest, AnUnknownUnitWritesNothing) {
  UnitId city = *store_->FindUnit("196", D("01/01/2016"));
  Period oct = *Period::Parse("2016-10");
  Result<std::vector<int64_t>> r = store_->reminders().SaveReminders(
      "duyet", {{.unit = ward_, .period = oct, .from_unit = city, .send_by = D("25/10/2016")},
                {.unit = 987654, .period = oct, .from_unit = city, .send_by = D("25/10/2016")}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.status().field(), "unit");
  EXPECT_TRUE(store_->reminders().RemindersTo({ward_}, 10)->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ReminderTest, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace kiemdem::store
