#include "core/text.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

TEST(Utf8, AcceptsVietnamese) { EXPECT_TRUE(ValidateUtf8("Phường Quảng Hưng, Thành uỷ").ok()); }

TEST(Utf8, NamesTheByteOffsetOfBadInput) {
  EXPECT_EQ(ValidateUtf8("abc\xff").message(), "invalid UTF-8 at byte 3");
  EXPECT_EQ(ValidateUtf8("Hưng\xC3").message_vi(), "UTF-8 không hợp lệ tại byte 5");
  EXPECT_FALSE(ValidateUtf8("\xC0\xAF").ok());          // overlong '/'
  EXPECT_FALSE(ValidateUtf8("\xED\xA0\x80").ok());      // surrogate
  EXPECT_FALSE(ValidateUtf8("\xF4\x90\x80\x80").ok());  // above U+10FFFF
}

TEST(Fold, RemovesDiacriticsInBothNormalForms) {
  EXPECT_EQ(FoldForSearch("Phường Quảng Hưng"), "phuong quang hung");
  EXPECT_EQ(FoldForSearch("ĐẢNG ỦY"), "dang uy");
  // NFD: "Quảng" written as base letters plus combining marks.
  EXPECT_EQ(FoldForSearch("Qua\xCC\x89ng"), "quang");
  EXPECT_EQ(FoldForSearch("Thành uỷ"), FoldForSearch("Thành ủy"));
  EXPECT_EQ(FoldForSearch("  Long   Biên, Hà Nội "), "long bien ha noi");
  EXPECT_EQ(FoldForSearch("bad\xff"
                          "byte"),
            "badbyte");
}

TEST(Search, MatchesWithOrWithoutDiacritics) {
  EXPECT_TRUE(SearchMatches("Phường Quảng Hưng", "quang hung"));
  EXPECT_TRUE(SearchMatches("Phường Quảng Hưng", "Quảng Hưng"));
  EXPECT_TRUE(SearchMatches("Phường Quảng Hưng", "hung quang"));
  EXPECT_TRUE(SearchMatches("Phường Quảng Hưng", "q hu"));
  EXPECT_FALSE(SearchMatches("Phường Quảng Hưng", "quang trung"));
  EXPECT_TRUE(SearchMatches("Xã Đắk Rơ Wa", "dak ro"));
}

}  // namespace
}  // namespace kiemdem
