// The registry's units: adding them, their versions and parents, the tree as
// of a date, paths and provinces, and search.
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

std::string Short(const AdminUnit& u) { return u.Current().full_name + " (" + u.code + ")"; }

// The day nearest to `on` on which `u` exists.
Date ClampInto(const AdminUnit& u, Date on) {
  if (u.valid_to && on >= *u.valid_to) return u.valid_to->AddDays(-1);
  if (u.valid_from && on < *u.valid_from) return *u.valid_from;
  return on;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// How well `query_words` match a unit: each word must start a word of the
// unit's name, except that the last words may name its province instead
// ("quang hung thanh hoa"). A whole word of the name scores 2, the start of
// one 1. -1: no match.
int MatchScore(const std::vector<std::string_view>& query_words, std::string_view name,
               std::string_view province) {
  std::vector<std::string_view> own = SplitWords(name);
  std::vector<std::string_view> prov = SplitWords(province);
  auto starts = [](const std::vector<std::string_view>& words, std::string_view q) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return w.substr(0, q.size()) == q; });
  };
  int score = 0;
  size_t matched = 0;  // leading query words found in the name
  for (; matched < query_words.size(); ++matched) {
    std::string_view q = query_words[matched];
    if (std::find(own.begin(), own.end(), q) != own.end()) {
      score += 2;
    } else if (starts(own, q)) {
      score += 1;
    } else {
      break;
    }
  }
  if (matched == 0) return -1;
  for (size_t i = matched; i < query_words.size(); ++i) {
    if (!starts(prov, query_words[i])) return -1;
  }
  return score;
}

}  // namespace

