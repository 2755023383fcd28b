// F14: a stored report is read by the extractor once, not on every GET.
#include "api/facts_cache.h"

#include <gtest/gtest.h>

#include "tests/unit/api/api_fixture.h"

namespace kiemdem::api {
namespace {

TEST(FactsCache, KeepsWithinItsBytesOldestOutFirst) {
  FactsCache cache(100);
  auto facts = std::make_shared<const extract::Facts>();
  cache.Keep("a", facts, 60);
  cache.Keep("b", facts, 30);
  EXPECT_NE(cache.Find("a"), nullptr);
  cache.Keep("c", facts, 50);  // 60 + 30 + 50 > 100: "a" goes
  EXPECT_EQ(cache.Find("a"), nullptr);
  EXPECT_NE(cache.Find("b"), nullptr);
  EXPECT_NE(cache.Find("c"), nullptr);
  cache.Keep("huge", facts, 101);  // larger than the whole budget: not kept
  EXPECT_EQ(cache.Find("huge"), nullptr);
  EXPECT_EQ(cache.size(), 2u);
}

using DocumentsTest = ApiTest;

TEST_F(DocumentsTest, AStoredReportIsReadOnceForEveryLaterRead) {
  Principal rep = User("rep", "reporter", ward_a_);
  Call c = Request("POST", "/documents", rep,
                   {{"unit", ward_a_},
                    {"issued", "2024-06-30"},
                    {"text", "Thu ngân sách đạt 2.317,8 triệu đồng, bằng 105% kế hoạch."}});
  ASSERT_EQ(c.status, 201) << c.response;
  EXPECT_EQ(app_->facts().size(), 1u) << "posting reads it once and keeps it";
  std::string path = "/documents/" + std::to_string(Body(c)["document"]["id"].get<int64_t>());
  Call first = Request("GET", path, rep);
  Call second = Request("GET", path, rep);
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.response, second.response);
  EXPECT_EQ(Body(first)["facts"], Body(c)["facts"]);
  EXPECT_EQ(app_->facts().size(), 1u);
}

}  // namespace
}  // namespace kiemdem::api
