#include "analytics/inbox.h"

#include <algorithm>
#include <map>
#include <utility>

namespace kiemdem::analytics {

std::vector<InboxGroup> GroupInbox(const std::vector<store::ResultRecord>& waiting,
                                   const std::function<bool(UnitId)>& may_approve) {
  std::map<std::pair<UnitId, std::string>, InboxGroup> groups;
  std::map<UnitId, bool> allowed;
  for (const store::ResultRecord& r : waiting) {
    UnitId unit = r.observation.unit;
    auto ok = allowed.find(unit);
    if (ok == allowed.end()) ok = allowed.emplace(unit, may_approve(unit)).first;
    if (!ok->second) continue;
    auto [it, added] =
        groups.try_emplace({unit, r.observation.period.Key()}, InboxGroup{unit, r.observation.period, 0, ""});
    InboxGroup& g = it->second;
    ++g.count;
    if (added || r.updated_at < g.oldest) g.oldest = r.updated_at;
  }
  std::vector<InboxGroup> ordered;
  ordered.reserve(groups.size());
  for (auto& [key, g] : groups) ordered.push_back(std::move(g));
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const InboxGroup& a, const InboxGroup& b) { return a.oldest < b.oldest; });
  return ordered;
}

}  // namespace kiemdem::analytics
