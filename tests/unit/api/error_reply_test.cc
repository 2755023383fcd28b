// The error envelope: what a client is told and what only the log gets.
#include <gtest/gtest.h>

#include "api/router.h"

namespace kiemdem::api {
namespace {

// The review's F8 (ER-01): a database error carried its SQL and bound values to the client.
TEST(ErrorReply, ServerErrorsHideTheCauseAndGiveTheRequestId) {
  Call call;
  call.request_id = "4f2a9c01d3e5b7a8";
  Status db(StatusCode::kInternal,
            "save directive: FOREIGN KEY constraint failed while executing \"UPDATE directives SET …\" with "
            ":t=\"SECRET-VALUE-123\"",
            "lỗi");
  ReplyError(call, db.WithField("meeting"));
  EXPECT_EQ(call.status, 500);
  Json body = Json::parse(call.response);
  EXPECT_EQ(body["error"]["code"], "internal");
  EXPECT_EQ(body["error"]["request_id"], "4f2a9c01d3e5b7a8");
  EXPECT_TRUE(body["error"]["field"].is_null());
  std::string message = body["error"]["message"];
  EXPECT_NE(message.find("4f2a9c01d3e5b7a8"), std::string::npos) << message;
  EXPECT_EQ(call.response.find("SECRET"), std::string::npos) << call.response;
  EXPECT_EQ(call.response.find("FOREIGN"), std::string::npos) << call.response;
  EXPECT_NE(call.error_cause.find("SECRET-VALUE-123"), std::string::npos) << call.error_cause;
}

TEST(ErrorReply, UnavailableSaysRetryWithAHeader) {
  Call call;
  call.lang = "en";
  call.request_id = "r1";
  ReplyError(call, Status(StatusCode::kUnavailable, "connect: postgresql://kiemdem:pw@db/x refused", "x"));
  EXPECT_EQ(call.status, 503);
  EXPECT_EQ(call.response.find("pw@"), std::string::npos) << call.response;
  EXPECT_NE(call.response.find("try again"), std::string::npos) << call.response;
  ASSERT_EQ(call.headers.size(), 1u);
  EXPECT_EQ(call.headers[0].first, "Retry-After");
}

TEST(ErrorReply, ClientErrorsKeepTheirMessageAndField) {
  Call call;
  call.request_id = "r2";
  ReplyError(call, InvalidArgument("bad", "sai").WithField("period"));
  EXPECT_EQ(call.status, 400);
  Json body = Json::parse(call.response);
  EXPECT_EQ(body["error"]["message"], "sai");
  EXPECT_EQ(body["error"]["field"], "period");
  EXPECT_EQ(body["error"]["request_id"], "r2");
}

}  // namespace
}  // namespace kiemdem::api
