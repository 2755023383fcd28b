// io reads sheets into rows with no store behind it: codes come from a fake
// CodeResolver, checked rows go to the caller's sink, problems name the row
// and column, and exports are written from rows.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "io/code_resolver.h"
#include "io/importer.h"
#include "io/table.h"

namespace kiemdem::io {
namespace {

class FakeCodes final : public CodeResolver {
 public:
  FakeCodes() {
    Indicator thu;
    thu.code = "THU_NS";
    thu.name_vi = "Thu ngân sách";
    thu.unit = "triệu đồng";
    indicators_.push_back(thu);
    Indicator food;
    food.code = "ATVSTP";
    food.name_vi = "Đạt chuẩn an toàn vệ sinh thực phẩm";
    food.unit = "đơn vị đạt";
    food.value_kind = ValueKind::kYesNo;
    indicators_.push_back(food);
  }
  Result<std::vector<Indicator>> Indicators() override { return indicators_; }
  Result<std::vector<UnitRecord>> Units() override { return std::vector<UnitRecord>{}; }
  Result<UnitId> FindUnit(const std::string& code, Date /*on*/) override {
    if (code == "06817") return UnitId{7};
    return NotFound("no unit " + code, "không có đơn vị " + code).WithField("unit_code");
  }
  Result<std::string> UnitCode(UnitId unit) override {
    if (unit == 7) return std::string("06817");
    return NotFound("no unit", "không có đơn vị");
  }

 private:
  std::vector<Indicator> indicators_;
};

Sheet Csv(const std::string& text) { return *ReadCsv(text, "kq.csv"); }

// A sink that keeps every observation handed to it.
ResultSink CollectInto(std::vector<Observation>* got) {
  return [got](std::vector<Observation>& batch) {
    for (Observation& o : batch) got->push_back(o);
    return Status::Ok();
  };
}

TEST(SheetRows, CheckedResultsGoToTheSinkWithTheirUnitsResolved) {
  FakeCodes codes;
  std::vector<Observation> got;
  ResultSink sink = CollectInto(&got);
  Result<ImportOutcome> out = ReadResults(
      codes, Csv("unit_code,indicator,period,value\n06817,THU_NS,2026,\"2.317,8\"\n06817,THU_NS,2025,10\n"),
      {}, sink);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(out->rows, 2);
  EXPECT_TRUE(out->problems.empty());
  EXPECT_EQ(out->stored, 0);  // saving is the caller's
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].unit, 7);
  EXPECT_DOUBLE_EQ(got[0].value, 2317.8);
  EXPECT_EQ(got[0].provenance.source, "kq.csv");

  Result<Sheet> back = ExportResults(codes, got, "results");
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->rows.size(), 3u);
  EXPECT_EQ(back->rows[1].cells[0], "06817");
  EXPECT_EQ(back->rows[1].cells[3], "2.317,8");
}

// A state reached or not as typed in a sheet: "Đạt", "chưa đạt", "khong dat", 1 or 0; nothing else.
TEST(SheetRows, AYesNoStateReadsAsTypedAndOnlyAsOneOrZero) {
  FakeCodes codes;
  std::vector<Observation> got;
  ResultSink sink = CollectInto(&got);
  Result<ImportOutcome> out = ReadResults(codes,
                                          Csv("unit_code,indicator,period,value\n06817,ATVSTP,2026,Đạt\n"
                                              "06817,ATVSTP,2025,chưa đạt\n06817,ATVSTP,2024,khong dat\n"
                                              "06817,ATVSTP,2023,1\n"),
                                          {}, sink);
  ASSERT_TRUE(out.ok() && out->problems.empty()) << (out.ok() ? out->problems[0].message_vi : "");
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(std::vector<double>({got[0].value, got[1].value, got[2].value, got[3].value}),
            std::vector<double>({1, 0, 0, 1}));
  got.clear();
  out = ReadResults(codes,
                    Csv("unit_code,indicator,period,value\n06817,ATVSTP,2026,3\n06817,ATVSTP,2025,có lẽ\n"),
                    {}, sink);
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->problems.size(), 2u);
  EXPECT_EQ(out->problems[0].column, "D (Giá trị)") << out->problems[0].column;
  EXPECT_TRUE(got.empty());
}

