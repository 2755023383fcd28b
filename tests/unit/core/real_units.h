// The country's real administrative units (data/admin-units/) for tests of
// the rules that use them: loaded once per test process, and afresh for a
// test that changes them.
#ifndef KIEMDEM_TESTS_UNIT_CORE_REAL_UNITS_H_
#define KIEMDEM_TESTS_UNIT_CORE_REAL_UNITS_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/admin_loader.h"
#include "test_data.h"

namespace kiemdem::testing {

inline AdminUnitFiles ShippedUnitFiles() {
  AdminUnitFiles f;
  f.pre2025_provinces = DataFile("admin-units/pre2025_provinces.csv");
  f.pre2025_districts = DataFile("admin-units/pre2025_districts.csv");
  f.pre2025_communes = DataFile("admin-units/pre2025_communes.csv");
  f.units_2025_provinces = DataFile("admin-units/units_2025_provinces.csv");
  f.units_2025_communes = DataFile("admin-units/units_2025_communes.csv");
  f.merge_provinces_2025 = DataFile("admin-units/merge_provinces_2025.csv");
  f.merge_communes_2025 = DataFile("admin-units/merge_communes_2025.csv");
  f.changes_after_2025_07_01 = DataFile("admin-units/changes_after_2025-07-01.csv");
  f.code_aliases = DataFile("admin-units/code_aliases.csv");
  return f;
}

// A new registry of the shipped units; fails the test (and returns an empty
// registry) when they do not load.
inline std::unique_ptr<AdminRegistry> LoadRealUnits() {
  auto reg = std::make_unique<AdminRegistry>();
  Result<AdminLoadStats> s = LoadAdminUnits(ShippedUnitFiles(), reg.get());
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return reg;
}

// The shipped units, loaded once and never changed.
inline const AdminRegistry& RealUnits() {
  static const AdminRegistry* reg = LoadRealUnits().release();
  return *reg;
}

inline Date D(const char* s) { return *Date::Parse(s); }

// The unit holding `code` on `day` (dd/mm/yyyy) in `reg`.
inline UnitId Code(const AdminRegistry& reg, const char* code, const char* day) {
  Result<UnitId> id = reg.FindByCode(code, D(day));
  EXPECT_TRUE(id.ok()) << id.status().ToString();
  return id.ok() ? *id : kNoUnit;
}

}  // namespace kiemdem::testing

#endif  // KIEMDEM_TESTS_UNIT_CORE_REAL_UNITS_H_
