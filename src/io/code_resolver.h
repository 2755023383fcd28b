// What reading a sheet needs to know of what is already kept: the indicator
// catalogue and units by code and day (and a unit's code, for writing one).
// The caller gives it: the CLI and the API pass the store's
// (api/store_sheets.h); a test can pass a fake.
#ifndef KIEMDEM_IO_CODE_RESOLVER_H_
#define KIEMDEM_IO_CODE_RESOLVER_H_

#include <string>
#include <vector>

#include "core/admin_unit.h"
#include "core/date.h"
#include "core/indicator.h"
#include "core/status.h"
#include "core/unit_record.h"

namespace kiemdem::io {

class CodeResolver {
 public:
  virtual ~CodeResolver() = default;

  // The whole indicator catalogue.
  virtual Result<std::vector<Indicator>> Indicators() = 0;

  // Every unit kept, parents before children.
  virtual Result<std::vector<UnitRecord>> Units() = 0;

  // The unit holding `code` on `on`; NotFound (field "unit_code") naming
  // both when no unit had that code that day.
  virtual Result<UnitId> FindUnit(const std::string& code, Date on) = 0;

  // The code of `unit`; NotFound when there is no such unit.
  virtual Result<std::string> UnitCode(UnitId unit) = 0;
};

}  // namespace kiemdem::io

#endif  // KIEMDEM_IO_CODE_RESOLVER_H_
