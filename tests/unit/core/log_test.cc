#include "core/log.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

TEST(Log, LineIsLogfmtWithQuotingOnlyWhereNeeded) {
  EXPECT_EQ(FormatLogLine(LogLevel::kWarn, "login_failed",
                          {{"user", "lê an"}, {"client", "127.0.0.1"}, {"status", 401}, {"ms", int64_t{12}}}),
            "level=warn event=login_failed user=\"lê an\" client=127.0.0.1 status=401 ms=12");
}

TEST(Log, ValuesCannotForgeFieldsOrLines) {
  std::string line = FormatLogLine(LogLevel::kError, "request",
                                   {{"cause", "a\"b\\c\nlevel=info x=y"}, {"empty", ""}, {"ctl", "\x01"}});
  EXPECT_EQ(line,
            "level=error event=request cause=\"a\\\"b\\\\c\\nlevel=info x=y\" empty=\"\" ctl=\"\\x01\"");
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(Log, LongValuesAreCutOnACharacterAndInvalidUtf8Replaced) {
  std::string line = FormatLogLine(LogLevel::kInfo, "e", {{"v", "ơơơ"}}, 5);  // 2 bytes each
  EXPECT_EQ(line, "level=info event=e v=\"ơơ…\"");
  EXPECT_EQ(FormatLogLine(LogLevel::kInfo, "e", {{"v", "a\xff"}}), "level=info event=e v=a\xEF\xBF\xBD");
}

TEST(Log, LevelsFilterAndParse) {
  MemoryLogger log(LogLevel::kWarn);
  log.Log(LogLevel::kInfo, "hidden", {});
  log.Log(LogLevel::kError, "shown", {{"n", 1}});
  EXPECT_EQ(log.lines(), (std::vector<std::string>{"level=error event=shown n=1"}));
  EXPECT_EQ(*ParseLogLevel("debug"), LogLevel::kDebug);
  EXPECT_FALSE(ParseLogLevel("loud").ok());
}

}  // namespace
}  // namespace kiemdem
