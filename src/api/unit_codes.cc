#include "api/unit_codes.h"

namespace kiemdem::api {

const DateOption& SheetDateOption() {
  static const auto* o =
      new DateOption{"ghi cột Ngày đơn vị (unit_on)", "fill the unit_on column (Ngày đơn vị)"};
  return *o;
}

const DateOption& CommandLineDateOption() {
  static const auto* o = new DateOption{"dùng --on dd/mm/yyyy", "use --on dd/mm/yyyy"};
  return *o;
}

io::UnitResolver SheetUnitResolver(std::shared_ptr<const analytics::UnitTree> tree) {
  return [tree = std::move(tree)](const std::string& code, const Period& period,
                                  const std::optional<Date>& on) -> Result<io::ResolvedUnit> {
    ASSIGN_OR_RETURN(UnitId unit, tree->ResolveCode(code, period, on, SheetDateOption()));
    io::ResolvedUnit out{unit, "", ""};
    if (std::optional<analytics::UnitTree::Note> other = tree->OtherHolders(code, unit)) {
      Date end = EndOfMonth(period.year(), period.last_month());
      std::string name = tree->registry().NameWithProvince(tree->ToRegistry(unit), end);
      out.note_vi = "mã " + code + " trong " + period.LabelVi() + " được hiểu là " + name + " (" + other->vi +
                    "): " + SheetDateOption().vi + " nếu số liệu là của đơn vị khác";
      out.note_en = "code " + code + " in " + period.LabelEn() + " is read as " + name + " (" + other->en +
                    "): " + SheetDateOption().en + " if the figure belongs to another unit";
    }
    return out;
  };
}

}  // namespace kiemdem::api
