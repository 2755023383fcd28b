// Handlers in process over a real SQLite store: what each answers, and that
// a refused request changes nothing.
#include <gtest/gtest.h>

#include "tests/unit/api/api_fixture.h"

namespace kiemdem::api {
namespace {

using HandlersTest = ApiTest;

Json Entry(UnitId unit, const char* period, double value) {
  return {{"unit", unit}, {"indicator", "THU_NS"}, {"period", period}, {"value", value}};
}

TEST_F(HandlersTest, TheWorkflowKeepsFourEyesAndTheHistory) {
  Principal rep = User("rep", "reporter", ward_a_), appr = User("appr", "approver", city_);
  Call c = Request("POST", "/results", rep, Entry(ward_a_, "2024-10", 2317.8));
  ASSERT_EQ(c.status, 201) << c.response;
  EXPECT_EQ(Body(c)["status"], "draft");
  std::string id = std::to_string(Body(c)["id"].get<int64_t>());
  EXPECT_EQ(Request("POST", "/results/" + id + "/submit", rep).status, 200);
  // A reporter who is also an approver of its own ward still may not approve its own figure.
  Principal both = User("both", "approver", ward_a_);
  c = Request("POST", "/results", both, Entry(ward_a_, "2024-11", 1));
  std::string own = std::to_string(Body(c)["id"].get<int64_t>());
  ASSERT_EQ(Request("POST", "/results/" + own + "/submit", both).status, 200);
  c = Request("POST", "/results/" + own + "/approve", both, {{"version", 1}});
  EXPECT_EQ(c.status, 403) << c.response;
  c = Request("POST", "/results/" + id + "/approve", appr, Json::object());
  EXPECT_EQ(c.status, 400);
  EXPECT_EQ(Body(c)["error"]["field"], "version");
  c = Request("POST", "/results/" + id + "/approve", appr, {{"version", 1}});
  ASSERT_EQ(c.status, 200) << c.response;
  EXPECT_EQ(Body(c)["status"], "approved");
  c = Request("POST", "/results", rep, Entry(ward_a_, "2024-10", 1));
  EXPECT_EQ(c.status, 409);
  EXPECT_EQ(Body(c)["error"]["field"], "status");
  c = Request("POST", "/results/" + id + "/reopen", appr, {{"version", 1}});
  EXPECT_EQ(c.status, 400) << "a reopening needs a reason: " << c.response;
  c = Request("POST", "/results/" + id + "/reopen", appr, {{"version", 1}, {"reason", "Sai số liệu"}});
  ASSERT_EQ(c.status, 200) << c.response;
  c = Request("GET", "/results/" + id + "/history", rep);
  ASSERT_EQ(c.status, 200) << c.response;
  std::vector<std::string> actions;
  Json history = Body(c);
  for (const Json& e : history["events"]) actions.push_back(e["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "submit", "approve", "reopen"}));
  EXPECT_DOUBLE_EQ(history["versions"].back()["value"].get<double>(), 2317.8);
}

TEST_F(HandlersTest, AValueOfTheWrongTypeOrABadPeriodNamesTheField) {
  Principal rep = User("rep", "reporter", ward_a_);
  Json body = Entry(ward_a_, "2024-10", 1);
  body["value"] = "2.317,8";
  Call c = Request("POST", "/results", rep, body);
  EXPECT_EQ(c.status, 400);
  EXPECT_EQ(Body(c)["error"]["field"], "value");
  c = Request("POST", "/results", rep, Entry(ward_a_, "2024-13", 1));
  EXPECT_EQ(c.status, 400);
  EXPECT_EQ(Body(c)["error"]["field"], "period");
  body = Entry(ward_a_, "2024-10", 1);
  body["indicator"] = "NOPE";
  c = Request("POST", "/results", rep, body);
  EXPECT_EQ(c.status, 404);
  EXPECT_EQ(Body(c)["error"]["field"], "indicator");
  c = Request("GET", "/results?unit=" + std::to_string(ward_a_), rep);
  EXPECT_EQ(Body(c)["total"], 0) << "nothing was stored";
}

std::string Base64(const std::string& s) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < s.size(); i += 3) {
    uint32_t n = (uint8_t(s[i]) << 16) | (uint8_t(s[i + 1]) << 8) | uint8_t(s[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += k[(n >> shift) & 63];
  }
  if (i + 1 == s.size()) {
    uint32_t n = uint8_t(s[i]) << 16;
    out += std::string{k[(n >> 18) & 63], k[(n >> 12) & 63], '=', '='};
  } else if (i + 2 == s.size()) {
    uint32_t n = (uint8_t(s[i]) << 16) | (uint8_t(s[i + 1]) << 8);
    out += std::string{k[(n >> 18) & 63], k[(n >> 12) & 63], k[(n >> 6) & 63], '='};
  }
  return out;
}

TEST_F(HandlersTest, AnImportPreviewsEveryProblemAndStoresAFileWholeOrNotAtAll) {
  Principal rep = User("rep", "reporter", ward_a_);
  std::string header = "Mã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị\n";
  std::string bad =
      header + "06817,THU_NS,2024-07,\"1.250,5\"\n06817,THU_NS,2024-08,mười\n06811,THU_NS,2024-07,7\n";
  Call c =
      Request("POST", "/imports/results", rep, {{"file_name", "t7.csv"}, {"content_base64", Base64(bad)}});
  ASSERT_EQ(c.status, 422) << c.response;
  Json r = Body(c);
  EXPECT_EQ(r["stored"], 0);
  ASSERT_EQ(r["problems"].size(), 2u) << c.response;
  EXPECT_EQ(r["problems"][0]["row"], 3);
  EXPECT_EQ(r["problems"][0]["column"], "D (Giá trị)");
  EXPECT_EQ(r["problems"][1]["row"], 4);  // Phường Uông Bí is outside the reporter's ward
  EXPECT_NE(r["problems"][1]["message"].get<std::string>().find("may not"), std::string::npos) << c.response;
  c = Request("GET", "/results?unit=" + std::to_string(ward_a_), rep);
  EXPECT_EQ(Body(c)["total"], 0);

  std::string good = header + "06817,THU_NS,2024-07,\"1.250,5\"\n06817,THU_NS,2024-08,980\n";
  c = Request("POST", "/imports/results", rep,
              {{"file_name", "t7.csv"}, {"content_base64", Base64(good)}, {"check_only", true}});
  ASSERT_EQ(c.status, 200) << c.response;
  EXPECT_EQ(Body(c)["rows"], 2);
  EXPECT_EQ(Body(c)["stored"], 0);
  c = Request("POST", "/imports/results", rep, {{"file_name", "t7.csv"}, {"content_base64", Base64(good)}});
  ASSERT_EQ(c.status, 200) << c.response;
  EXPECT_EQ(Body(c)["stored"], 2);
  c = Request("GET", "/results?unit=" + std::to_string(ward_a_), rep);
  EXPECT_EQ(Body(c)["total"], 2);
}

TEST_F(HandlersTest, ASessionWithABadDirectiveIsRefusedWhole) {
  Principal appr = User("appr", "approver", city_);
  Json bad = {
      {"unit", ward_a_},
      {"held_on", "2024-05-02"},
      {"host", "UBND thành phố"},
      {"directives", {{{"text", "ok"}, {"assignee", "x"}}, {{"text", "bad"}, {"indicator", "NOPE"}}}}};
  Call c = Request("POST", "/meetings", appr, bad);
  EXPECT_EQ(c.status, 404) << c.response;
  EXPECT_EQ(Body(c)["error"]["field"], "indicator");
  c = Request("GET", "/meetings?unit=" + std::to_string(ward_a_), appr);
  EXPECT_EQ(Body(c)["total"], 0);
  c = Request("GET", "/directives", appr);
  EXPECT_EQ(Body(c)["total"], 0);
}

// Directives a caller sees: only within its roles, overdue first, then the nearest deadline.
TEST_F(HandlersTest, DirectivesAreListedWithinTheCallersScopeOverdueFirst) {
  Principal appr = User("appr", "approver", city_);
  Principal a = User("a", "viewer", ward_a_), b = User("b", "viewer", ward_b_);
  Json meeting = {{"unit", ward_a_},
                  {"held_on", "2024-05-02"},
                  {"host", "Thường trực Thành ủy"},
                  {"directives",
                   {{{"text", "xa"}, {"assignee", "UBND phường"}, {"deadline", "2024-12-31"}},
                    {{"text", "gan"}, {"assignee", "UBND phường"}, {"deadline", "2024-07-01"}},
                    {{"text", "qua han"}, {"assignee", "Công an phường"}, {"deadline", "2024-06-01"}},
                    {{"text", "khong han"}, {"assignee", "UBND phường"}}}}};
  Call c = Request("POST", "/meetings", appr, meeting);
  ASSERT_EQ(c.status, 201) << c.response;
  c = Request("GET", "/directives?on=15/06/2024", a);
  ASSERT_EQ(c.status, 200) << c.response;
  std::vector<std::string> order;
  Json list = Body(c);
  for (const Json& d : list["items"]) order.push_back(d["text"]);
  EXPECT_EQ(order, (std::vector<std::string>{"qua han", "gan", "xa", "khong han"}));
  EXPECT_EQ(Body(c)["counts"]["overdue"], 1);
  EXPECT_EQ(Body(c)["counts"]["in_progress"], 2);
  EXPECT_EQ(Body(c)["counts"]["no_deadline"], 1) << "without a deadline is 'không thời hạn', not 'trong hạn'";
  c = Request("GET", "/directives?on=15/06/2024", b);
  EXPECT_EQ(Body(c)["total"], 0) << "another ward sees none";
  c = Request("GET", "/directives?on=15/06/2024&state=overdue", a);
  EXPECT_EQ(Body(c)["total"], 1);
  c = Request("GET", "/directives?state=late", a);
  EXPECT_EQ(c.status, 400) << c.response;
  c = Request("GET", "/directives/overdue?on=15/06/2024", a);
  ASSERT_EQ(c.status, 200) << c.response;
  Json by_assignee = Body(c)["by_assignee"];
  ASSERT_EQ(by_assignee.size(), 2u);
  EXPECT_EQ(by_assignee[0]["name"], "Công an phường");
  EXPECT_EQ(by_assignee[0]["overdue"], 1);
  EXPECT_EQ(by_assignee[1]["open"], 3);
}

TEST_F(HandlersTest, TrendListsTheStoredPeriodsInOrder) {
  Principal rep = User("rep", "reporter", ward_a_);
  for (const char* p : {"2024-10", "2023", "2024-01"})
    ASSERT_EQ(Request("POST", "/results", rep, Entry(ward_a_, p, 3)).status, 201);
  Call c =
      Request("GET", "/trend?unit=" + std::to_string(ward_a_) + "&indicator=THU_NS&from=2023&to=2024", rep);
  ASSERT_EQ(c.status, 200) << c.response;
  std::vector<std::string> periods;
  Json trend = Body(c);
  for (const Json& i : trend["items"]) periods.push_back(i["period"]);
  EXPECT_EQ(periods, (std::vector<std::string>{"2023", "2024-01", "2024-10"}));
}

}  // namespace
}  // namespace kiemdem::api