TEST(SheetRows, ARowWithAProblemStopsTheSinkAndEveryProblemIsListed) {
  FakeCodes codes;
  int batches = 0;
  ResultSink sink = [&](std::vector<Observation>& /*batch*/) {
    ++batches;
    return Status::Ok();
  };
  Result<ImportOutcome> out =
      ReadResults(codes,
                  Csv("unit_code,indicator,period,value\n06817,THU_NS,2026,1\n99999,THU_NS,2026,1\n"
                      "06817,THU_NS,2026,2\n"),
                  {}, sink);
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->problems.size(), 2u);
  EXPECT_EQ(out->problems[0].ToString("en"), "kq.csv, row 3, column A (Mã đơn vị): no unit 99999");
  EXPECT_EQ(out->problems[1].ToString("vi"), "kq.csv, dòng 4: trùng đơn vị, chỉ tiêu và kỳ với dòng 2");
  EXPECT_EQ(batches, 0);
}

TEST(SheetRows, UnitsReadWholeWithAnUnknownParentAsAProblem) {
  FakeCodes codes;
  Result<RowsRead<UnitRecord>> read =
      ReadUnits(codes, Csv("code,name,type,parent_code\n22,Quảng Ninh,province,\n06817,Thanh Sơn,ward,22\n"
                           "06818,Yên Thanh,ward,99\n"));
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->outcome.rows, 3);
  ASSERT_EQ(read->outcome.problems.size(), 1u);
  EXPECT_EQ(read->outcome.problems[0].row, 4);
  EXPECT_EQ(read->outcome.problems[0].column, "D (Mã đơn vị cấp trên)");
  ASSERT_EQ(read->rows.size(), 2u);
  EXPECT_EQ(read->rows[1].full_name, "Phường Thanh Sơn");
  EXPECT_EQ(read->rows[1].parent_code, "22");
}

// "Thu ngân sách tăng 10,5% so với năm trước", written in the form column as people would.
TEST(SheetRows, APlanTargetWrittenAsGrowthReadsAndWritesBack) {
  FakeCodes codes;
  const std::string csv =
      "Mã ĐVHC,Cơ quan giao,Từ năm,Mã chỉ tiêu,Năm,Chỉ tiêu,Dạng chỉ tiêu\n"
      "06817,Đảng ủy,2019,THU_NS,2019,\"10,5\",% so với năm trước\n";
  Result<RowsRead<Plan>> read = ReadPlans(codes, Csv(csv));
  ASSERT_TRUE(read.ok());
  ASSERT_TRUE(read->outcome.problems.empty()) << read->outcome.problems[0].message_en;
  ASSERT_EQ(read->rows.size(), 1u);
  ASSERT_EQ(read->rows[0].targets.size(), 1u);
  EXPECT_EQ(read->rows[0].targets[0].form, TargetForm::kGrowthPercent);
  EXPECT_DOUBLE_EQ(read->rows[0].targets[0].value, 10.5);

  Result<Sheet> out = ExportPlans(codes, read->rows, "Kế hoạch");
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->rows.size(), 2u);
  EXPECT_EQ(out->rows[0].cells[12], "Dạng chỉ tiêu");
  EXPECT_EQ(out->rows[1].cells[12], "% so với năm trước");
  Result<RowsRead<Plan>> again = ReadPlans(codes, *out);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->rows[0].targets[0].form, TargetForm::kGrowthPercent);

  // "vượt 5% chỉ tiêu cấp trên giao" in the same column.
  Result<RowsRead<Plan>> above =
      ReadPlans(codes, Csv("Mã ĐVHC,Cơ quan giao,Từ năm,Mã chỉ tiêu,Năm,Chỉ tiêu,Dạng chỉ tiêu\n"
                           "06817,Đảng ủy,2019,THU_NS,2019,5,% so với chỉ tiêu cấp trên giao\n"));
  ASSERT_TRUE(above.ok() && above->outcome.problems.empty());
  EXPECT_EQ(above->rows[0].targets[0].form, TargetForm::kAboveAssigned);
  EXPECT_EQ(ExportPlans(codes, above->rows, "Kế hoạch")->rows[1].cells[12],
            "% so với chỉ tiêu cấp trên giao");

  Result<RowsRead<Plan>> bad =
      ReadPlans(codes, Csv("Mã ĐVHC,Cơ quan giao,Từ năm,Mã chỉ tiêu,Năm,Chỉ tiêu,Dạng chỉ tiêu\n"
                           "06817,Đảng ủy,2019,THU_NS,2019,10,tăng\n"));
  ASSERT_TRUE(bad.ok());
  ASSERT_EQ(bad->outcome.problems.size(), 1u);
  EXPECT_EQ(bad->outcome.problems[0].column, "G (Dạng chỉ tiêu)");
  EXPECT_NE(bad->outcome.problems[0].message_vi.find("% so với năm trước"), std::string::npos);
}

