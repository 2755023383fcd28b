// Domain values as the API's JSON. Dates are ISO (yyyy-mm-dd) in JSON, with
// the Vietnamese form beside them where people read them (dd/mm/yyyy).
#ifndef KIEMDEM_API_VIEWS_H_
#define KIEMDEM_API_VIEWS_H_

#include "analytics/evaluation_service.h"
#include "api/call.h"
#include "core/directive.h"
#include "store/store.h"

namespace kiemdem::api {

// Today in Việt Nam (UTC+7), or KIEMDEM_TODAY (dd/mm/yyyy) when set, or the call's ?on=.
Date Today(const Call& call);

// A unit named as of `on`, with its province ("Tỉnh Thanh Hóa"; null for a province).
Json UnitView(const analytics::UnitTree& tree, UnitId unit, Date on, bool vi);
// The same with the units it was formed from and those it became, each with
// the day, whether wholly or in part, and the share of its figures counted.
Json UnitWithLinksView(const analytics::UnitTree& tree, UnitId unit, Date on, bool vi);
Json IndicatorView(const Indicator& i, bool vi);
Json ResultView(const store::ResultRecord& r);
Json PlanView(const Plan& p, bool vi);
Json MeetingView(const Meeting& m);
// An audit log's entries, oldest first: [{at, actor, action, old, new}], the
// old and new values as the JSON they were stored as (null when empty).
Json AuditView(const std::vector<store::AuditEntry>& entries);
Json DirectiveView(const Directive& d, Date today, bool vi);
// What a value rests on: its basis and label, the units it was rebuilt from
// (with the share counted) and the split units left out (series_view.cc).
Json SeriesView(const analytics::UnitSeries& s, const analytics::UnitTree& tree, UnitId self, bool vi);
Json EvaluationView(const analytics::UnitEvaluation& e, const analytics::UnitTree& tree, bool vi,
                    bool include_unapproved);
// A user with each role's unit by id, code and name (with its province) as of `on`.
Json UserView(const store::User& u, const analytics::UnitTree& tree, Date on);

// A download's file name without its extension, ASCII without diacritics:
// FileStem("so-sanh", "Thành phố Hà Nội", 2026-10) is "so-sanh-thanh-pho-ha-noi-2026-10".
std::string FileStem(const std::string& prefix, const std::string& name, const Period& period);

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_VIEWS_H_
