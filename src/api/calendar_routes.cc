// A unit's directive deadlines as an iCalendar feed a calendar app subscribes
// to: GET /api/v1/units/{code}/deadlines.ics?token=API_TOKEN (or the token
// as "Authorization: Bearer"). The unit is named by its code as of today; the
// feed holds the open deadlines of the directives of the unit and the units
// below it that the token's user may read.
#include <ctime>

#include "api/directive_scope.h"
#include "api/router.h"
#include "api/views.h"
#include "io/deadline_calendar.h"
#include "io/icalendar.h"

namespace kiemdem::api {
namespace {

Status UnitDeadlinesRoute(Call& call) {
  const std::string& code = call.captures.at(0);
  const Date today = Today(call);
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  Result<UnitId> unit = tree->FindByCode(code, today);
  if (!unit.ok()) {
    return NotFound("there is no unit with code " + code + " today", "hiện không có đơn vị mã " + code)
        .WithField("code");
  }
  RETURN_IF_ERROR(Authorise(call, Action::kRead, *unit));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(DirectiveSessions sessions, DirectiveSessions::Load(*store));
  ASSIGN_OR_RETURN(std::vector<Directive> all, store->ListDirectives(store::DirectiveFilter{}));
  const std::string unit_name = tree->Get(*unit)->VersionOn(today).full_name;
  io::Calendar calendar{.name = "Hạn chỉ đạo — " + unit_name, .events = {}};
  for (const Directive& d : all) {
    const UnitId of = sessions.UnitOf(d);
    if (of == kNoUnit || !call.app->Within(of, *unit) || !Authorise(call, Action::kRead, of).ok()) continue;
    const AdminUnit* u = tree->Get(of);
    io::DirectiveSource source{u == nullptr ? "" : u->VersionOn(today).full_name, sessions.MeetingOf(d)};
    for (io::CalendarEvent& e : io::DeadlineEvents(d, source, "")) calendar.events.push_back(std::move(e));
  }
  call.status = 200;
  call.response = io::ICalendarText(calendar, static_cast<int64_t>(std::time(nullptr)));
  call.content_type = "text/calendar; charset=utf-8";
  call.headers.emplace_back("Content-Disposition", "attachment; filename=\"han-chi-dao-" + code + ".ics\"");
  call.headers.emplace_back("Cache-Control", "no-store");
  return Status::Ok();
}

}  // namespace

void AddCalendarRoutes(Router& r) {
  Route feed{"GET", R"(/units/(\d+)/deadlines.ics)", {Scope::kSignedIn, Action::kRead}, UnitDeadlinesRoute};
  feed.token_in_query = true;
  r.Add(std::move(feed));
}

}  // namespace kiemdem::api