Status AdminRegistry::CheckParent(const AdminUnit& unit, UnitId parent) const {
  if (parent == kNoUnit) return Status::Ok();
  const AdminUnit* p = Get(parent);
  if (p == nullptr) {
    return NotFound("the parent of " + Short(unit) + " is not a known unit",
                    "đơn vị cấp trên của " + Short(unit) + " không tồn tại")
        .WithField("parent");
  }
  if (LevelOf(p->Current().type) >= LevelOf(unit.versions.front().type)) {
    return InvalidArgument(
               Short(*p) + " cannot be the parent of " + Short(unit) + ": it is not at a higher level",
               Short(*p) + " không thể là cấp trên của " + Short(unit) + ": không ở cấp cao hơn")
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
  std::vector<ParentLink> changes = std::move(unit.parent_changes);
  unit.parent_changes.clear();
  UnitLevel level = LevelOf(unit.versions.front().type);
  auto it = by_code_.find(unit.code);
  if (it != by_code_.end()) {
    for (UnitId other : it->second) {
      const AdminUnit& o = units_[static_cast<size_t>(other - 1)];
      if (LevelOf(o.Current().type) == level && Overlaps(o, unit)) {
        return AlreadyExists(
                   "code " + unit.code + " is already held by " + Short(o) + " over an overlapping span",
                   "mã " + unit.code + " đã thuộc về " + Short(o) + " trong cùng thời gian")
            .WithField("code");
      }
    }
  }
  unit.id = static_cast<UnitId>(units_.size() + 1);
  by_code_[unit.code].push_back(unit.id);
  if (unit.parent != kNoUnit) children_[unit.parent].push_back(unit.id);
  std::vector<std::string> folded;
  for (const UnitVersion& v : unit.versions) folded.push_back(FoldForSearch(v.full_name));
  folded_names_.push_back(std::move(folded));
  units_.push_back(std::move(unit));
  UnitId id = units_.back().id;
  for (const ParentLink& link : changes) RETURN_IF_ERROR(AddParentChange(id, link));
  return id;
}

Status AdminRegistry::SetParent(UnitId id, UnitId parent) {
  if (Get(id) == nullptr) {
    return NotFound("unit id " + std::to_string(id) + " is unknown",
                    "không có đơn vị mã nội bộ " + std::to_string(id));
  }
  AdminUnit& u = units_[static_cast<size_t>(id - 1)];
  RETURN_IF_ERROR(CheckParent(u, parent));
  UnitId old = u.parent;
  u.parent = parent;
  bool still_child = std::any_of(u.parent_changes.begin(), u.parent_changes.end(),
                                 [&](const ParentLink& l) { return l.parent == old; });
  if (old != kNoUnit && !still_child) {
    auto& siblings = children_[old];
    siblings.erase(std::remove(siblings.begin(), siblings.end(), id), siblings.end());
  }
  auto& kids = children_[parent];
  if (parent != kNoUnit && std::find(kids.begin(), kids.end(), id) == kids.end()) kids.push_back(id);
  return Status::Ok();
}

Status AdminRegistry::AddParentChange(UnitId id, ParentLink link) {
  if (Get(id) == nullptr) {
    return NotFound("unit id " + std::to_string(id) + " is unknown",
                    "không có đơn vị mã nội bộ " + std::to_string(id));
  }
  AdminUnit& u = units_[static_cast<size_t>(id - 1)];
  std::string day = link.from.ToVietnamese();
  Date last_change = u.parent_changes.empty() ? u.valid_from.value_or(Date::FromDayNumber(-(1 << 30)))
                                              : u.parent_changes.back().from;
  bool replaces = !u.parent_changes.empty() && u.parent_changes.back().from == link.from;
  if (!u.ValidOn(link.from) || (u.valid_from && link.from <= *u.valid_from) ||
      (!replaces && link.from < last_change)) {
    return InvalidArgument(
               "a new parent of " + Short(u) + " from " + day +
                   " falls outside its validity, on its first day or before its last change of parent",
               "cấp trên mới của " + Short(u) + " từ " + day +
                   " nằm ngoài thời gian hiệu lực, trùng ngày đầu hoặc trước lần đổi cấp trên cuối")
        .WithField("parent_from");
  }
  RETURN_IF_ERROR(CheckParent(u, link.parent));
  if (link.parent != kNoUnit && !Get(link.parent)->ValidOn(link.from)) {
    return InvalidArgument(Short(*Get(link.parent)) + " does not exist on " + day +
                               ", so it cannot be the parent of " + Short(u) + " from then",
                           Short(*Get(link.parent)) + " không tồn tại vào ngày " + day +
                               " nên không thể là cấp trên của " + Short(u) + " từ ngày đó")
        .WithField("parent_code");
  }
  if (replaces) {
    u.parent_changes.back() = link;
  } else {
    u.parent_changes.push_back(link);
  }
  auto& kids = children_[link.parent];
  if (link.parent != kNoUnit && std::find(kids.begin(), kids.end(), id) == kids.end()) kids.push_back(id);
  return Status::Ok();
}

Status AdminRegistry::AddVersion(UnitId id, UnitVersion version) {
  if (Get(id) == nullptr) {
    return NotFound("unit id " + std::to_string(id) + " is unknown",
                    "không có đơn vị mã nội bộ " + std::to_string(id));
  }
  AdminUnit& u = units_[static_cast<size_t>(id - 1)];
  if (!u.ValidOn(version.from) || version.from < u.versions.back().from) {
    return InvalidArgument("a change to " + Short(u) + " on " + version.from.ToVietnamese() +
                               " falls outside its validity or before its last change",
                           "thay đổi của " + Short(u) + " ngày " + version.from.ToVietnamese() +
                               " nằm ngoài thời gian hiệu lực hoặc trước lần thay đổi cuối")
        .WithField("effective_date");
  }
  std::vector<std::string>& folded = folded_names_[static_cast<size_t>(id - 1)];
  if (version.from == u.versions.back().from) {
    folded.back() = FoldForSearch(version.full_name);
    u.versions.back() = std::move(version);  // a second field changed on the same day
  } else {
    folded.push_back(FoldForSearch(version.full_name));
    u.versions.push_back(std::move(version));
  }
  return Status::Ok();
}

const AdminUnit* AdminRegistry::Get(UnitId id) const {
  if (id < 1 || static_cast<size_t>(id) > units_.size()) return nullptr;
  return &units_[static_cast<size_t>(id - 1)];
}

std::vector<UnitId> AdminRegistry::AllWithCode(std::string_view code) const {
  std::string c(code);
  std::vector<UnitId> out;
  if (auto it = by_code_.find(c); it != by_code_.end()) out = it->second;
  if (auto alias = aliases_.find(c); alias != aliases_.end()) {
    if (auto it = by_code_.find(alias->second); it != by_code_.end())
      out.insert(out.end(), it->second.begin(), it->second.end());
  }
  return out;
}

std::vector<UnitId> AdminRegistry::Search(std::string_view query, Date on, size_t limit) const {
  std::vector<UnitId> all = SearchHistory(query, on, limit);
  std::vector<UnitId> out;
  for (UnitId id : all) {
    if (Get(id)->ValidOn(on)) out.push_back(id);
  }
  return out;
}

std::vector<UnitId> AdminRegistry::SearchHistory(std::string_view query, Date on, size_t limit) const {
  std::string folded_query = FoldForSearch(query);
  std::vector<std::string_view> words = SplitWords(folded_query);
  if (words.empty()) return {};
  std::string canon(query);
  if (auto alias = aliases_.find(canon); alias != aliases_.end()) canon = alias->second;
  struct Hit {
    UnitId id;
    int when;  // 0 valid on `on`, 1 ended before, 2 formed after
    int score;
    int level;
    int64_t day;  // for ended units: the later the end, the earlier listed
  };
  std::vector<Hit> hits;
  for (const AdminUnit& u : units_) {
    const std::vector<std::string>& names = folded_names_[static_cast<size_t>(u.id - 1)];
    Date d = ClampInto(u, on);
    int when = u.ValidOn(on) ? 0 : (u.valid_to && on >= *u.valid_to ? 1 : 2);
    int score = -1;
    if (u.code == query || u.code == canon) {
      score = 100;
    } else {
      UnitId province = ProvinceOf(u.id, d);
      std::string_view province_name;
      if (province != kNoUnit && province != u.id) {
        const AdminUnit* p = Get(province);
        const std::vector<std::string>& pn = folded_names_[static_cast<size_t>(province - 1)];
        size_t k = 0;
        for (size_t i = 0; i < p->versions.size(); ++i) {
          if (p->versions[i].from <= ClampInto(*p, d)) k = i;
        }
        province_name = pn[k];
      }
      // Every name the unit has had; the one in force on `on` is preferred.
      for (const std::string& name : names) score = std::max(score, MatchScore(words, name, province_name));
    }
    if (score < 0) continue;
    hits.push_back({u.id, when, score, static_cast<int>(LevelOf(u.VersionOn(d).type)), -d.day_number()});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.when != b.when) return a.when < b.when;
    if (a.score != b.score) return a.score > b.score;
    if (a.level != b.level) return a.level < b.level;
    return a.when == 1 && a.day < b.day;
  });
  std::vector<UnitId> out;
  for (const Hit& h : hits) {
    if (out.size() >= limit) break;
    out.push_back(h.id);
  }
  return out;
}

