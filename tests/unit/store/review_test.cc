// The store suite for reviewing a whole period at once (the approval inbox)
// and the figures sent back to their reporters, on SQLite and PostgreSQL.
#include "tests/unit/store/store_fixture.h"

namespace kiemdem::store {
namespace {

class ReviewTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    Indicator jobs;
    jobs.code = "VIEC_LAM";
    jobs.name_vi = "Giải quyết việc làm";
    jobs.name_en = "Jobs created";
    jobs.unit = "người";
    Indicator houses = jobs;
    houses.code = "NHA_O";
    houses.name_vi = "Nhà ở";
    houses.name_en = "Houses";
    houses.unit = "căn";
    ASSERT_TRUE(store_->PutIndicators("admin", {Revenue(), jobs, houses}).ok());
  }

  // A submitted figure of the ward for 2016, entered by `reporter`.
  int64_t Submitted(const char* indicator, double value, const char* reporter = "reporter") {
    Observation o = Obs(value);
    o.indicator = indicator;
    int64_t id = *results().SaveResult(reporter, o);
    EXPECT_TRUE(results().SubmitResult(reporter, id).ok());
    return id;
  }
  ResultStore& results() { return store_->results(); }
  ResultStatus StatusOf(int64_t id) { return results().GetResult(id)->status; }
  Period Year2016() { return *Period::Parse("2016"); }
};

TEST_P(ReviewTest, ApprovesEveryFigureOfAPeriodAtOnceEachAudited) {
  int64_t a = Submitted("THU_NS", 45e9), b = Submitted("VIEC_LAM", 1200);
  Observation other_year = Obs(1, "2017");
  int64_t later = *results().SaveResult("reporter", other_year);
  ASSERT_TRUE(results().SubmitResult("reporter", later).ok());

  std::vector<ResultRecord> waiting = *results().ListAwaitingReview("approver");
  ASSERT_EQ(waiting.size(), 3u);
  EXPECT_EQ(waiting[0].updated_by, "reporter");
  EXPECT_TRUE(results().ListAwaitingReview("reporter")->empty());  // four eyes

  Status ok = results().ReviewPeriod("approver", ward_, Year2016(), Review::kApprove, {{a, 1}, {b, 1}}, "");
  ASSERT_TRUE(ok.ok()) << ok.ToString();
  EXPECT_EQ(StatusOf(a), ResultStatus::kApproved);
  EXPECT_EQ(StatusOf(b), ResultStatus::kApproved);
  EXPECT_EQ(StatusOf(later), ResultStatus::kSubmitted);  // another period
  for (int64_t id : {a, b}) {
    std::vector<AuditEntry> audit = *store_->Audit("result", std::to_string(id));
    EXPECT_EQ(audit.back().action, "approve");
    EXPECT_EQ(audit.back().actor, "approver");
  }
  EXPECT_EQ(results().ListAwaitingReview("approver")->size(), 1u);
}

