// Administrative units (đơn vị hành chính) and their types, levels and
// history: each unit is valid over a span of dates and may change name or
// type within it (Đồng Nai became a centrally-run city on 30/04/2026).
#ifndef KIEMDEM_CORE_ADMIN_UNIT_H_
#define KIEMDEM_CORE_ADMIN_UNIT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace kiemdem {

using UnitId = int64_t;  // internal identity; codes are reused across 2025
constexpr UnitId kNoUnit = 0;

enum class UnitLevel { kProvince = 1, kDistrict = 2, kCommune = 3, kGrassroots = 4 };

enum class UnitType {
  kProvince,           // Tỉnh
  kCentralCity,        // Thành phố trực thuộc trung ương
  kUrbanDistrict,      // Quận
  kRuralDistrict,      // Huyện
  kTown,               // Thị xã
  kProvincialCity,     // Thành phố thuộc tỉnh
  kCityOfCentralCity,  // Thành phố thuộc thành phố trực thuộc trung ương
  kWard,               // Phường
  kCommune,            // Xã
  kTownship,           // Thị trấn
  kSpecialZone,        // Đặc khu (tại hải đảo)
  kResidentialGroup,   // Tổ dân phố
  kQuarter,            // Khu phố
  kVillage,            // Thôn
  kHamlet,             // Ấp
};

UnitLevel LevelOf(UnitType type);
// "Phường", "Thành phố trực thuộc trung ương", ...
const char* UnitTypeNameVi(UnitType type);
// "Ward", "Municipality", ...
const char* UnitTypeNameEn(UnitType type);
// Stable key for storage: "ward", "central_city", ...
const char* UnitTypeKey(UnitType type);
// Accepts the Vietnamese name (any tone-mark placement, any case, "Đặc khu tại
// hải đảo" too), the English name or the key.
Result<UnitType> ParseUnitType(std::string_view text);

// Name and type in force from a date on.
struct UnitVersion {
  Date from;
  std::string name;       // "Quảng Hưng"
  std::string full_name;  // "Phường Quảng Hưng"
  UnitType type;
};

struct AdminUnit {
  UnitId id = kNoUnit;
  std::string code;  // official code: province 2, district 3, commune 5 digits
  UnitId parent = kNoUnit;
  // First day of existence; nullopt: before the records we hold.
  std::optional<Date> valid_from;
  // First day it no longer exists (exclusive); nullopt: still exists.
  std::optional<Date> valid_to;
  // At least one version; the first applies from valid_from.
  std::vector<UnitVersion> versions;

  bool ValidOn(Date d) const { return (!valid_from || *valid_from <= d) && (!valid_to || d < *valid_to); }
  // The version in force on `d` (the first one before any change).
  const UnitVersion& VersionOn(Date d) const;
  const UnitVersion& Current() const { return versions.back(); }
};

// Whether the whole predecessor went into the successor, or only a part.
enum class Coverage { kFull, kPartial };

// One edge of a merge or split: `predecessor` (wholly or partly) became part
// of `successor` on `effective`.
struct Succession {
  UnitId predecessor = kNoUnit;
  UnitId successor = kNoUnit;
  Date effective;
  Coverage coverage = Coverage::kFull;
  std::string basis;  // legal basis: "Nghị quyết 1686/NQ-UBTVQH15"
};

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_ADMIN_UNIT_H_
