// Unit codes read by date where users name units: a sheet's rows (by their
// period or the unit_on column, "Ngày đơn vị") and the command line (--on).
// 06811 is Phường Thanh Sơn until 30/06/2025 and Phường Uông Bí since; the
// messages say which, what became of an ended unit and how to choose.
#ifndef KIEMDEM_API_UNIT_CODES_H_
#define KIEMDEM_API_UNIT_CODES_H_

#include <memory>

#include "analytics/unit_tree.h"
#include "io/importer.h"

namespace kiemdem::api {

// {"ghi cột Ngày đơn vị (unit_on)", "fill the unit_on column (Ngày đơn vị)"}
const DateOption& SheetDateOption();
// {"dùng --on dd/mm/yyyy", "use --on dd/mm/yyyy"}
const DateOption& CommandLineDateOption();

// Resolves a row's unit code against `tree` (AdminRegistry::ResolveCode, or
// the day in unit_on); a code that named another unit at another time gets
// a note naming both and the column.
io::UnitResolver SheetUnitResolver(std::shared_ptr<const analytics::UnitTree> tree);

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_UNIT_CODES_H_
