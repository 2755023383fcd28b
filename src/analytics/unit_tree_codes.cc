// Codes resolved by date over the stored units: the registry's rules
// (core/admin_registry.h) spoken in stored ids.
#include "analytics/unit_tree.h"

namespace kiemdem::analytics {

Result<UnitId> UnitTree::FindByCode(std::string_view code, Date on, const DateOption& option) const {
  ASSIGN_OR_RETURN(UnitId unit, registry_.FindByCode(code, on, option));
  return ToStored(unit);
}

Result<UnitId> UnitTree::ResolveCode(std::string_view code, const Period& period,
                                     const std::optional<Date>& on, const DateOption& option) const {
  if (!on) {
    ASSIGN_OR_RETURN(UnitId unit, registry_.ResolveCode(code, period, option));
    return ToStored(unit);
  }
  ASSIGN_OR_RETURN(UnitId unit, registry_.FindByCode(code, *on, option));
  RETURN_IF_ERROR(registry_.CheckCoversPeriod(unit, period));
  return ToStored(unit);
}

std::optional<UnitTree::Note> UnitTree::OtherHolders(std::string_view code, UnitId unit) const {
  UnitId self = ToRegistry(unit);
  Note note;
  for (UnitId other : registry_.AllWithCode(code)) {
    const AdminUnit* u = registry_.Get(other);
    if (other == self || u == nullptr || u->code != code) continue;
    Date on = u->LastDayOr(u->valid_from.value_or(Date()));
    std::string name = registry_.NameWithProvince(other, on);
    std::string from_vi = u->valid_from ? " từ " + u->valid_from->ToVietnamese() : "";
    std::string to_vi = u->valid_to ? " đến " + u->valid_to->AddDays(-1).ToVietnamese() : "";
    std::string from_en = u->valid_from ? " from " + u->valid_from->ToVietnamese() : "";
    std::string to_en = u->valid_to ? " until " + u->valid_to->AddDays(-1).ToVietnamese() : "";
    note.vi += std::string(note.vi.empty() ? "" : "; ") + "mã " + std::string(code) + " là " + name +
               from_vi + to_vi;
    note.en += std::string(note.en.empty() ? "" : "; ") + "code " + std::string(code) + " is " + name +
               from_en + to_en;
  }
  if (note.vi.empty()) return std::nullopt;
  return note;
}

}  // namespace kiemdem::analytics
