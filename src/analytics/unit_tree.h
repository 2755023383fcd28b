// The stored units as an in-memory tree: lookups by stored id, subtree
// checks for authorisation, search with or without diacritics, children as
// of a date. Loaded from the store; rebuilt when the units change.
#ifndef KIEMDEM_ANALYTICS_UNIT_TREE_H_
#define KIEMDEM_ANALYTICS_UNIT_TREE_H_

#include <unordered_map>
#include <vector>

#include "core/admin_registry.h"
#include "store/store.h"

namespace kiemdem::analytics {

class UnitTree {
 public:
  // Units that cannot be placed (an overlapping code) are skipped and counted.
  static Result<UnitTree> Load(store::Store& store);

  // The registry speaks its own ids; everything else here speaks stored ids.
  const AdminRegistry& registry() const { return registry_; }
  UnitId ToRegistry(UnitId stored) const;
  UnitId ToStored(UnitId registry_id) const;

  const AdminUnit* Get(UnitId stored) const;
  UnitId Parent(UnitId stored) const;
  // `unit` is `root` or below it.
  bool Within(UnitId unit, UnitId root) const;
  std::vector<UnitId> ChildrenOn(UnitId stored_parent, Date on) const;
  std::vector<UnitId> RootsOn(Date on) const;
  std::vector<UnitId> Search(std::string_view query, Date on, size_t limit) const;
  // `unit` and every unit below it on `on`.
  std::vector<UnitId> SubtreeOn(UnitId stored_root, Date on) const;
  size_t skipped() const { return skipped_; }

 private:
  AdminRegistry registry_;
  std::unordered_map<UnitId, UnitId> to_registry_;
  std::vector<UnitId> to_stored_;  // index: registry id
  size_t skipped_ = 0;
};

}  // namespace kiemdem::analytics

#endif  // KIEMDEM_ANALYTICS_UNIT_TREE_H_
