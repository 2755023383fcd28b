// A unit as a flat record, the way it is stored, imported and exported: its
// parent named by code, its dates of validity.
#ifndef KIEMDEM_CORE_UNIT_RECORD_H_
#define KIEMDEM_CORE_UNIT_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/admin_unit.h"
#include "core/date.h"

namespace kiemdem {

struct UnitRecord {
  int64_t id = 0;  // the stored id; 0 for a row read from a file
  std::string code;
  std::string name;       // "Quảng Hưng"
  std::string full_name;  // "Phường Quảng Hưng"
  UnitType type = UnitType::kWard;
  std::string parent_code;  // empty for a province
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;
};

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_UNIT_RECORD_H_
