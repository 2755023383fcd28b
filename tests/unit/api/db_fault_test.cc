// A database that refuses writes in the middle of an import (another
// process holds it locked, as a backup or a stuck client would): the
// client gets 503 with a retry hint and no database text, nothing of the
// file is stored, and once the database is free the same file goes in whole.
#include <gtest/gtest.h>
#include <sodium.h>
#include <sqlite3.h>

#include "tests/unit/api/api_fixture.h"

namespace kiemdem::api {
namespace {

std::string Base64Of(const std::string& s) {
  std::string out(sodium_base64_encoded_len(s.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(s.data()), s.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

class DbFaultTest : public ApiTest {
 protected:
  // Another connection takes the write lock and keeps it.
  void Lock() {
    ASSERT_EQ(sqlite3_open(path_.c_str(), &other_), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  }
  void Unlock() {
    sqlite3_exec(other_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other_);
    other_ = nullptr;
  }
  void TearDown() override {
    if (other_ != nullptr) Unlock();
    ApiTest::TearDown();
  }
  sqlite3* other_ = nullptr;
};

TEST_F(DbFaultTest, ALockedDatabaseMidImportStoresNothingAndSaysRetry) {
  Principal rep = User("rep", "reporter", ward_a_);
  std::string file = "Mã đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị\n";
  for (int month = 1; month <= 9; ++month) file += "06817,THU_NS,2024-0" + std::to_string(month) + ",5\n";
  Json body = {{"file_name", "quy3.csv"}, {"content_base64", Base64Of(file)}};
  Lock();
  Call c = Request("POST", "/imports/results", rep, body);
  EXPECT_EQ(c.status, 503) << c.response;
  EXPECT_EQ(Body(c)["error"]["code"], "unavailable");
  std::string message = Body(c)["error"]["message"];
  EXPECT_EQ(message.find("sqlite"), std::string::npos) << message;
  EXPECT_EQ(message.find("locked"), std::string::npos) << message;
  bool retry = false;
  for (const auto& [k, v] : c.headers) retry = retry || k == "Retry-After";
  EXPECT_TRUE(retry);
  Unlock();

  c = Request("GET", "/results?unit=" + std::to_string(ward_a_), rep);
  EXPECT_EQ(Body(c)["total"], 0) << "nothing of the file was stored";
  c = Request("POST", "/imports/results", rep, body);
  ASSERT_EQ(c.status, 200) << c.response;
  EXPECT_EQ(Body(c)["stored"], 9);
}

}  // namespace
}  // namespace kiemdem::api
