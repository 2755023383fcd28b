// Bodies (Đảng ủy, HĐND, UBND, ...), plans and their targets (chỉ tiêu kế
// hoạch). A plan is one body's set of targets for a unit over a year or a
// five-year term, set by a resolution. The Party committee's, the People's
// Council's and the People's Committee's plans for one unit stand side by
// side; a superior body may assign targets (giao chỉ tiêu).
#ifndef KIEMDEM_CORE_PLAN_H_
#define KIEMDEM_CORE_PLAN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/admin_unit.h"
#include "core/document.h"
#include "core/status.h"

namespace kiemdem {

enum class BodyKind {
  kPartyCommittee,          // Đảng ủy / Thành ủy / Tỉnh ủy (Ban Chấp hành)
  kPartyStandingCommittee,  // Ban Thường vụ
  kPeoplesCouncil,          // Hội đồng nhân dân (HĐND)
  kPeoplesCommittee,        // Ủy ban nhân dân (UBND)
  kFatherlandFront,         // Ủy ban Mặt trận Tổ quốc (MTTQ)
  kMassOrganisation,        // đoàn thể: Đoàn thanh niên, Hội Phụ nữ, ...
  kDepartment,              // phòng, ban chuyên môn
  kOther,
};

const char* BodyKindKey(BodyKind k);     // "party_committee", ...
const char* BodyKindNameVi(BodyKind k);  // "Đảng ủy", "HĐND", "UBND", ...
const char* BodyKindNameEn(BodyKind k);
Result<BodyKind> ParseBodyKind(std::string_view key);

struct Body {
  int64_t id = 0;
  UnitId unit = kNoUnit;
  BodyKind kind = BodyKind::kOther;
  std::string name;  // "Đảng ủy phường Quảng Hưng"
};

enum class Comparator {
  kAtLeast,  // ≥: "đạt trên 45 tỷ", "≥ 90%"
  kAtMost,   // ≤: "giảm hộ nghèo còn dưới 2%"
  kEqual,    // =: "100% chỉ tiêu giao quân"
  kBand,     // between value and value_high
};

const char* ComparatorSymbol(Comparator c);              // "≥", "≤", "=", "∈"
Result<Comparator> ParseComparator(std::string_view s);  // ">=", "≥", "<=", "≤", "=", "band"

// How a resolution writes a target: a level to reach, a change from the
// previous year's result that gives the level once that result is known, or
// a share above (or below) the target the level above assigned for the year.
enum class TargetForm {
  kLevel,          // "đạt 45 tỷ đồng", "≥ 90%", "dưới 2%"
  kGrowthPercent,  // "tăng 10,5% so với năm trước": value is the % change (negative: a fall)
  kChangePoints,   // a rate "giảm 0,43%" from last year's: value is the change in percentage points
  kAboveAssigned,  // "vượt 5% chỉ tiêu cấp trên giao": value is the % above the assigned target
};

// "level", "growth_percent", "change_points", "above_assigned_percent"
const char* TargetFormKey(TargetForm f);
Result<TargetForm> ParseTargetForm(std::string_view key);

struct Target {
  std::string indicator;  // indicator code
  int year = 0;           // the year the target is for (a term target: its last year)
  Comparator comparator = Comparator::kAtLeast;
  double value = 0;
  std::optional<double> value_high;  // for kBand
  TargetForm form = TargetForm::kLevel;
  // The level after an adjustment during the year (dự toán điều chỉnh, "kế
  // hoạch điều chỉnh bổ sung"): the target the year is judged on, with `value`
  // kept as first set (kế hoạch pháp lệnh / giao đầu năm) and shown beside
  // it ("88% kế hoạch pháp lệnh và đạt 98,4% sau điều chỉnh bổ sung"). Only
  // for a level that is not a band.
  std::optional<double> adjusted = std::nullopt;
  std::string adjusted_by = {};  // the adjusting document ("15/NQ-HĐND"), may be empty

  Status Validate() const;
  // The target the year is judged on: the adjusted level when there is one.
  Target InForce() const;
  // The target as first set, without its adjustment.
  Target AsFirstSet() const;
  // "tăng 10,5% so với năm 2017", "giảm 0,43 điểm % so với năm 2017",
  // "vượt 5% chỉ tiêu cấp trên giao"; "" for a level.
  std::string FormVi() const;
  std::string FormEn() const;
};

// What a target written as a change is worked out on.
struct TargetBasis {
  std::optional<double> last_year = std::nullopt;  // the indicator's result of the year before
  std::optional<double> assigned = std::nullopt;   // the level the level above assigned for the year
};

// The level a target asks for: a level as written; a growth of g% is
// last × (1 + g/100); a change of p points is last + p (a band's bounds
// alike); v% above the assigned target is assigned × (1 + v/100). Fails when
// what the target needs is not given, saying what.
Result<Target> LevelOf(const Target& t, const TargetBasis& basis);

struct Plan {
  int64_t id = 0;
  UnitId unit = kNoUnit;
  int64_t body = 0;  // the body that set or assigned the targets
  BodyKind body_kind = BodyKind::kOther;
  bool assigned_by_superior = false;  // giao chỉ tiêu from the level above
  int first_year = 0;                 // a year plan: first_year == last_year
  int last_year = 0;                  // a term plan: e.g. 2020..2025
  DocumentRef resolution;             // "06-NQ/TU"
  std::vector<Target> targets;

  // Years in order, targets inside the years, no indicator twice per year.
  Status Validate() const;
  // The target for an indicator and year, if the plan has one.
  const Target* FindTarget(std::string_view indicator, int year) const;
};

// The targets of every plan for `unit`, `indicator` and `year`, one per
// plan, so that Party, Council and Committee targets can be shown side by side.
struct TargetBySource {
  const Plan* plan;
  const Target* target;
};
std::vector<TargetBySource> TargetsFor(const std::vector<Plan>& plans, UnitId unit,
                                       std::string_view indicator, int year);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_PLAN_H_
