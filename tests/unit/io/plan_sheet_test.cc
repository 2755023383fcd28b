// Plans read from and written to sheets: the caller's scope refuses rows by
// unit (each row named by row and column, in Vietnamese too), and an .xlsx
// export with its targets as number cells reads back as the same plans.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/code_resolver.h"
#include "io/importer.h"
#include "io/xlsx.h"
#include "tests/support/zip_member.h"

namespace kiemdem::io {
namespace {

class TwoWards final : public CodeResolver {
 public:
  TwoWards() {
    Indicator thu;
    thu.code = "THU_NS";
    thu.name_vi = "Thu ngân sách";
    thu.unit = "triệu đồng";
    indicators_.push_back(thu);
  }
  Result<std::vector<Indicator>> Indicators() override { return indicators_; }
  Result<std::vector<UnitRecord>> Units() override { return std::vector<UnitRecord>{}; }
  Result<UnitId> FindUnit(const std::string& code, Date /*on*/) override {
    if (code == "06817") return UnitId{7};
    if (code == "06820") return UnitId{8};
    return NotFound("no unit " + code, "không có đơn vị " + code);
  }
  Result<std::string> UnitCode(UnitId unit) override {
    if (unit == 7) return std::string("06817");
    if (unit == 8) return std::string("06820");
    return NotFound("no unit", "không có đơn vị");
  }

 private:
  std::vector<Indicator> indicators_;
};

Sheet Csv(const std::string& text) { return *ReadCsv(text, "ke-hoach.csv"); }

const char* kHeader = "Mã ĐVHC,Cơ quan giao,Từ năm,Số ký hiệu,Ngày ban hành,Mã chỉ tiêu,Năm,Chỉ tiêu\n";

TEST(PlanSheet, RowsOfAUnitOutsideTheScopeAreProblemsByRowAndColumn) {
  TwoWards codes;
  int asked = 0;
  PlanReadOptions options;
  options.may_set = [&](const Plan& p) -> Status {
    ++asked;
    EXPECT_TRUE(p.targets.empty());
    if (p.unit == 7) return Status::Ok();
    return PermissionDenied("not yours", "đơn vị nằm ngoài phạm vi được phân quyền");
  };
  Result<RowsRead<Plan>> read =
      ReadPlans(codes,
                Csv(std::string(kHeader) + "06817,HĐND,2026,15/NQ-HĐND,10/12/2025,THU_NS,2026,\"1.250,5\"\n" +
                    "06820,HĐND,2026,15/NQ-HĐND,10/12/2025,THU_NS,2026,900\n" +
                    "06820,HĐND,2026,15/NQ-HĐND,10/12/2025,THU_NS,2027,950\n"),
                options);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(asked, 2) << "asked once per plan, not per row";
  ASSERT_EQ(read->outcome.problems.size(), 2u);
  EXPECT_EQ(read->outcome.problems[0].row, 3);
  EXPECT_EQ(read->outcome.problems[0].column, "A (Mã đơn vị)");
  EXPECT_EQ(read->outcome.problems[0].message_vi, "đơn vị nằm ngoài phạm vi được phân quyền");
  EXPECT_EQ(read->outcome.problems[1].row, 4);
  EXPECT_TRUE(read->rows.empty()) << "a file with a problem gives no rows to save";
}

TEST(PlanSheet, ARefusalNamingAColumnOfTheSheetIsPutThere) {
  TwoWards codes;
  PlanReadOptions options;
  options.may_set = [](const Plan& p) -> Status {
    if (!p.assigned_by_superior) return Status::Ok();
    return PermissionDenied("assigned from above", "chỉ tiêu cấp trên giao")
        .WithField("assigned_by_superior");
  };
  Result<RowsRead<Plan>> read = ReadPlans(codes,
                                          Csv("Mã ĐVHC,Cơ quan giao,Từ năm,Cấp trên giao,Mã chỉ tiêu,Năm,Chỉ "
                                              "tiêu\n06817,HĐND,2026,có,THU_NS,2026,5\n"),
                                          options);
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(read->outcome.problems.size(), 1u);
  EXPECT_EQ(read->outcome.problems[0].column, "D (Cấp trên giao)");
}

TEST(PlanSheet, AnXlsxExportHasNumberCellsAndReadsBackAsTheSamePlans) {
  TwoWards codes;
  Result<RowsRead<Plan>> read = ReadPlans(
      codes, Csv(std::string(kHeader) + "06817,HĐND,2026,15/NQ-HĐND,10/12/2025,THU_NS,2026,\"1.250,5\"\n"));
  ASSERT_TRUE(read.ok());
  ASSERT_TRUE(read->outcome.problems.empty()) << read->outcome.problems[0].message_en;
  Result<Sheet> sheet = ExportPlans(codes, read->rows, "Kế hoạch");
  ASSERT_TRUE(sheet.ok());
  Result<std::string> bytes = XlsxBytes(*sheet);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();

  // The target (column K, "Chỉ tiêu") of the first data row is a number cell: no t="s" or t="inlineStr".
  std::string xml = testing_zip::MemberOfBytes(*bytes, "xl/worksheets/sheet1.xml");
  size_t at = xml.find("<c r=\"K3\"");
  ASSERT_NE(at, std::string::npos) << xml.substr(0, 2000);
  std::string cell = xml.substr(at, xml.find("</c>", at) - at);
  EXPECT_EQ(cell.find(" t=\""), std::string::npos) << cell;
  EXPECT_NE(cell.find("<v>1250.5</v>"), std::string::npos) << cell;

  Result<Sheet> back = ReadXlsx(*bytes, "ke-hoach.xlsx");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  Result<RowsRead<Plan>> again = ReadPlans(codes, *back);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  ASSERT_TRUE(again->outcome.problems.empty()) << again->outcome.problems[0].message_en;
  ASSERT_EQ(again->rows.size(), 1u);
  const Plan& p = again->rows[0];
  EXPECT_EQ(p.unit, 7);
  EXPECT_EQ(p.body_kind, read->rows[0].body_kind);
  EXPECT_EQ(p.resolution.code, "15/NQ-HĐND");
  ASSERT_TRUE(p.resolution.issued.has_value());
  EXPECT_EQ(p.resolution.issued->ToVietnamese(), "10/12/2025");
  ASSERT_EQ(p.targets.size(), 1u);
  EXPECT_DOUBLE_EQ(p.targets[0].value, 1250.5);
  EXPECT_EQ(p.targets[0].year, 2026);
}

}  // namespace
}  // namespace kiemdem::io
