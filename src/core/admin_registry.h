// The administrative units of the country over time: the tree as of any date,
// lookups by code and name, and the successions of merges and splits ("which
// units became unit X"). Not thread-safe for writes; const methods may be
// called from many threads once loading is done.
//
//   AdminRegistry reg;
//   UnitId hn = *reg.Add({.code = "01", ...});
//   std::vector<TreeNode> tree = *reg.TreeAsOf(*Date::Parse("01/01/2026"));
//   auto before = reg.PredecessorsOn(new_ward, *Date::Parse("31/12/2024"));
#ifndef KIEMDEM_CORE_ADMIN_REGISTRY_H_
#define KIEMDEM_CORE_ADMIN_REGISTRY_H_

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/admin_unit.h"

namespace kiemdem {

// One line of a tree listing: the unit and its depth below the root(s).
struct TreeNode {
  UnitId id;
  int depth;
};

// A unit that existed on an earlier date and covers (part of) a later unit.
struct Ancestor {
  UnitId unit;
  Coverage coverage;  // partial if any step on the way was a split
};

class AdminRegistry {
 public:
  // Adds a unit with its first version; assigns and returns its id. Fails if
  // the code is empty, the parent is unknown, the parent's level is not above
  // the unit's, or another unit of the same level holds the code over an
  // overlapping span.
  Result<UnitId> Add(AdminUnit unit);

  // Records a change of name or type from `version.from` on. The date must lie
  // inside the unit's validity and not before its last version; a version of
  // the same date replaces it.
  Status AddVersion(UnitId id, UnitVersion version);

  // Records that `predecessor` went (wholly or partly) into `successor`.
  // Fails for unknown units or a unit succeeding itself.
  Status AddSuccession(Succession succession);

  // Sets the parent of a unit (for loaders that add children before parents
  // are known). Same checks as Add.
  Status SetParent(UnitId id, UnitId parent);

  const AdminUnit* Get(UnitId id) const;
  size_t size() const { return units_.size(); }

  // The unit holding `code` on date `on`. NotFound names the code and date.
  Result<UnitId> FindByCode(std::string_view code, Date on) const;
  // Every unit that ever held `code`, oldest first.
  std::vector<UnitId> AllWithCode(std::string_view code) const;

  // Units valid on `on` whose name matches `query` with or without
  // diacritics, at most `limit`, provinces first.
  std::vector<UnitId> Search(std::string_view query, Date on, size_t limit = 50) const;

  // Children valid on `on` (sorted by code).
  std::vector<UnitId> ChildrenOn(UnitId parent, Date on) const;
  // Top-level units (no parent) valid on `on`.
  std::vector<UnitId> RootsOn(Date on) const;
  // The tree as of `on`, pre-order, from `root` (or every root). Fails if the
  // root did not exist on that date.
  Result<std::vector<TreeNode>> TreeAsOf(Date on, UnitId root = kNoUnit) const;

  // Direct successions into / out of a unit.
  std::vector<Succession> PredecessorsOf(UnitId successor) const;
  std::vector<Succession> SuccessorsOf(UnitId predecessor) const;

  // The units valid on `on` that make up `unit` (walking back through every
  // succession), each with whether it went wholly into it. For a unit that
  // already existed on `on`, that unit itself with full coverage. Fails if
  // `on` is after the unit ceased to exist.
  Result<std::vector<Ancestor>> PredecessorsOn(UnitId unit, Date on) const;

  // Total number of successions.
  size_t succession_count() const { return successions_.size(); }

 private:
  Status CheckParent(const AdminUnit& unit, UnitId parent) const;

  std::vector<AdminUnit> units_;  // id = index + 1
  std::unordered_map<std::string, std::vector<UnitId>> by_code_;
  std::unordered_map<UnitId, std::vector<UnitId>> children_;
  std::vector<Succession> successions_;
  std::unordered_map<UnitId, std::vector<size_t>> into_;    // successor -> succession indexes
  std::unordered_map<UnitId, std::vector<size_t>> out_of_;  // predecessor -> succession indexes
};

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_ADMIN_REGISTRY_H_
