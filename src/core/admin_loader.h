// Builds an AdminRegistry from the CSV files of data/admin-units/ (see its
// README): the pre-2025 three levels, the 2025 two levels, the merge mapping,
// the changes since and the codes GSO also wrote for some units. The caller
// reads the files; this only parses.
#ifndef KIEMDEM_CORE_ADMIN_LOADER_H_
#define KIEMDEM_CORE_ADMIN_LOADER_H_

#include <string>

#include "core/admin_registry.h"

namespace kiemdem {

// The contents of each file, by its name in data/admin-units/.
struct AdminUnitFiles {
  std::string pre2025_provinces;
  std::string pre2025_districts;
  std::string pre2025_communes;
  std::string units_2025_provinces;
  std::string units_2025_communes;
  std::string merge_provinces_2025;
  std::string merge_communes_2025;
  std::string changes_after_2025_07_01;
  std::string code_aliases;  // optional: empty for none
};

// The day the two-level local government took effect.
Date ReformDate();  // 01/07/2025

struct AdminLoadStats {
  int pre2025_provinces = 0;
  int pre2025_districts = 0;
  int pre2025_communes = 0;
  int provinces_2025 = 0;
  int communes_2025 = 0;
  int province_successions = 0;
  int commune_successions = 0;
  int full_successions = 0;
  int partial_successions = 0;
  int stale_pairs_skipped = 0;  // mapping rows whose old code is not in the pre-2025 list
  int changes_applied = 0;
  int code_aliases = 0;
};

// Loads every file into `registry` (which should be empty). Pre-2025 units
// are valid until 30/06/2025 (since a date the list does not hold), 2025
// units from 01/07/2025. Errors name the file and line.
Result<AdminLoadStats> LoadAdminUnits(const AdminUnitFiles& files, AdminRegistry* registry);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_ADMIN_LOADER_H_
