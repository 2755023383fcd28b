#include "extract/extract.h"

#include <gtest/gtest.h>

#include <random>

namespace kiemdem::extract {
namespace {

TEST(Extract, InvalidUtf8NamesTheByte) {
  Result<Facts> r = Extract("Thu ngân sách đạt 13 tỷ\xff đồng");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "invalid UTF-8 at byte 30");
  EXPECT_EQ(r.status().message_vi(), "UTF-8 không hợp lệ tại byte 30");
}

// A percentage is checked against the fraction before it only inside its
// clause: not across a sentence or a ";", and not when the percentage has a
// basis of its own ("tăng 5% so với cùng kỳ").
TEST(Extract, AStatedPercentageIsPairedOnlyInsideItsClause) {
  for (const char* text :
       {"Có 8/12 tổ đạt chuẩn. Tỷ lệ hộ nghèo 1,2%.", "Có 8/12 tổ đạt chuẩn; hộ nghèo giảm 1,2%.",
        "Có 8/12 tổ đạt chuẩn, thu ngân sách tăng 5% so với cùng kỳ."}) {
    Result<Facts> r = Extract(text);
    ASSERT_TRUE(r.ok());
    ASSERT_FALSE(r->measures.empty()) << text;
    EXPECT_FALSE(r->measures[0].check.has_value()) << text << "\n" << FactsToJson(*r);
  }
}

// A text that opens on a comma before a request ends (found by extract_fuzz:
// the clause before the comma was read to the end of memory).
TEST(Extract, ATextOpeningOnACommaEnds) {
  Result<Facts> r = Extract(", ông Phạm Văn Bảy đề nghị Đảng ủy, UBND xã Tân Hòa n; rà soát lBD.");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(Extract(",").ok());
  EXPECT_TRUE(Extract(", rà soát, thống kê hồ sơ").ok());
}

TEST(Extract, EmptyInputHasNoFacts) {
  Result<Facts> r = Extract("");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(FactsToJson(*r), "{\"facts\": []}");
}

TEST(Extract, TooLargeIsRefused) {
  ExtractOptions small;
  small.max_input_bytes = 10;
  Result<Facts> r = Extract("Thu ngân sách đạt 13 tỷ đồng", small);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
}

// NFD input (base letters plus combining marks) gives the same facts, with
// spans into the bytes as given.
TEST(Extract, NfdInputKeepsInputSpans) {
  std::string nfc = "Phường Quảng Hưng thu ngân sách đạt trên 13 tỷ đồng.";
  std::string nfd =
      "Phu\xcc\x9b\xcc\x80o\xcc\x9bng Qua\xcc\x89ng Hu\xcc\x9bng thu nga\xcc\x82n sa\xcc\x81\x63h "
      "\xc4\x91\x61\xcc\xa3t tre\xcc\x82n 13 ty\xcc\x89 \xc4\x91o\xcc\x82\xcc\x80ng.";
  Result<Facts> a = Extract(nfc);
  Result<Facts> b = Extract(nfd);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->measures.size(), 1u);
  ASSERT_EQ(b->measures.size(), 1u);
  EXPECT_EQ(a->measures[0].value, b->measures[0].value);
  EXPECT_EQ(b->measures[0].unit, "đồng");
  Span s = b->measures[0].span;
  EXPECT_EQ(nfd.substr(s.begin, s.end - s.begin), "tre\xcc\x82n 13 ty\xcc\x89 \xc4\x91o\xcc\x82\xcc\x80ng");
}

// Random bytes and random Vietnamese-ish text: an error or facts, never a crash.
TEST(Extract, SurvivesNoise) {
  std::mt19937 rng(42);
  const std::string alphabet[] = {"đạt ",     "tỷ ", "%",     "/",     "-",    ",",         ".",
                                  "1",        "2.3", "ngày ", "năm ",  "2020", "Đồng chí ", "Nguyễn ",
                                  "đề nghị ", ";",   "\n",    "trên ", "hộ ",  "tháng "};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 200);
    for (int k = 0; k < n; ++k) text += alphabet[rng() % std::size(alphabet)];
    Result<Facts> r = Extract(text);
    ASSERT_TRUE(r.ok()) << text;
    for (const MeasureFact& m : r->measures) {
      EXPECT_LE(m.span.begin, m.span.end);
      EXPECT_LE(m.span.end, text.size());
    }
    std::string bytes(static_cast<size_t>(rng() % 64), '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    (void)Extract(bytes);
  }
}

// Every prefix of an instruction list, cut anywhere (a text that ends on a
// comma after a verb once read one token past its end, found by extract_fuzz).
TEST(Extract, SurvivesEveryPrefixOfAnInstructionList) {
  const std::string text =
      "Kết luận buổi làm việc, đồng chí Bí thư đề nghị UBND phường củng cố, nâng cao chất lượng, "
      "rà soát, thống kê các hộ nghèo, và khẩn trương hoàn thành trước ngày 15/9, tăng cường, ";
  for (size_t n = 0; n <= text.size(); ++n) {
    if (n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) continue;  // inside a letter
    Result<Facts> r = Extract(text.substr(0, n));
    ASSERT_TRUE(r.ok()) << n;
    for (const DirectiveFact& d : r->directives) EXPECT_LE(d.span.end, n);
  }
}

}  // namespace
}  // namespace kiemdem::extract
