#include "core/admin_registry.h"

#include <algorithm>
#include <functional>
#include <set>

#include "core/text.h"

namespace kiemdem {
namespace {

bool Overlaps(const AdminUnit& a, const AdminUnit& b) {
  // Spans [from, to); a missing bound is open.
  bool a_before_b = a.valid_to && b.valid_from && *a.valid_to <= *b.valid_from;
  bool b_before_a = b.valid_to && a.valid_from && *b.valid_to <= *a.valid_from;
  return !a_before_b && !b_before_a;
}

std::string Describe(const AdminUnit& u) { return u.Current().full_name + " (" + u.code + ")"; }

}  // namespace

Status AdminRegistry::CheckParent(const AdminUnit& unit, UnitId parent) const {
  if (parent == kNoUnit) return Status::Ok();
  const AdminUnit* p = Get(parent);
  if (p == nullptr) {
    return NotFound("the parent of " + Describe(unit) + " is not a known unit",
                    "đơn vị cấp trên của " + Describe(unit) + " không tồn tại")
        .WithField("parent");
  }
  if (LevelOf(p->Current().type) >= LevelOf(unit.versions.front().type)) {
    return InvalidArgument(
               Describe(*p) + " cannot be the parent of " + Describe(unit) + ": it is not at a higher level",
               Describe(*p) + " không thể là cấp trên của " + Describe(unit) + ": không ở cấp cao hơn")
        .WithField("parent");
  }
  return Status::Ok();
}

Result<UnitId> AdminRegistry::Add(AdminUnit unit) {
  if (unit.code.empty()) {
    return InvalidArgument("a unit needs a code", "đơn vị hành chính phải có mã").WithField("code");
  }
  if (unit.versions.empty() || unit.versions.front().full_name.empty()) {
    return InvalidArgument("unit " + unit.code + " needs a name", "đơn vị " + unit.code + " phải có tên")
        .WithField("name");
  }
  if (unit.valid_from && unit.valid_to && *unit.valid_to <= *unit.valid_from) {
    return InvalidArgument("unit " + unit.code + " ends (" + unit.valid_to->ToVietnamese() +
                               ") before it begins (" + unit.valid_from->ToVietnamese() + ")",
                           "đơn vị " + unit.code + " kết thúc (" + unit.valid_to->ToVietnamese() +
                               ") trước khi bắt đầu (" + unit.valid_from->ToVietnamese() + ")")
        .WithField("valid_to");
  }
  if (unit.valid_from) unit.versions.front().from = *unit.valid_from;
  RETURN_IF_ERROR(CheckParent(unit, unit.parent));
  UnitLevel level = LevelOf(unit.versions.front().type);
  auto it = by_code_.find(unit.code);
  if (it != by_code_.end()) {
    for (UnitId other : it->second) {
      const AdminUnit& o = units_[static_cast<size_t>(other - 1)];
      if (LevelOf(o.Current().type) == level && Overlaps(o, unit)) {
        return AlreadyExists(
                   "code " + unit.code + " is already held by " + Describe(o) + " over an overlapping span",
                   "mã " + unit.code + " đã thuộc về " + Describe(o) + " trong cùng thời gian")
            .WithField("code");
      }
    }
  }
  unit.id = static_cast<UnitId>(units_.size() + 1);
  by_code_[unit.code].push_back(unit.id);
  if (unit.parent != kNoUnit) children_[unit.parent].push_back(unit.id);
  units_.push_back(std::move(unit));
  return units_.back().id;
}

Status AdminRegistry::SetParent(UnitId id, UnitId parent) {
  if (Get(id) == nullptr) {
    return NotFound("unit id " + std::to_string(id) + " is unknown",
                    "không có đơn vị mã nội bộ " + std::to_string(id));
  }
  AdminUnit& u = units_[static_cast<size_t>(id - 1)];
  RETURN_IF_ERROR(CheckParent(u, parent));
  if (u.parent != kNoUnit) {
    auto& siblings = children_[u.parent];
    siblings.erase(std::remove(siblings.begin(), siblings.end(), id), siblings.end());
  }
  u.parent = parent;
  if (parent != kNoUnit) children_[parent].push_back(id);
  return Status::Ok();
}

Status AdminRegistry::AddVersion(UnitId id, UnitVersion version) {
  if (Get(id) == nullptr) {
    return NotFound("unit id " + std::to_string(id) + " is unknown",
                    "không có đơn vị mã nội bộ " + std::to_string(id));
  }
  AdminUnit& u = units_[static_cast<size_t>(id - 1)];
  if (!u.ValidOn(version.from) || version.from < u.versions.back().from) {
    return InvalidArgument("a change to " + Describe(u) + " on " + version.from.ToVietnamese() +
                               " falls outside its validity or before its last change",
                           "thay đổi của " + Describe(u) + " ngày " + version.from.ToVietnamese() +
                               " nằm ngoài thời gian hiệu lực hoặc trước lần thay đổi cuối")
        .WithField("effective_date");
  }
  if (version.from == u.versions.back().from) {
    u.versions.back() = std::move(version);  // a second field changed on the same day
  } else {
    u.versions.push_back(std::move(version));
  }
  return Status::Ok();
}

Status AdminRegistry::AddSuccession(Succession s) {
  if (Get(s.predecessor) == nullptr || Get(s.successor) == nullptr) {
    return NotFound("a succession names a unit that is not known",
                    "quan hệ kế thừa nêu một đơn vị không tồn tại");
  }
  if (s.predecessor == s.successor) {
    return InvalidArgument("a unit cannot succeed itself", "đơn vị không thể kế thừa chính nó");
  }
  size_t index = successions_.size();
  into_[s.successor].push_back(index);
  out_of_[s.predecessor].push_back(index);
  successions_.push_back(std::move(s));
  return Status::Ok();
}

const AdminUnit* AdminRegistry::Get(UnitId id) const {
  if (id < 1 || static_cast<size_t>(id) > units_.size()) return nullptr;
  return &units_[static_cast<size_t>(id - 1)];
}

Result<UnitId> AdminRegistry::FindByCode(std::string_view code, Date on) const {
  auto it = by_code_.find(std::string(code));
  if (it != by_code_.end()) {
    // Prefer the highest level when codes of two levels coincide ("01").
    for (UnitId id : it->second) {
      if (units_[static_cast<size_t>(id - 1)].ValidOn(on)) return id;
    }
  }
  std::string c(code.substr(0, 20));
  return NotFound("no administrative unit has code " + c + " on " + on.ToVietnamese(),
                  "không có đơn vị hành chính mã " + c + " vào ngày " + on.ToVietnamese())
      .WithField("unit_code");
}

std::vector<UnitId> AdminRegistry::AllWithCode(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? std::vector<UnitId>{} : it->second;
}

std::vector<UnitId> AdminRegistry::Search(std::string_view query, Date on, size_t limit) const {
  std::vector<UnitId> out;
  if (FoldForSearch(query).empty()) return out;
  for (const AdminUnit& u : units_) {
    if (!u.ValidOn(on)) continue;
    const UnitVersion& v = u.VersionOn(on);
    if (SearchMatches(v.full_name, query) || u.code == query) out.push_back(u.id);
  }
  std::stable_sort(out.begin(), out.end(), [&](UnitId a, UnitId b) {
    return LevelOf(Get(a)->VersionOn(on).type) < LevelOf(Get(b)->VersionOn(on).type);
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<UnitId> AdminRegistry::ChildrenOn(UnitId parent, Date on) const {
  std::vector<UnitId> out;
  auto it = children_.find(parent);
  if (it == children_.end()) return out;
  for (UnitId id : it->second) {
    if (Get(id)->ValidOn(on)) out.push_back(id);
  }
  std::sort(out.begin(), out.end(), [&](UnitId a, UnitId b) { return Get(a)->code < Get(b)->code; });
  return out;
}

std::vector<UnitId> AdminRegistry::RootsOn(Date on) const {
  std::vector<UnitId> out;
  for (const AdminUnit& u : units_) {
    if (u.parent == kNoUnit && u.ValidOn(on)) out.push_back(u.id);
  }
  std::sort(out.begin(), out.end(), [&](UnitId a, UnitId b) { return Get(a)->code < Get(b)->code; });
  return out;
}

Result<std::vector<TreeNode>> AdminRegistry::TreeAsOf(Date on, UnitId root) const {
  std::vector<TreeNode> out;
  std::function<void(UnitId, int)> walk = [&](UnitId id, int depth) {
    out.push_back({id, depth});
    for (UnitId child : ChildrenOn(id, on)) walk(child, depth + 1);
  };
  if (root == kNoUnit) {
    for (UnitId r : RootsOn(on)) walk(r, 0);
    return out;
  }
  const AdminUnit* u = Get(root);
  if (u == nullptr) {
    return NotFound("unit id " + std::to_string(root) + " is unknown",
                    "không có đơn vị mã nội bộ " + std::to_string(root));
  }
  if (!u->ValidOn(on)) {
    return NotFound(Describe(*u) + " did not exist on " + on.ToVietnamese(),
                    Describe(*u) + " không tồn tại vào ngày " + on.ToVietnamese());
  }
  walk(root, 0);
  return out;
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

Result<std::vector<Ancestor>> AdminRegistry::PredecessorsOn(UnitId unit, Date on) const {
  const AdminUnit* u = Get(unit);
  if (u == nullptr) {
    return NotFound("unit id " + std::to_string(unit) + " is unknown",
                    "không có đơn vị mã nội bộ " + std::to_string(unit));
  }
  if (u->valid_to && on >= *u->valid_to) {
    return InvalidArgument(Describe(*u) + " no longer existed on " + on.ToVietnamese(),
                           Describe(*u) + " không còn tồn tại vào ngày " + on.ToVietnamese());
  }
  std::map<UnitId, Coverage> found;
  std::set<UnitId> visiting;
  std::function<void(UnitId, Coverage)> walk = [&](UnitId id, Coverage cov) {
    const AdminUnit* cur = Get(id);
    if (cur->ValidOn(on)) {
      auto [it, inserted] = found.emplace(id, cov);
      if (!inserted && cov == Coverage::kPartial) it->second = Coverage::kPartial;
      return;
    }
    if (!visiting.insert(id).second) return;  // a cycle in bad data: stop
    for (const Succession& s : PredecessorsOf(id)) {
      Coverage c = (cov == Coverage::kPartial || s.coverage == Coverage::kPartial) ? Coverage::kPartial
                                                                                   : Coverage::kFull;
      walk(s.predecessor, c);
    }
    visiting.erase(id);
  };
  walk(unit, Coverage::kFull);
  std::vector<Ancestor> out;
  out.reserve(found.size());
  for (const auto& [id, cov] : found) out.push_back({id, cov});
  return out;
}

}  // namespace kiemdem
