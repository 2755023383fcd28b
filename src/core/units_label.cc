#include "core/units_label.h"

#include <algorithm>
#include <utility>

namespace kiemdem {
namespace {

// The short noun a list uses for a kind of unit ("thành phố" for every city).
const char* NounVi(UnitType type) {
  switch (type) {
    case UnitType::kProvince: return "tỉnh";
    case UnitType::kCentralCity:
    case UnitType::kProvincialCity:
    case UnitType::kCityOfCentralCity: return "thành phố";
    case UnitType::kUrbanDistrict: return "quận";
    case UnitType::kRuralDistrict: return "huyện";
    case UnitType::kTown: return "thị xã";
    case UnitType::kWard: return "phường";
    case UnitType::kCommune: return "xã";
    case UnitType::kTownship: return "thị trấn";
    case UnitType::kSpecialZone: return "đặc khu";
    case UnitType::kResidentialGroup: return "tổ dân phố";
    case UnitType::kQuarter: return "khu phố";
    case UnitType::kVillage: return "thôn";
    case UnitType::kHamlet: return "ấp";
  }
  return "đơn vị";
}

const char* NounEn(UnitType type) {
  switch (type) {
    case UnitType::kProvince: return "provinces";
    case UnitType::kCentralCity:
    case UnitType::kProvincialCity:
    case UnitType::kCityOfCentralCity: return "cities";
    case UnitType::kUrbanDistrict:
    case UnitType::kRuralDistrict: return "districts";
    case UnitType::kTown: return "towns";
    case UnitType::kWard: return "wards";
    case UnitType::kCommune: return "communes";
    case UnitType::kTownship: return "townships";
    case UnitType::kSpecialZone: return "special zones";
    case UnitType::kResidentialGroup: return "residential groups";
    case UnitType::kQuarter: return "quarters";
    case UnitType::kVillage: return "villages";
    case UnitType::kHamlet: return "hamlets";
  }
  return "units";
}

// Each noun with how many units it names and the first (legal) order it takes.
std::vector<std::string> Nouns(const std::vector<UnitType>& units, bool vi) {
  struct Count {
    std::string noun;
    int units = 0;
    int order = 0;
  };
  std::vector<Count> counts;
  for (UnitType type : units) {
    std::string noun = vi ? NounVi(type) : NounEn(type);
    auto it = std::find_if(counts.begin(), counts.end(), [&](const Count& c) { return c.noun == noun; });
    if (it == counts.end()) {
      counts.push_back({std::move(noun), 1, static_cast<int>(type)});
    } else {
      ++it->units;
      it->order = std::min(it->order, static_cast<int>(type));
    }
  }
  std::sort(counts.begin(), counts.end(), [](const Count& a, const Count& b) {
    return a.units != b.units ? a.units > b.units : a.order < b.order;
  });
  std::vector<std::string> out;
  out.reserve(counts.size());
  for (Count& c : counts) out.push_back(std::move(c.noun));
  return out;
}

}  // namespace

std::string UnitKindsPhrase(const std::vector<UnitType>& units, bool vi) {
  std::vector<std::string> nouns = Nouns(units, vi);
  if (nouns.empty()) return vi ? "đơn vị trực thuộc" : "units below";
  std::string out;
  for (size_t i = 0; i < nouns.size(); ++i) {
    if (i > 0) out += vi || i + 1 < nouns.size() ? ", " : " and ";
    out += nouns[i];
  }
  return out;
}

std::string AggregateOfUnitsLabel(const Indicator& indicator, const std::vector<UnitType>& units, bool vi) {
  std::string kinds = UnitKindsPhrase(units, vi);
  switch (indicator.spatial) {
    case SpatialAggregation::kSum:
      if (indicator.value_kind == ValueKind::kYesNo) {
        return vi ? "Số " + kinds + " đạt" : "Number of " + kinds + " that reached it";
      }
      return vi ? "Tổng các " + kinds : "Sum of the " + kinds;
    case SpatialAggregation::kMean: return vi ? "Bình quân các " + kinds : "Mean of the " + kinds;
    case SpatialAggregation::kRatioOfSums:
      return vi ? "Tỷ lệ chung các " + kinds : "Overall rate of the " + kinds;
    case SpatialAggregation::kNone: return "";
  }
  return "";
}

}  // namespace kiemdem
