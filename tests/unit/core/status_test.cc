#include "core/status.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

Result<int> Half(int v) {
  if (v % 2 != 0) return InvalidArgument(std::to_string(v) + " is odd", std::to_string(v) + " là số lẻ");
  return v / 2;
}

Result<int> Quarter(int v) {
  ASSIGN_OR_RETURN(int h, Half(v));
  ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

Status CheckEven(int v) {
  RETURN_IF_ERROR(Half(v).status());
  return Status::Ok();
}

TEST(Status, OkHasNoMessage) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(Status, CarriesBothLanguagesAndField) {
  Status s = InvalidArgument("bad", "sai");
  s.WithField("value");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message_in("vi"), "sai");
  EXPECT_EQ(s.message_in("en"), "bad");
  EXPECT_EQ(s.field(), "value");
  EXPECT_EQ(s.ToString(), "invalid_argument: bad");
}

TEST(Status, VietnameseFallsBackToEnglish) {
  Status s(StatusCode::kInternal, "oops", "");
  EXPECT_EQ(s.message_vi(), "oops");
}

TEST(Result, PropagatesErrors) {
  EXPECT_EQ(*Quarter(8), 2);
  Result<int> r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "3 is odd");
  EXPECT_TRUE(CheckEven(4).ok());
  EXPECT_EQ(CheckEven(5).message_vi(), "5 là số lẻ");
}

}  // namespace
}  // namespace kiemdem

namespace kiemdem {
namespace {

// In every build, not only where assert() is compiled in: the message says
// what the error was, and nothing is thrown for a caller to swallow.
TEST(ResultDeathTest, ValueOfAnErrorAbortsWithTheMessage) {
  Result<int> r = NotFound("no unit 42", "không có đơn vị 42");
  EXPECT_DEATH((void)r.value(), "Result::value\\(\\) of an error: not_found: no unit 42");
  EXPECT_DEATH((void)*std::move(r), "not_found: no unit 42");
}

TEST(Status, DataLossHasItsCode) {
  EXPECT_EQ(DataLoss("row 3 is damaged", "dòng 3 bị hỏng").code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace kiemdem
