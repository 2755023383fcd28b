#include "core/admin_unit.h"

#include "core/text.h"

namespace kiemdem {
namespace {

struct TypeInfo {
  UnitType type;
  UnitLevel level;
  const char* vi;
  const char* en;
  const char* key;
};

constexpr TypeInfo kTypes[] = {
    {UnitType::kProvince, UnitLevel::kProvince, "Tỉnh", "Province", "province"},
    {UnitType::kCentralCity, UnitLevel::kProvince, "Thành phố trực thuộc trung ương", "Municipality",
     "central_city"},
    {UnitType::kUrbanDistrict, UnitLevel::kDistrict, "Quận", "Urban district", "urban_district"},
    {UnitType::kRuralDistrict, UnitLevel::kDistrict, "Huyện", "District", "rural_district"},
    {UnitType::kTown, UnitLevel::kDistrict, "Thị xã", "District-level town", "town"},
    {UnitType::kProvincialCity, UnitLevel::kDistrict, "Thành phố thuộc tỉnh", "Provincial city",
     "provincial_city"},
    {UnitType::kCityOfCentralCity, UnitLevel::kDistrict, "Thành phố thuộc thành phố trực thuộc trung ương",
     "Municipal city", "city_of_central_city"},
    {UnitType::kWard, UnitLevel::kCommune, "Phường", "Ward", "ward"},
    {UnitType::kCommune, UnitLevel::kCommune, "Xã", "Commune", "commune"},
    {UnitType::kTownship, UnitLevel::kCommune, "Thị trấn", "Commune-level town", "township"},
    {UnitType::kSpecialZone, UnitLevel::kCommune, "Đặc khu", "Special zone", "special_zone"},
    {UnitType::kResidentialGroup, UnitLevel::kGrassroots, "Tổ dân phố", "Residential group",
     "residential_group"},
    {UnitType::kQuarter, UnitLevel::kGrassroots, "Khu phố", "Quarter", "quarter"},
    {UnitType::kVillage, UnitLevel::kGrassroots, "Thôn", "Village", "village"},
    {UnitType::kHamlet, UnitLevel::kGrassroots, "Ấp", "Hamlet", "hamlet"},
};

const TypeInfo& Info(UnitType type) {
  for (const TypeInfo& t : kTypes) {
    if (t.type == type) return t;
  }
  return kTypes[0];
}

}  // namespace

UnitLevel LevelOf(UnitType type) { return Info(type).level; }
const char* UnitTypeNameVi(UnitType type) { return Info(type).vi; }
const char* UnitTypeNameEn(UnitType type) { return Info(type).en; }
const char* UnitTypeKey(UnitType type) { return Info(type).key; }

Result<UnitType> ParseUnitType(std::string_view text) {
  std::string folded = FoldForSearch(text);
  if (folded == "dac khu tai hai dao") return UnitType::kSpecialZone;
  for (const TypeInfo& t : kTypes) {
    if (folded == FoldForSearch(t.vi) || text == t.key || folded == FoldForSearch(t.en)) {
      // "Thành phố" folds alike for three types; the exact Vietnamese name decides.
      return t.type;
    }
  }
  std::string v(text.substr(0, 60));
  return InvalidArgument("'" + v + "' is not a unit type (e.g. Tỉnh, Huyện, Phường, Xã, Tổ dân phố)",
                         "'" + v +
                             "' không phải là loại đơn vị hành chính (ví dụ Tỉnh, Huyện, Phường, Xã, "
                             "Tổ dân phố)");
}

const UnitVersion& AdminUnit::VersionOn(Date d) const {
  const UnitVersion* found = &versions.front();
  for (const UnitVersion& v : versions) {
    if (v.from <= d) found = &v;
  }
  return *found;
}

UnitId AdminUnit::ParentOn(Date d) const {
  UnitId found = parent;
  for (const ParentLink& link : parent_changes) {
    if (link.from <= d) found = link.parent;
  }
  return found;
}

}  // namespace kiemdem
