// The stored units as an in-memory tree: lookups by stored id, subtree
// checks for authorisation, search with or without diacritics, children as
// of a date. Loaded from the store; rebuilt when the units change.
#ifndef KIEMDEM_ANALYTICS_UNIT_TREE_H_
#define KIEMDEM_ANALYTICS_UNIT_TREE_H_

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/admin_registry.h"
#include "store/store.h"

namespace kiemdem::analytics {

class UnitTree {
 public:
  // Something in the stored units that Load could not take as it is: a unit
  // left out (an overlapping code), a unit kept without its parent (none
  // holds the parent's code on the unit's first day) or a succession left
  // out (it does not fit the units' dates, or one of its units was left out).
  struct Problem {
    std::string unit_code;  // the unit; for a succession, its predecessor
    Status cause;           // what is wrong, in English and Vietnamese
  };

  // One bad row does not fail the load: it is left out or kept as described
  // above and listed in problems(), for the server to log. Fails only when
  // the store cannot be read.
  static Result<UnitTree> Load(store::Store& store);

  // The registry speaks its own ids; everything else here speaks stored ids.
  const AdminRegistry& registry() const { return registry_; }
  UnitId ToRegistry(UnitId stored) const;
  UnitId ToStored(UnitId registry_id) const;

  const AdminUnit* Get(UnitId stored) const;
  UnitId Parent(UnitId stored) const;
  // `unit` is `root` or below it.
  bool Within(UnitId unit, UnitId root) const;
  // `unit`'s figures are part of the history of `root`'s territory: it lay
  // within `root` once, or became (through successions) `root` or a unit
  // below it (AdminRegistry::CoversHistory).
  bool CoversHistory(UnitId unit, UnitId root) const;
  // OK when `unit` exists through the whole of `period`; else an error that
  // gives its dates and the units whose figures those months are
  // (AdminRegistry::CheckCoversPeriod), field "period".
  Status CheckCoversPeriod(UnitId unit, const Period& period) const;
  std::vector<UnitId> ChildrenOn(UnitId stored_parent, Date on) const;
  std::vector<UnitId> RootsOn(Date on) const;
  std::vector<UnitId> Search(std::string_view query, Date on, size_t limit) const;
  // Units of `on` first, then those that had ended by then and those formed later.
  std::vector<UnitId> SearchHistory(std::string_view query, Date on, size_t limit) const;
  // `unit` and every unit below it on `on`.
  std::vector<UnitId> SubtreeOn(UnitId stored_root, Date on) const;
  size_t skipped() const { return skipped_; }  // units left out
  const std::vector<Problem>& problems() const { return problems_; }

  // Codes, resolved by date (unit_tree_codes.cc). Stored ids in and out;
  // `option` says how the caller lets a user name the day (--on, a column).
  //
  // The unit holding `code` on `on`; NotFound says what became of a unit
  // that held it before and how to reach it.
  Result<UnitId> FindByCode(std::string_view code, Date on, const DateOption& option = {}) const;
  // The unit a figure of `period` under `code` belongs to: the unit holding
  // the code on `on` when given, which must then exist through the whole
  // period (else the message names the units whose figures they are), or
  // else the unit holding it through the whole period (an error naming both
  // when it changed hands inside the period: 06811 in 2025).
  Result<UnitId> ResolveCode(std::string_view code, const Period& period, const std::optional<Date>& on,
                             const DateOption& option = {}) const;
  // When `code` named other units at other times than `unit`: "mã 06811 là
  // Phường Uông Bí (06811, Tỉnh Quảng Ninh) từ 01/07/2025", in English and
  // Vietnamese; nullopt when the code was never reused.
  struct Note {
    std::string en;
    std::string vi;
  };
  std::optional<Note> OtherHolders(std::string_view code, UnitId unit) const;

 private:
  AdminRegistry registry_;
  std::unordered_map<UnitId, UnitId> to_registry_;
  std::vector<UnitId> to_stored_;  // index: registry id
  size_t skipped_ = 0;
  std::vector<Problem> problems_;
};

}  // namespace kiemdem::analytics

#endif  // KIEMDEM_ANALYTICS_UNIT_TREE_H_
