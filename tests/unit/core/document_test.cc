#include "core/document.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

TEST(DocumentCode, PartyStyle) {
  DocumentRef r = *ParseDocumentCode("06-NQ/TU");
  EXPECT_TRUE(r.party);
  EXPECT_EQ(r.number, "06");
  EXPECT_EQ(r.type_code, "NQ");
  EXPECT_EQ(r.issuer, "TU");
  EXPECT_EQ(ParseDocumentCode("15-ĐA/QU")->type_code, "ĐA");
  EXPECT_EQ(ParseDocumentCode("17- CT/TU")->code, "17-CT/TU");
  EXPECT_EQ(DocumentTypeNameVi(ParseDocumentCode("272-TB/TU")->type_code), "Thông báo");
}

TEST(DocumentCode, StateStyle) {
  DocumentRef r = *ParseDocumentCode("886/QĐ- UBND");
  EXPECT_FALSE(r.party);
  EXPECT_EQ(r.code, "886/QĐ-UBND");
  EXPECT_EQ(r.type_code, "QĐ");
  EXPECT_EQ(r.issuer, "UBND");
  DocumentRef law = *ParseDocumentCode("15/2025/QĐ-UBND");
  EXPECT_EQ(law.year, 2025);
  EXPECT_EQ(law.number, "15");
  DocumentRef letter = *ParseDocumentCode("123/UBND-VP");
  EXPECT_EQ(letter.type_code, "");
  EXPECT_EQ(letter.issuer, "UBND-VP");
  EXPECT_EQ(DocumentTypeNameVi(letter.type_code), "Công văn");
}

TEST(DocumentCode, RejectsNonCodes) {
  EXPECT_EQ(ParseDocumentCode("Nghị quyết Đại hội").status().message(),
            "'Nghị quyết Đại hội' is not a document number and symbol (e.g. 06-NQ/TU, 886/QĐ-UBND, "
            "15/2025/QĐ-UBND)");
  EXPECT_FALSE(ParseDocumentCode("").ok());
  EXPECT_FALSE(ParseDocumentCode("06-NQ").ok());
  EXPECT_FALSE(ParseDocumentCode("abc/QĐ-UBND").ok());
  EXPECT_FALSE(ParseDocumentCode("15/20x5/QĐ-UBND").ok());
  EXPECT_FALSE(ParseDocumentCode("5/").ok());
}

}  // namespace
}  // namespace kiemdem
