#include "cli/demo_loader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "cli/workspace.h"
#include "core/csv.h"

namespace kiemdem::cli {
namespace {

class DemoLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() / ("kiemdem_demo_" + std::to_string(getpid()) + ".db"))
                .string();
    std::filesystem::remove(path_);
    store_ = std::move(store::Store::Open({.url = path_})).value();
    ASSERT_TRUE(store_->Migrate().ok());
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  std::string path_;
  std::unique_ptr<store::Store> store_;
};

// The articles' figures (rows of results.csv quoting "seed-N: ...").
size_t ReportedRows() {
  CsvTable t = *ParseCsv(*ReadFile(std::string(KIEMDEM_DATA_DIR) + "/demo/results.csv"));
  size_t n = 0;
  for (const CsvRow& row : t.rows)
    n += row.fields[static_cast<size_t>(t.Column("source"))].rfind("seed-", 0) == 0;
  return n;
}

TEST_F(DemoLoaderTest, LoadsTheArticlesTheirSessionsDirectivesFiguresAndHistory) {
  Result<DemoSummary> sum = LoadDemo(KIEMDEM_DATA_DIR, *store_);
  ASSERT_TRUE(sum.ok()) << sum.status().ToString();
  EXPECT_EQ(sum->documents, 5u);
  EXPECT_EQ(sum->meetings, 4u);  // seed-3 reports on a resolution: no session
  EXPECT_GE(sum->directives, 40u);
  // Every figure an article reports was found by the extractor in its text.
  EXPECT_EQ(sum->results_from_documents, ReportedRows());
  EXPECT_GE(sum->results, 1000u);  // with the generated history
  // The articles' figures are approved (they were published); the generated ones are drafts.
  size_t approved = 0, drafts = 0;
  for (const store::ResultRecord& r : *store_->results().ListResults()) {
    bool generated = r.observation.provenance.source.rfind("generated:", 0) == 0;
    EXPECT_EQ(r.status, generated ? store::ResultStatus::kDraft : store::ResultStatus::kApproved)
        << r.observation.indicator << " " << r.observation.period.Key();
    (generated ? drafts : approved) += 1;
  }
  EXPECT_GE(approved, ReportedRows());
  EXPECT_GE(drafts, 1000u);

  // The Quảng Hưng session of 11/11/2018 and its dated directive.
  std::vector<Meeting> meetings = *store_->ListMeetings();
  const Meeting* qh = nullptr;
  for (const Meeting& m : meetings) {
    if (m.held_on == *Date::FromYmd(2018, 11, 11)) qh = &m;
  }
  ASSERT_NE(qh, nullptr);
  EXPECT_EQ(qh->host, "UBND thành phố");
  EXPECT_NE(qh->chair.find("Lê Anh Xuân"), std::string::npos);
  ASSERT_EQ(qh->documents.size(), 1u);
  store::DirectiveFilter filter;
  filter.meeting = qh->id;
  std::vector<Directive> directives = *store_->ListDirectives(filter);
  bool report_by_25_11 = false;
  for (const Directive& d : directives) {
    EXPECT_EQ(d.issuer, "UBND thành phố");
    if (d.deadline == *Date::FromYmd(2018, 11, 25)) {
      report_by_25_11 = true;
      EXPECT_NE(d.text.find("báo cáo Chủ tịch UBND thành phố"), std::string::npos) << d.text;
      EXPECT_EQ(d.assignee.unit, qh->unit);
    }
  }
  EXPECT_TRUE(report_by_25_11);

  // A figure linked to its span: the text there states it.
  store::StoredDocument doc = *store_->GetDocument(qh->documents[0]);
  bool linked = false;
  for (const store::ResultRecord& r : *store_->ListResults(qh->unit)) {
    const Provenance& p = r.observation.provenance;
    if (r.observation.indicator != "DN_MOI" || p.kind != ProvenanceKind::kDocument) continue;
    linked = true;
    EXPECT_EQ(p.source, "document:" + std::to_string(doc.id));
    std::string span =
        doc.text.substr(static_cast<size_t>(p.span_begin), static_cast<size_t>(p.span_end - p.span_begin));
    EXPECT_NE(span.find("32"), std::string::npos) << span;
  }
  EXPECT_TRUE(linked);
}

TEST_F(DemoLoaderTest, LeavesADatabaseInUseAlone) {
  ASSERT_TRUE(LoadDemo(KIEMDEM_DATA_DIR, *store_).ok());
  int64_t version = *store_->DataVersion();
  Result<DemoSummary> again = LoadDemo(KIEMDEM_DATA_DIR, *store_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->documents, 0u);
  EXPECT_EQ(*store_->DataVersion(), version);
}

}  // namespace
}  // namespace kiemdem::cli
