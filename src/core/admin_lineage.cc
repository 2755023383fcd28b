// The registry's successions: merges and splits recorded and corrected, the
// units an earlier or later date's units make up, parents inherited across a
// merge, and the history a unit's territory covers.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "core/admin_registry.h"

namespace kiemdem {
namespace {

std::string Short(const AdminUnit& u) { return u.Current().full_name + " (" + u.code + ")"; }

// Adds `share` to what an earlier path gave; an unknown share on any path
// makes the total unknown.
void Accumulate(std::map<UnitId, Ancestor>* found, UnitId id, Coverage cov, std::optional<double> share) {
  auto [it, inserted] = found->emplace(id, Ancestor{id, cov, share});
  if (inserted) return;
  if (cov == Coverage::kPartial) it->second.coverage = Coverage::kPartial;
  it->second.share =
      it->second.share && share ? std::optional<double>(*it->second.share + *share) : std::nullopt;
}

std::optional<double> Times(std::optional<double> a, std::optional<double> b) {
  return a && b ? std::optional<double>(*a * *b) : std::nullopt;
}

}  // namespace

Status AdminRegistry::CheckSuccession(const Succession& s) const {
  const AdminUnit* pred = Get(s.predecessor);
  const AdminUnit* succ = Get(s.successor);
  if (pred == nullptr || succ == nullptr) {
    return NotFound("a succession names a unit that is not known",
                    "quan hệ kế thừa nêu một đơn vị không tồn tại");
  }
  if (s.predecessor == s.successor) {
    return InvalidArgument("a unit cannot succeed itself", "đơn vị không thể kế thừa chính nó");
  }
  if (s.share && (*s.share < 0 || *s.share > 1)) {
    return InvalidArgument("the share of " + Short(*pred) + " counted in " + Short(*succ) +
                               " must lie between 0 and 100%",
                           "tỷ lệ của " + Short(*pred) + " tính vào " + Short(*succ) + " phải từ 0 đến 100%")
        .WithField("share");
  }
  std::string day = s.effective.ToVietnamese();
  if (!pred->ValidOn(s.effective.AddDays(-1))) {
    return InvalidArgument(Short(*pred) + " did not exist the day before " + day +
                               ", so it cannot have become part of " + Short(*succ) + " then",
                           Short(*pred) + " không tồn tại vào ngày trước " + day +
                               " nên không thể nhập vào " + Short(*succ) + " từ ngày đó")
        .WithField("effective_date");
  }
  if (!succ->ValidOn(s.effective)) {
    return InvalidArgument(
               Short(*succ) + " does not exist on " + day + ", so it cannot take over " + Short(*pred),
               Short(*succ) + " không tồn tại vào ngày " + day + " nên không thể tiếp nhận " + Short(*pred))
        .WithField("effective_date");
  }
  return Status::Ok();
}

Status AdminRegistry::AddSuccession(Succession s) {
  RETURN_IF_ERROR(CheckSuccession(s));
  size_t index = successions_.size();
  into_[s.successor].push_back(index);
  out_of_[s.predecessor].push_back(index);
  successions_.push_back(std::move(s));
  return Status::Ok();
}

Status AdminRegistry::PutSuccession(Succession s) {
  RETURN_IF_ERROR(CheckSuccession(s));
  for (size_t i : out_of_[s.predecessor]) {
    if (successions_[i].successor == s.successor) {
      successions_[i] = std::move(s);
      return Status::Ok();
    }
  }
  return AddSuccession(std::move(s));
}

Status AdminRegistry::RemoveSuccession(UnitId predecessor, UnitId successor) {
  auto it = std::find_if(successions_.begin(), successions_.end(), [&](const Succession& s) {
    return s.predecessor == predecessor && s.successor == successor;
  });
  if (it == successions_.end()) {
    std::string p = Get(predecessor) ? Short(*Get(predecessor)) : std::to_string(predecessor);
    std::string q = Get(successor) ? Short(*Get(successor)) : std::to_string(successor);
    return NotFound("no succession from " + p + " to " + q + " is recorded",
                    "không có quan hệ kế thừa từ " + p + " sang " + q);
  }
  successions_.erase(it);
  IndexSuccessions();
  return Status::Ok();
}

void AdminRegistry::IndexSuccessions() {
  into_.clear();
  out_of_.clear();
  for (size_t i = 0; i < successions_.size(); ++i) {
    into_[successions_[i].successor].push_back(i);
    out_of_[successions_[i].predecessor].push_back(i);
  }
}

std::vector<Succession> AdminRegistry::PredecessorsOf(UnitId successor) const {
  std::vector<Succession> out;
  auto it = into_.find(successor);
  if (it == into_.end()) return out;
  for (size_t i : it->second) out.push_back(successions_[i]);
  return out;
}

std::vector<Succession> AdminRegistry::SuccessorsOf(UnitId predecessor) const {
  std::vector<Succession> out;
  auto it = out_of_.find(predecessor);
  if (it == out_of_.end()) return out;
  for (size_t i : it->second) out.push_back(successions_[i]);
  return out;
}

std::vector<Succession> AdminRegistry::Successions() const { return successions_; }

Result<std::vector<Ancestor>> AdminRegistry::PredecessorsOn(UnitId unit, Date on) const {
  const AdminUnit* u = Get(unit);
  if (u == nullptr) {
    return NotFound("unit id " + std::to_string(unit) + " is unknown",
                    "không có đơn vị mã nội bộ " + std::to_string(unit));
  }
  if (u->valid_to && on >= *u->valid_to) {
    return InvalidArgument(Short(*u) + " no longer existed on " + on.ToVietnamese(),
                           Short(*u) + " không còn tồn tại vào ngày " + on.ToVietnamese());
  }
  // A unit existing on `on` is part of `unit`'s territory, and so is every
  // unit that went into it after `on` (a commune that absorbed another in
  // 2020 covers the absorbed one's 2019 too).
  std::map<UnitId, Ancestor> found;
  std::set<UnitId> visiting;
  std::function<void(UnitId, Coverage, std::optional<double>)> walk = [&](UnitId id, Coverage cov,
                                                                          std::optional<double> share) {
    if (Get(id)->ValidOn(on)) Accumulate(&found, id, cov, share);
    if (!visiting.insert(id).second) return;  // a cycle in bad data: stop
    for (const Succession& s : PredecessorsOf(id)) {
      if (s.effective <= on) continue;
      Coverage c = cov == Coverage::kPartial || s.coverage == Coverage::kPartial ? Coverage::kPartial
                                                                                 : Coverage::kFull;
      walk(s.predecessor, c, Times(share, s.CountedShare()));
    }
    visiting.erase(id);
  };
  walk(unit, Coverage::kFull, 1.0);
  std::vector<Ancestor> out;
  out.reserve(found.size());
  for (const auto& [id, a] : found) out.push_back(a);
  return out;
}

Result<std::vector<Ancestor>> AdminRegistry::SuccessorsOn(UnitId unit, Date on) const {
  const AdminUnit* u = Get(unit);
  if (u == nullptr) {
    return NotFound("unit id " + std::to_string(unit) + " is unknown",
                    "không có đơn vị mã nội bộ " + std::to_string(unit));
  }
  if (u->valid_from && on < *u->valid_from) {
    return InvalidArgument(Short(*u) + " did not exist yet on " + on.ToVietnamese(),
                           Short(*u) + " chưa tồn tại vào ngày " + on.ToVietnamese());
  }
  std::map<UnitId, Ancestor> found;
  std::set<UnitId> visiting;
  std::function<void(UnitId, Coverage, std::optional<double>)> walk = [&](UnitId id, Coverage cov,
                                                                          std::optional<double> share) {
    if (Get(id)->ValidOn(on)) Accumulate(&found, id, cov, share);
    if (!visiting.insert(id).second) return;
    for (const Succession& s : SuccessorsOf(id)) {
      if (s.effective > on) continue;
      Coverage c = cov == Coverage::kPartial || s.coverage == Coverage::kPartial ? Coverage::kPartial
                                                                                 : Coverage::kFull;
      walk(s.successor, c, Times(share, s.CountedShare()));
    }
    visiting.erase(id);
  };
  walk(unit, Coverage::kFull, 1.0);
  std::vector<Ancestor> out;
  out.reserve(found.size());
  for (const auto& [id, a] : found) out.push_back(a);
  return out;
}

bool AdminRegistry::CoversHistory(UnitId unit, UnitId root) const {
  if (Get(unit) == nullptr || Get(root) == nullptr) return false;
  // `unit` and every unit it lay within, then everything those became.
  std::vector<UnitId> todo;
  std::set<UnitId> seen;
  std::vector<UnitId> up = {unit};
  while (!up.empty()) {
    UnitId cur = up.back();
    up.pop_back();
    if (!seen.insert(cur).second) continue;
    todo.push_back(cur);
    const AdminUnit* u = Get(cur);
    if (u->parent != kNoUnit) up.push_back(u->parent);
    for (const ParentLink& l : u->parent_changes) {
      if (l.parent != kNoUnit) up.push_back(l.parent);
    }
  }
  std::set<UnitId> forward;
  while (!todo.empty()) {
    UnitId cur = todo.back();
    todo.pop_back();
    if (!forward.insert(cur).second) continue;
    if (WithinOnAnyDate(cur, root)) return true;
    for (const Succession& s : SuccessorsOf(cur)) todo.push_back(s.successor);
  }
  return false;
}

std::vector<Orphan> AdminRegistry::InheritParents() {
  // A unit's latest parent, and the day it stops existing (if it does while
  // the unit continues).
  auto pending = [&](const AdminUnit& u) -> std::optional<std::pair<UnitId, Date>> {
    UnitId p = u.parent_changes.empty() ? u.parent : u.parent_changes.back().parent;
    if (p == kNoUnit) return std::nullopt;
    const AdminUnit* parent = Get(p);
    if (!parent->valid_to) return std::nullopt;
    if (u.valid_to && *u.valid_to <= *parent->valid_to) return std::nullopt;
    return std::make_pair(p, *parent->valid_to);
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < units_.size(); ++i) {
      std::optional<std::pair<UnitId, Date>> p = pending(units_[i]);
      if (!p) continue;
      std::vector<Succession> next;
      for (const Succession& s : SuccessorsOf(p->first)) {
        if (s.effective == p->second) next.push_back(s);
      }
      if (next.size() != 1 || next[0].coverage != Coverage::kFull) continue;
      if (AddParentChange(units_[i].id, {p->second, next[0].successor}).ok()) changed = true;
    }
  }
  std::vector<Orphan> out;
  for (const AdminUnit& u : units_) {
    if (std::optional<std::pair<UnitId, Date>> p = pending(u)) out.push_back({u.id, p->first, p->second});
  }
  return out;
}

}  // namespace kiemdem
