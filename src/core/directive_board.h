// What a directive board shows: the directives a query selects, in the order
// they are chased; their count per state on a day; and the open ones grouped
// by who must act (one group per assignee key) and by who issued them.
#ifndef KIEMDEM_CORE_DIRECTIVE_BOARD_H_
#define KIEMDEM_CORE_DIRECTIVE_BOARD_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/directive.h"

namespace kiemdem {

// What a board asks for beyond where the directives come from.
struct DirectiveQuery {
  std::string assignee;                 // written forms alike (AssigneeMatches); empty: any
  std::optional<DirectiveState> state;  // the state on the day
  bool overdue_only = false;            // in progress and past its deadline
  std::optional<int> due_within;        // open, next deadline within this many days (Directive::DueWithin)
};

// The directives of `all` that `visible` lets the reader see and `q`
// selects, in the order a board chases them on `today` (ChaseBefore; ties in
// `all`'s order).
std::vector<Directive> SelectDirectives(const std::vector<Directive>& all, const DirectiveQuery& q,
                                        Date today, const std::function<bool(const Directive&)>& visible);

// How many of `list` are in each state on `today`, by DirectiveStateKey.
std::map<std::string, int> CountByState(const std::vector<Directive>& list, Date today);

// The open directives of one assignee or one issuing body.
struct DirectiveGroup {
  std::string name;  // as first written in `list`
  int open = 0;      // not done on `today`, overdue included
  int overdue = 0;
  std::vector<Directive> overdue_items;  // in `list`'s order
};

struct OpenDirectiveGroups {
  std::vector<DirectiveGroup> by_assignee;  // one per AssigneeKey, in key order
  std::vector<DirectiveGroup> by_issuer;    // one per issuer as written, in name order
};

// Groups the directives of `list` still open on `today`; done ones are left out.
OpenDirectiveGroups GroupOpenDirectives(const std::vector<Directive>& list, Date today);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_DIRECTIVE_BOARD_H_