std::vector<UnitId> AdminRegistry::ChildrenOn(UnitId parent, Date on) const {
  std::vector<UnitId> out;
  auto it = children_.find(parent);
  if (it == children_.end()) return out;
  for (UnitId id : it->second) {
    const AdminUnit* u = Get(id);
    if (u->ValidOn(on) && u->ParentOn(on) == parent) out.push_back(id);
  }
  std::sort(out.begin(), out.end(), [&](UnitId a, UnitId b) { return Get(a)->code < Get(b)->code; });
  return out;
}

std::vector<UnitId> AdminRegistry::RootsOn(Date on) const {
  std::vector<UnitId> out;
  for (const AdminUnit& u : units_) {
    if (u.ValidOn(on) && u.ParentOn(on) == kNoUnit) out.push_back(u.id);
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
    return NotFound(Short(*u) + " did not exist on " + on.ToVietnamese(),
                    Short(*u) + " không tồn tại vào ngày " + on.ToVietnamese());
  }
  walk(root, 0);
  return out;
}

std::vector<UnitId> AdminRegistry::PathOn(UnitId unit, Date on) const {
  std::vector<UnitId> out;
  for (UnitId cur = unit; cur != kNoUnit && out.size() < 8;) {
    const AdminUnit* u = Get(cur);
    if (u == nullptr || std::find(out.begin(), out.end(), cur) != out.end()) break;
    out.push_back(cur);
    cur = u->ParentOn(ClampInto(*u, on));
  }
  return out;
}

UnitId AdminRegistry::ProvinceOf(UnitId unit, Date on) const {
  std::vector<UnitId> path = PathOn(unit, on);
  if (path.empty()) return kNoUnit;
  const AdminUnit* top = Get(path.back());
  return LevelOf(top->VersionOn(ClampInto(*top, on)).type) == UnitLevel::kProvince ? path.back() : kNoUnit;
}

std::string AdminRegistry::NameWithProvince(UnitId unit, Date on) const {
  const AdminUnit* u = Get(unit);
  if (u == nullptr) return "";
  std::string name = u->VersionOn(ClampInto(*u, on)).full_name;
  UnitId province = ProvinceOf(unit, on);
  if (province == kNoUnit || province == unit) return name;
  const AdminUnit* p = Get(province);
  return name + ", " + p->VersionOn(ClampInto(*p, ClampInto(*u, on))).full_name;
}

bool AdminRegistry::WithinOnAnyDate(UnitId unit, UnitId root) const {
  std::vector<UnitId> todo = {unit};
  std::set<UnitId> seen;
  while (!todo.empty()) {
    UnitId cur = todo.back();
    todo.pop_back();
    if (cur == root) return true;
    const AdminUnit* u = Get(cur);
    if (u == nullptr || !seen.insert(cur).second) continue;
    if (u->parent != kNoUnit) todo.push_back(u->parent);
    for (const ParentLink& l : u->parent_changes) {
      if (l.parent != kNoUnit) todo.push_back(l.parent);
    }
  }
  return false;
}

}  // namespace kiemdem
