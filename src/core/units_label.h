// How a parent's figure built from the units below it is named, so that it is
// never read as the parent's own figure: "Tổng các phường, xã", "Tỷ lệ chung
// các xã, thị trấn", "Bình quân các phường", "Số phường đạt".
#ifndef KIEMDEM_CORE_UNITS_LABEL_H_
#define KIEMDEM_CORE_UNITS_LABEL_H_

#include <string>
#include <vector>

#include "core/admin_unit.h"
#include "core/indicator.h"

namespace kiemdem {

// The kinds of `units` as people list them: each noun once, the most
// numerous first, ties in the order of the law (phường before xã):
// "phường, xã" for a city of 20 wards and 17 communes, "xã, phường, đặc khu"
// for Thanh Hóa in 2026, "tỉnh, thành phố" for the country; English "wards and
// communes". No units: "đơn vị trực thuộc" / "units below".
std::string UnitKindsPhrase(const std::vector<UnitType>& units, bool vi);

// The name of `indicator` combined over `units` by its spatial rule: a sum
// "Tổng các …" (a yes/no state: "Số … đạt", the count that reached it), a mean
// "Bình quân các …", a ratio of sums "Tỷ lệ chung các …". Empty for an
// indicator that does not add up across units.
std::string AggregateOfUnitsLabel(const Indicator& indicator, const std::vector<UnitType>& units, bool vi);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_UNITS_LABEL_H_