TEST_P(ReviewTest, NothingIsWrittenWhenAFigureChangedOrLeftSubmitted) {
  int64_t a = Submitted("THU_NS", 45e9), b = Submitted("VIEC_LAM", 1200);
  // The reporter corrects b after the approver read it: version 2, draft.
  Observation fix = Obs(1300);
  fix.indicator = "VIEC_LAM";
  ASSERT_TRUE(results().SaveResult("reporter", fix).ok());
  int64_t audit_before = *store_->AuditCount();
  Status changed =
      results().ReviewPeriod("approver", ward_, Year2016(), Review::kApprove, {{a, 1}, {b, 1}}, "");
  EXPECT_EQ(changed.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(changed.field(), "version");
  EXPECT_NE(changed.message().find("result " + std::to_string(b) + " "), std::string::npos)
      << changed.message();
  EXPECT_EQ(StatusOf(a), ResultStatus::kSubmitted);  // the first one was rolled back
  EXPECT_EQ(*store_->AuditCount(), audit_before);

  // At the version now read, b is a draft: no longer submitted.
  Status left = results().ReviewPeriod("approver", ward_, Year2016(), Review::kApprove, {{a, 1}, {b, 2}}, "");
  EXPECT_EQ(left.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(left.field(), "status");
  EXPECT_EQ(StatusOf(a), ResultStatus::kSubmitted);
}

TEST_P(ReviewTest, AFigureSubmittedSinceMustBeReviewedToo) {
  int64_t a = Submitted("THU_NS", 45e9);
  int64_t b = Submitted("VIEC_LAM", 1200);  // not in what the approver read
  Status missing = results().ReviewPeriod("approver", ward_, Year2016(), Review::kApprove, {{a, 1}}, "");
  EXPECT_EQ(missing.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(missing.field(), "items");
  EXPECT_EQ(missing.message(), "result " + std::to_string(b) +
                                   " (VIEC_LAM) was submitted after you read the period; read it again");
  EXPECT_EQ(StatusOf(a), ResultStatus::kSubmitted);
}

TEST_P(ReviewTest, FourEyesHoldsForEveryFigureOfTheBatch) {
  int64_t a = Submitted("THU_NS", 45e9);
  int64_t own = Submitted("VIEC_LAM", 1200, "approver");
  // The approver's own figure is not theirs to approve, nor required.
  EXPECT_TRUE(results().ReviewPeriod("approver", ward_, Year2016(), Review::kApprove, {{a, 1}}, "").ok());
  EXPECT_EQ(StatusOf(own), ResultStatus::kSubmitted);
  int64_t c = Submitted("NHA_O", 30);
  Status denied =
      results().ReviewPeriod("approver", ward_, Year2016(), Review::kApprove, {{c, 1}, {own, 1}}, "");
  EXPECT_EQ(denied.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(StatusOf(c), ResultStatus::kSubmitted);
}

TEST_P(ReviewTest, RefusesBadListsBeforeWriting) {
  int64_t a = Submitted("THU_NS", 45e9);
  EXPECT_EQ(results().ReviewPeriod("approver", ward_, Year2016(), Review::kApprove, {}, "").field(), "items");
  EXPECT_EQ(
      results().ReviewPeriod("approver", ward_, Year2016(), Review::kApprove, {{a, 1}, {a, 1}}, "").field(),
      "items");
  Status elsewhere =
      results().ReviewPeriod("approver", ward_, *Period::Parse("2017"), Review::kApprove, {{a, 1}}, "");
  EXPECT_EQ(elsewhere.code(), StatusCode::kNotFound);
  EXPECT_EQ(elsewhere.field(), "items");
  Status no_comment = results().ReviewPeriod("approver", ward_, Year2016(), Review::kReturn, {{a, 1}}, "");
  EXPECT_EQ(no_comment.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(no_comment.field(), "comment");
  EXPECT_EQ(StatusOf(a), ResultStatus::kSubmitted);
}

TEST_P(ReviewTest, SentBackFiguresWaitForTheirReporterWithTheComment) {
  int64_t a = Submitted("THU_NS", 45e9), b = Submitted("VIEC_LAM", 1200, "reporter2");
  ASSERT_TRUE(results()
                  .ReviewPeriod("approver", ward_, Year2016(), Review::kReturn, {{a, 1}, {b, 1}},
                                "Số thu chưa khớp báo cáo quyết toán")
                  .ok());
  EXPECT_EQ(StatusOf(a), ResultStatus::kDraft);
  EXPECT_EQ(store_->Audit("result", std::to_string(a))->back().action, "return");
  std::vector<ReturnedResult> mine = *results().ListReturned("reporter");
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].result.id, a);
  EXPECT_EQ(mine[0].comment, "Số thu chưa khớp báo cáo quyết toán");
  EXPECT_EQ(mine[0].returned_by, "approver");
  EXPECT_FALSE(mine[0].returned_at.empty());
  EXPECT_EQ(results().ListReturned("reporter2")->size(), 1u);
  // The figure itself says so, to whoever reads it.
  std::optional<ResultRecord::SentBack> why = results().GetResult(a)->sent_back;
  ASSERT_TRUE(why.has_value());
  EXPECT_EQ(why->comment, "Số thu chưa khớp báo cáo quyết toán");
  EXPECT_EQ(why->by, "approver");
  EXPECT_EQ(why->at, mine[0].returned_at);
  // Correcting keeps it on the list; submitting again takes it off.
  EXPECT_TRUE(results().SaveResult("reporter", Obs(46e9)).ok());
  EXPECT_EQ(results().ListReturned("reporter")->size(), 1u);
  EXPECT_TRUE(results().GetResult(a)->sent_back.has_value());
  ASSERT_TRUE(results().SubmitResult("reporter", a).ok());
  EXPECT_TRUE(results().ListReturned("reporter")->empty());
  EXPECT_FALSE(results().GetResult(a)->sent_back.has_value());
  EXPECT_FALSE(results().GetResult(b)->sent_back->comment.empty());
  // One figure sent back alone is listed the same way.
  ASSERT_TRUE(results().ReturnResult("approver", a, 2, "Thiếu nguồn").ok());
  EXPECT_EQ(results().ListReturned("reporter")->at(0).comment, "Thiếu nguồn");
}

TEST_P(ReviewTest, PeriodFiguresGiveEachUnitsStatesOfExactlyThePeriod) {
  int64_t a = Submitted("THU_NS", 45e9);
  Submitted("VIEC_LAM", 1200);
  int64_t c = Submitted("NHA_O", 30);
  ASSERT_TRUE(results().ApproveResult("approver", a, 1).ok());
  ASSERT_TRUE(results().ReturnResult("approver", c, 1, "Thiếu số nhà ở xã hội").ok());
  ASSERT_TRUE(results().SaveResult("reporter", Obs(1, "2016-Q1")).ok());  // a shorter period inside: not read
  UnitId other = *store_->FindUnit("06811", D("01/08/2025"));
  Observation later = Obs(2, "2025-H2");
  later.unit = other;
  ASSERT_TRUE(results().SaveResult("reporter", later).ok());

  std::vector<PeriodFigure> got = *results().PeriodFigures({ward_, other}, Year2016());
  ASSERT_EQ(got.size(), 3u);
  for (const PeriodFigure& f : got) EXPECT_EQ(f.unit, ward_);
  EXPECT_EQ(got[0].status, ResultStatus::kApproved);
  EXPECT_FALSE(got[0].returned);
  EXPECT_EQ(got[1].status, ResultStatus::kSubmitted);
  EXPECT_EQ(got[2].status, ResultStatus::kDraft);
  EXPECT_TRUE(got[2].returned);
  EXPECT_FALSE(got[2].updated_at.empty());
  // Submitted again, it is no longer sent back.
  ASSERT_TRUE(results().SubmitResult("reporter", c).ok());
  EXPECT_FALSE(results().PeriodFigures({ward_}, Year2016())->at(2).returned);
  std::vector<PeriodFigure> h2 = *results().PeriodFigures({ward_, other}, *Period::Parse("2025-H2"));
  ASSERT_EQ(h2.size(), 1u);
  EXPECT_EQ(h2[0].unit, other);
  EXPECT_TRUE(results().PeriodFigures({}, Year2016())->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ReviewTest, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace kiemdem::store
