#include "core/directive_board.h"

#include <algorithm>

#include "core/assignee.h"

namespace kiemdem {

std::vector<Directive> SelectDirectives(const std::vector<Directive>& all, const DirectiveQuery& q,
                                        Date today, const std::function<bool(const Directive&)>& visible) {
  std::vector<Directive> out;
  for (const Directive& d : all) {
    if (!visible(d)) continue;
    if (!q.assignee.empty() && !AssigneeMatches(d.assignee.name, q.assignee)) continue;
    DirectiveState state = d.StateOn(today);
    if (q.state && state != *q.state) continue;
    if (q.overdue_only && state != DirectiveState::kInProgressOverdue) continue;
    if (q.due_within && !d.DueWithin(today, *q.due_within)) continue;
    out.push_back(d);
  }
  std::stable_sort(out.begin(), out.end(),
                   [&](const Directive& a, const Directive& b) { return ChaseBefore(a, b, today); });
  return out;
}

std::map<std::string, int> CountByState(const std::vector<Directive>& list, Date today) {
  std::map<std::string, int> counts;
  for (const Directive& d : list) ++counts[DirectiveStateKey(d.StateOn(today))];
  return counts;
}

namespace {

void Add(std::map<std::string, DirectiveGroup>& groups, const std::string& key, const std::string& name,
         const Directive& d, bool overdue) {
  DirectiveGroup& g = groups[key];
  if (g.open == 0) g.name = name;
  ++g.open;
  if (overdue) {
    ++g.overdue;
    g.overdue_items.push_back(d);
  }
}

std::vector<DirectiveGroup> InKeyOrder(std::map<std::string, DirectiveGroup>& groups) {
  std::vector<DirectiveGroup> out;
  out.reserve(groups.size());
  for (auto& [key, g] : groups) out.push_back(std::move(g));
  return out;
}

}  // namespace

OpenDirectiveGroups GroupOpenDirectives(const std::vector<Directive>& list, Date today) {
  std::map<std::string, DirectiveGroup> by_assignee, by_issuer;
  for (const Directive& d : list) {
    DirectiveState s = d.StateOn(today);
    if (IsDone(s)) continue;
    bool overdue = s == DirectiveState::kInProgressOverdue;
    Add(by_assignee, AssigneeKey(d.assignee.name), d.assignee.name, d, overdue);
    Add(by_issuer, d.issuer, d.issuer, d, overdue);
  }
  return {InKeyOrder(by_assignee), InKeyOrder(by_issuer)};
}

}  // namespace kiemdem
