// The administrative units of the country over time: the tree as of any date
// (parents are versioned), lookups by code and date (a code is reused across
// reorganisations: 06811 was Phường Thanh Sơn until 30/06/2025 and is Phường
// Uông Bí since), search by name in any period, and the successions of merges
// and splits ("which units became unit X", "what did X become"). Not
// thread-safe for writes; const methods may be called from many threads once
// loading is done.
//
//   AdminRegistry reg;
//   UnitId hn = *reg.Add({.code = "01", ...});
//   std::vector<TreeNode> tree = *reg.TreeAsOf(*Date::Parse("01/01/2026"));
//   auto before = reg.PredecessorsOn(new_ward, *Date::Parse("31/12/2024"));
//   Result<UnitId> w = reg.ResolveCode("06811", *Period::Year(2024));  // Phường Thanh Sơn
#ifndef KIEMDEM_CORE_ADMIN_REGISTRY_H_
#define KIEMDEM_CORE_ADMIN_REGISTRY_H_

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/admin_unit.h"
#include "core/period.h"

namespace kiemdem {

// One line of a tree listing: the unit and its depth below the root(s).
struct TreeNode {
  UnitId id;
  int depth;
};

// A unit linked to another through successions: an earlier unit that makes
// up (part of) a later one, or a later unit that (part of) an earlier one
// became.
struct Ancestor {
  UnitId unit;
  Coverage coverage;  // partial if any step on the way was a split
  // The share of the earlier unit's figures counted in the later unit: 1 when
  // every step was whole, the product of the shares set on split steps, or
  // nullopt when a split step has no share set.
  std::optional<double> share;
};

// How a caller lets a user name the day a code is read on, so that a message
// can say how to reach another unit with the same code:
// {"dùng --on dd/mm/yyyy", "use --on dd/mm/yyyy"} for the CLI,
// {"ghi cột Ngày đơn vị", "fill the unit_on column"} for a sheet. Empty: the
// message only names the units.
struct DateOption {
  std::string vi;
  std::string en;
};

// A unit whose parent ceased to exist while it continued, and whose new
// parent could not be inferred (the old parent was split or has no recorded
// successor): it needs a parent from `since` on.
struct Orphan {
  UnitId unit;
  UnitId old_parent;
  Date since;
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

  // Records that the unit has another parent from `link.from` on. The date
  // must lie inside the unit's validity and after its first day and any
  // earlier change (a change of the same date replaces it); the parent must
  // be of a higher level and exist on that date.
  Status AddParentChange(UnitId id, ParentLink link);

  // Sets the first parent of a unit (for loaders that add children before
  // parents are known). Same checks as Add.
  Status SetParent(UnitId id, UnitId parent);

  // For every unit whose parent ceases to exist while the unit continues (a
  // tổ dân phố of a ward merged on 01/07/2025), records as its parent from
  // that day the one unit the old parent went wholly into, and repeats until
  // nothing changes. Returns the units it could not place: their old parent
  // was split or has no successor, so the user must name the new parent.
  std::vector<Orphan> InheritParents();

  // Records that `successor` took over (part of) `predecessor` (a merge or
  // split). Fails for unknown units, a unit succeeding itself, a share
  // outside 0..1, or a succession dated outside the units' validity: the
  // predecessor must exist the day before `effective`, the successor on it.
  Status AddSuccession(Succession succession);
  // Adds the succession, or replaces the effective date, coverage, basis and
  // share of the one between the same two units (a province's correction of
  // the mapping). Same checks as AddSuccession.
  Status PutSuccession(Succession succession);
  // Removes the succession between the two units; NotFound when there is none.
  Status RemoveSuccession(UnitId predecessor, UnitId successor);

  // Makes `alias` another name for `code` (GSO letter 1027/CTK-CSCL wrote
  // 06970 for Xã Ba Chẽ, 06978): a lookup of the alias on a day when no unit
  // holds the alias itself finds the unit holding `code` (23737 is still old
  // Xã Ia Mơ Nông before 01/07/2025, and Xã Ia Mơ, 23938, after).
  Status AddCodeAlias(std::string alias, std::string code);

  const AdminUnit* Get(UnitId id) const;
  size_t size() const { return units_.size(); }

  // The unit holding `code` (or its alias) on date `on`. NotFound names the
  // code and date and, when another unit held the code at another time,
  // that unit, its dates, what it became, and how to choose it (`option`).
  // InvalidArgument naming both when two units (of different levels) hold
  // the code that day.
  Result<UnitId> FindByCode(std::string_view code, Date on, const DateOption& option = {}) const;

  // The unit holding `code` for the whole of `period` (see CoversPeriod), for
  // a figure of that period. InvalidArgument (field "unit_code") naming both
  // units when the code changed hands within the period (06811 in năm 2025:
  // Phường Thanh Sơn until 30/06, Phường Uông Bí from 01/07); NotFound when
  // no unit held it then, or FailedPrecondition when its unit existed for
  // only part of the period, saying until or from when and what it became or
  // was formed from.
  Result<UnitId> ResolveCode(std::string_view code, const Period& period,
                             const DateOption& option = {}) const;