// Seed 4: "bằng 88% kế hoạch pháp lệnh và đạt 98,4% sau điều chỉnh bổ sung":
// the estimate first set and the adjusted one in one row, and back.
TEST(SheetRows, AnAdjustedTargetKeepsTheFirstLevelBesideIt) {
  FakeCodes codes;
  const std::string csv =
      "Mã ĐVHC,Cơ quan giao,Từ năm,Mã chỉ tiêu,Năm,Chỉ tiêu,Kế hoạch điều chỉnh,Văn bản điều chỉnh\n"
      "06817,HĐND,2020,THU_NS,2020,11.492.300.000,10.309.951.156,15/NQ-HĐND\n";
  Result<RowsRead<Plan>> read = ReadPlans(codes, Csv(csv));
  ASSERT_TRUE(read.ok());
  ASSERT_TRUE(read->outcome.problems.empty()) << read->outcome.problems[0].message_en;
  const Target& t = read->rows[0].targets[0];
  EXPECT_DOUBLE_EQ(t.value, 11492300000);
  ASSERT_TRUE(t.adjusted);
  EXPECT_DOUBLE_EQ(*t.adjusted, 10309951156);
  EXPECT_EQ(t.adjusted_by, "15/NQ-HĐND");

  Result<Sheet> out = ExportPlans(codes, read->rows, "Kế hoạch");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->rows[0].cells[13], "Kế hoạch điều chỉnh");
  EXPECT_EQ(out->rows[1].cells[13], "10.309.951.156");
  EXPECT_EQ(out->rows[1].cells[14], "15/NQ-HĐND");
  Result<RowsRead<Plan>> again = ReadPlans(codes, *out);
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(again->outcome.problems.empty()) << again->outcome.problems[0].message_en;
  EXPECT_EQ(again->rows[0].targets[0].adjusted, t.adjusted);

  // A document without the adjusted value, and an adjusted band, are refused where they are.
  Result<RowsRead<Plan>> bad = ReadPlans(
      codes,
      Csv("Mã ĐVHC,Cơ quan giao,Từ năm,Mã chỉ tiêu,Năm,Chỉ tiêu,Kế hoạch điều chỉnh,Văn bản điều chỉnh\n"
          "06817,HĐND,2020,THU_NS,2020,100,,15/NQ-HĐND\n"));
  ASSERT_TRUE(bad.ok());
  ASSERT_EQ(bad->outcome.problems.size(), 1u);
  EXPECT_EQ(bad->outcome.problems[0].column, "G (Kế hoạch điều chỉnh)");
  bad = ReadPlans(codes, Csv("Mã ĐVHC,Cơ quan giao,Từ năm,Mã chỉ tiêu,Năm,So sánh,Chỉ tiêu,Cận trên,Kế hoạch "
                             "điều chỉnh\n"
                             "06817,HĐND,2020,THU_NS,2020,band,90,110,95\n"));
  ASSERT_TRUE(bad.ok());
  ASSERT_EQ(bad->outcome.problems.size(), 1u);
  EXPECT_EQ(bad->outcome.problems[0].column, "I (Kế hoạch điều chỉnh)");
  EXPECT_NE(bad->outcome.problems[0].message_vi.find("chỉ điều chỉnh được"), std::string::npos);
}

}  // namespace
}  // namespace kiemdem::io
