// Administrative units (đơn vị hành chính) and their types, levels and
// history: each unit is valid over a span of dates and may change name or
// type within it (Đồng Nai became a centrally-run city on 30/04/2026) and
// change parent without changing itself (every thôn and tổ dân phố moved
// from its old ward to a new one on 01/07/2025).
#ifndef KIEMDEM_CORE_ADMIN_UNIT_H_
#define KIEMDEM_CORE_ADMIN_UNIT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/period.h"
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

// A unit's parent from a date on.
struct ParentLink {
  Date from;
  UnitId parent = kNoUnit;
};

struct AdminUnit {
  UnitId id = kNoUnit;
  std::string code;  // official code: province 2, district 3, commune 5 digits
  // The parent from valid_from on (or before any change).
  UnitId parent = kNoUnit;
  // Later parents, oldest first, each from its date on.
  std::vector<ParentLink> parent_changes;
  // First day of existence; nullopt: before the records we hold.
  std::optional<Date> valid_from;
  // First day it no longer exists (exclusive); nullopt: still exists.
  std::optional<Date> valid_to;
  // At least one version; the first applies from valid_from.
  std::vector<UnitVersion> versions;

  bool ValidOn(Date d) const { return (!valid_from || *valid_from <= d) && (!valid_to || d < *valid_to); }
  // A month's figure belongs to the unit that exists on the month's last day:
  // a unit covers a period when it exists at the end of each of its months
  // (Phường Thanh Sơn covers 6 tháng đầu năm 2025, Phường Uông Bí 6 tháng
  // cuối năm 2025, neither the year 2025).
  bool CoversMonth(int year, int month) const { return ValidOn(EndOfMonth(year, month)); }
  bool CoversPeriod(const Period& p) const {
    return CoversMonth(p.year(), p.first_month()) && CoversMonth(p.year(), p.last_month());
  }
  // The parent on `d` (kNoUnit for a top-level unit).
  UnitId ParentOn(Date d) const;
  // The last day the unit exists (valid_to - 1), or `fallback` when it still does.
  Date LastDayOr(Date fallback) const { return valid_to ? valid_to->AddDays(-1) : fallback; }
  // The version in force on `d` (the first one before any change).
  const UnitVersion& VersionOn(Date d) const;
  const UnitVersion& Current() const { return versions.back(); }
};

// Whether the whole predecessor went into the successor, or only a part.
enum class Coverage { kFull, kPartial };

// One edge of a merge or split: `predecessor` (wholly or partly) became part
// of `successor` on `effective` (the predecessor's last day is the day before).
struct Succession {
  UnitId predecessor = kNoUnit;
  UnitId successor = kNoUnit;
  Date effective;
  Coverage coverage = Coverage::kFull;
  std::string basis;  // legal basis: "Nghị quyết 1686/NQ-UBTVQH15"
  // For a partial succession: the share of the predecessor's figures that a
  // user has set as belonging to the successor (0..1, e.g. by population);
  // nullopt: not set, and the predecessor is not counted in the successor's
  // earlier periods. Ignored for a full succession (the whole is counted).
  std::optional<double> share;

  // 1 for a full succession, the share set for a partial one.
  std::optional<double> CountedShare() const {
    return coverage == Coverage::kFull ? std::optional<double>(1.0) : share;
  }
};

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_ADMIN_UNIT_H_
