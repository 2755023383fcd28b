#include "core/assignee.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

TEST(AssigneeKey, SpellsOutShortFormsAndFoldsDiacritics) {
  EXPECT_EQ(AssigneeKey("UBND phường Quảng Hưng"), "uy ban nhan dan phuong quang hung");
  EXPECT_EQ(AssigneeKey("Ủy ban nhân dân phường Quảng Hưng"), "uy ban nhan dan phuong quang hung");
  EXPECT_EQ(AssigneeKey("Uỷ ban nhân dân phường Quảng Hưng"), "uy ban nhan dan phuong quang hung");
  EXPECT_EQ(AssigneeKey("uy ban nhan dan phuong quang hung"), "uy ban nhan dan phuong quang hung");
  EXPECT_EQ(AssigneeKey("UBND P. Quảng Hưng"), "uy ban nhan dan phuong quang hung");
  EXPECT_EQ(AssigneeKey("HĐND TP. Đồng Hới"), "hoi dong nhan dan thanh pho dong hoi");
  EXPECT_EQ(AssigneeKey("Ban Thường trực UBMTTQ"), "ban thuong truc ubmttq");
  EXPECT_EQ(AssigneeKey("Ban Thường trực MTTQ"), "ban thuong truc mat tran to quoc");
  EXPECT_EQ(AssigneeKey("đ/c Chủ tịch UBND xã"), "dong chi chu tich uy ban nhan dan xa");
}

TEST(AssigneeKey, SingleLetterNeedsADot) {
  EXPECT_EQ(AssigneeKey("Tổ 5, khu phố Q"), "to 5 khu pho q");
  EXPECT_EQ(AssigneeKey("Q. Ba Đình"), "quan ba dinh");
}

TEST(AssigneeKey, PunctuationAndSpacesDoNotCount) {
  EXPECT_EQ(AssigneeKey("  Phòng Tài chính - Kế hoạch;  "), "phong tai chinh ke hoach");
  EXPECT_EQ(AssigneeKey(""), "");
}

TEST(AssigneeMatches, WithAndWithoutDiacriticsAndShortForms) {
  EXPECT_TRUE(AssigneeMatches("UBND phường Quảng Hưng", "uy ban nhan dan phuong"));
  EXPECT_TRUE(AssigneeMatches("Ủy ban nhân dân phường Quảng Hưng", "ubnd phuong quang hung"));
  EXPECT_TRUE(AssigneeMatches("UBND phường Quảng Hưng", "UBND phường"));
  EXPECT_TRUE(AssigneeMatches("UBND phường Quảng Hưng", "quang hung"));
  EXPECT_TRUE(AssigneeMatches("UBND phường Quảng Hưng", ""));
  EXPECT_FALSE(AssigneeMatches("UBND thành phố Đồng Hới", "ubnd phuong"));
  EXPECT_FALSE(AssigneeMatches("Phòng Tài chính - Kế hoạch", "ubnd"));
}

}  // namespace
}  // namespace kiemdem