  // OK when `unit` exists through the whole of `period` (may have figures for
  // it); else FailedPrecondition (field "period") saying when the unit
  // existed and which units the period's figures belong to: its predecessors
  // (from which its series is rebuilt) or its successors.
  Status CheckCoversPeriod(UnitId unit, const Period& period) const;

  // Every unit that ever held `code`, oldest first, then those holding the
  // code it is an alias of.
  std::vector<UnitId> AllWithCode(std::string_view code) const;

  // Units valid on `on` whose name matches `query` with or without
  // diacritics, at most `limit`: whole-word matches first, then provinces
  // first. The query may add the province ("quang hung thanh hoa").
  std::vector<UnitId> Search(std::string_view query, Date on, size_t limit = 50) const;
  // The same over every date: units valid on `on` first, then those that had
  // ceased to exist by then (newest first) and those formed later. Any
  // earlier name of a unit matches too.
  std::vector<UnitId> SearchHistory(std::string_view query, Date on, size_t limit = 50) const;

  // Children valid on `on` whose parent that day is `parent` (sorted by code).
  std::vector<UnitId> ChildrenOn(UnitId parent, Date on) const;
  // Top-level units (no parent) valid on `on`.
  std::vector<UnitId> RootsOn(Date on) const;
  // The tree as of `on`, pre-order, from `root` (or every root). Fails if the
  // root did not exist on that date.
  Result<std::vector<TreeNode>> TreeAsOf(Date on, UnitId root = kNoUnit) const;
  // `unit` and its parents on `on` up to the province (`unit` first). For a
  // unit not valid on `on`, the chain on its last (or first) day.
  std::vector<UnitId> PathOn(UnitId unit, Date on) const;
  // The province the unit lay in on `on` (as PathOn); kNoUnit if unknown.
  UnitId ProvinceOf(UnitId unit, Date on) const;
  // "Phường Quảng Phú, Tỉnh Thanh Hóa": the name on `on` with its province
  // (two wards are called Phường Quảng Phú). A province is named alone.
  std::string NameWithProvince(UnitId unit, Date on) const;

  // `unit` is `root` or below it on some date (parents are versioned).
  bool WithinOnAnyDate(UnitId unit, UnitId root) const;
  // Whether `unit`'s figures are part of the history of `root`'s territory:
  // `unit`, or a unit it lay within on some date, is `root` or below it, or
  // became (wholly or partly, through successions) `root` or a unit below
  // it. A viewer of today's Tỉnh Thanh Hóa reads the old province's wards.
  bool CoversHistory(UnitId unit, UnitId root) const;

  // Direct successions into / out of a unit.
  std::vector<Succession> PredecessorsOf(UnitId successor) const;
  std::vector<Succession> SuccessorsOf(UnitId predecessor) const;
  // Every succession, in the order added.
  std::vector<Succession> Successions() const;

  // The units valid on `on` that make up `unit` (walking back through every
  // succession), each with whether it went wholly into it and the share
  // counted. For a unit that already existed on `on`, that unit itself with
  // full coverage. Fails if `on` is after the unit ceased to exist.
  Result<std::vector<Ancestor>> PredecessorsOn(UnitId unit, Date on) const;
  // The units valid on `on` that (part of) `unit` became (walking forward).
  // For a unit still valid on `on`, that unit itself. Fails if `on` is before
  // the unit began.
  Result<std::vector<Ancestor>> SuccessorsOn(UnitId unit, Date on) const;

  // Total number of successions.
  size_t succession_count() const { return successions_.size(); }

 private:
  Status CheckParent(const AdminUnit& unit, UnitId parent) const;
  Status CheckSuccession(const Succession& s) const;
  void IndexSuccessions();
  std::string Describe(UnitId id) const;  // "Phường Quảng Hưng (14800, Tỉnh Thanh Hóa)"
  std::string SuccessorClause(UnitId id, bool vi) const;
  std::string PredecessorClause(UnitId id, bool vi) const;
  std::vector<UnitId> HoldersOn(const std::string& code, Date on) const;

  std::vector<AdminUnit> units_;                        // id = index + 1
  std::vector<std::vector<std::string>> folded_names_;  // per unit: every version's name, folded
  std::unordered_map<std::string, std::vector<UnitId>> by_code_;
  std::unordered_map<std::string, std::string> aliases_;      // alias -> code
  std::unordered_map<UnitId, std::vector<UnitId>> children_;  // every unit that ever had the parent
  std::vector<Succession> successions_;
  std::unordered_map<UnitId, std::vector<size_t>> into_;    // successor -> succession indexes
  std::unordered_map<UnitId, std::vector<size_t>> out_of_;  // predecessor -> succession indexes
};

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_ADMIN_REGISTRY_H_
