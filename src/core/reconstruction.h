// A unit's figures across reorganisations, on its own boundary (VIETNAM.md
// (e)): the same period of earlier years for a commune formed on 01/07/2025
// is rebuilt from the units it was formed of, and the year 2025 joins their
// first half to its own second half. This is the one rule for that; the
// evaluation ("cùng kỳ"), trends, comparisons, exports and national
// aggregates all call Reconstruct.
//
//   Reconstruction r = *Reconstruct(registry, uong_bi, *Period::Year(2024), revenue, lookup);
//   r.basis;                  // SeriesBasis::kRebuilt: "tính theo địa giới mới"
//   r.aggregate.value;        // Thanh Sơn + Quang Trung + Yên Thanh
//   r.aggregate.split_units;  // {Trưng Vương}: split, no share set, not counted
#ifndef KIEMDEM_CORE_RECONSTRUCTION_H_
#define KIEMDEM_CORE_RECONSTRUCTION_H_

#include <functional>
#include <optional>
#include <vector>

#include "core/admin_registry.h"
#include "core/indicator.h"
#include "core/observation.h"
#include "core/period.h"
#include "core/rollup.h"

namespace kiemdem {

// What a value rests on.
enum class SeriesBasis {
  kReported,  // the unit's own figure for the whole period: "số liệu báo cáo"
  kRebuilt,   // only the figures of the units that made up its territory then
  kMixed,     // its own months and those of its predecessors (2025 for a new commune)
};
const char* SeriesBasisKey(SeriesBasis basis);  // "reported", "rebuilt", "mixed"
// "số liệu báo cáo" for kReported; "tính theo địa giới mới" otherwise.
const char* SeriesBasisLabelVi(SeriesBasis basis);
const char* SeriesBasisLabelEn(SeriesBasis basis);  // "as reported", "on the new boundary"

// One unit's part in a value: the months it stands for, how much of it
// counts, and its own figure for those months.
struct SeriesPart {
  UnitId unit = kNoUnit;
  Period period = *Period::Year(2000);
  Coverage coverage = Coverage::kFull;
  // 1 for a whole unit; the share set on a split unit's succession; nullopt:
  // split with no share set, so not counted.
  std::optional<double> share;
  std::optional<Observation> value;  // as the unit reported it (before the share)
};

struct Reconstruction {
  // The value on the unit's boundary. expected, reporting and missing count
  // the parts that count (a unit standing for two segments counts twice);
  // split_units lists split units left out (no share set); estimated is set
  // when a share was applied or an input was an estimate.
  Aggregate aggregate;
  SeriesBasis basis = SeriesBasis::kReported;
  std::vector<SeriesPart> parts;  // by segment, then by unit id
  // Every counted part reported and no split part left out.
  bool complete() const { return aggregate.missing.empty() && aggregate.split_units.empty(); }
  // A split unit was counted by a share.
  bool uses_shares() const;
};

// A unit's own figure for a period (the caller builds it from shorter
// periods if it must), or nullopt.
using PeriodLookup = std::function<std::optional<Observation>(UnitId unit, const Period& period)>;

// The value of `unit` for `period` on the unit's own boundary:
// 1. Each month belongs to the units that make up the unit's territory at
//    the month's end (AdminRegistry::PredecessorsOn): the unit itself if it
//    existed, and every unit that went into it after that month.
// 2. Consecutive months with the same units form one segment: Phường Uông Bí
//    in 2025 is months 1-6 from Thanh Sơn, Quang Trung, Yên Thanh and part of
//    Trưng Vương, then months 7-12 its own.
// 3. In a segment a whole unit counts whole; a split one counts by the share
//    set on its succession(s) (an estimate), or not at all when none is set
//    (listed in split_units, and the value is incomplete). Units combine by
//    the indicator's spatial rule; a ratio from summed numerators and
//    denominators, never an average.
// 4. Segments combine by the indicator's time rule: flows add up (ratios
//    again from numerators and denominators), a stock is the last segment's.
// A period wholly inside the unit's life with nothing absorbed later is its
// own figure (kReported). Fails for an unknown unit, a period with months
// after the unit ceased to exist (FailedPrecondition naming what it became),
// or an indicator that does not add up across units when several count.
Result<Reconstruction> Reconstruct(const AdminRegistry& registry, UnitId unit, const Period& period,
                                   const Indicator& indicator, const PeriodLookup& lookup);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_RECONSTRUCTION_H_
