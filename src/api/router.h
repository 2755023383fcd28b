// The route table and the one place every request is authenticated and
// authorised: each route names the action it performs and where the unit it
// acts on comes from; the router resolves that unit, checks the caller's
// grants over it (core/access.h), checks CSRF for cookie-authenticated writes,
// and only then calls the handler.
#ifndef KIEMDEM_API_ROUTER_H_
#define KIEMDEM_API_ROUTER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "api/call.h"
#include "core/access.h"

namespace kiemdem::api {

// Where the unit a request acts on comes from.
enum class Scope {
  kPublic,         // no sign-in (login, OpenAPI)
  kSignedIn,       // any signed-in user; the handler filters what it returns
  kSomeUnit,       // a user who may do the action over some unit; the handler checks each unit it touches
  kEverywhere,     // the action over every unit (admin work)
  kUnitQuery,      // ?unit=ID
  kUnitOrCountry,  // ?unit=ID, or none for the whole country (a right over every unit)
  kUnitPath,       // the first capture is a unit id
  kUnitBody,       // the body's "unit"
  kResultPath,     // the first capture is a result: its unit
  kMeetingPath,    // the first capture is a working session: the unit reviewed
  kDirectivePath,  // the first capture is a directive: its assignee's unit (or its session's)
  kDocumentPath,   // the first capture is a document: the unit it reports on
};

struct Access {
  Scope scope = Scope::kSignedIn;
  Action action = Action::kRead;
};

using Handler = std::function<Status(Call&)>;

struct Route {
  std::string method;   // "GET", "POST", "PATCH", "DELETE"
  std::string pattern;  // regex under /api/v1, e.g. R"(/results/(\d+)/approve)"
  Access access;
  Handler handler;
  bool cacheable = false;  // GET answers that depend only on the data version
  size_t max_body = 0;     // bytes of request body; 0: kDefaultBodyLimit
  // A feed a calendar app subscribes to: such apps send no header or cookie,
  // so the API token may come as ?token= (GET only; never cacheable).
  bool token_in_query = false;
};

// Request bodies: most writes are small; sign-in and tokens smaller still;
// reports and spreadsheets set their own (the server's --max-body caps all).
constexpr size_t kDefaultBodyLimit = 256u << 10;
constexpr size_t kSmallBodyLimit = 4u << 10;

class PathPattern;

class Router {
 public:
  void Add(Route route);
  const std::vector<Route>& routes() const { return routes_; }

  // Runs the checks, then the handler. The HTTP layer fills `call` and
  // writes out its response. With `may_block` false (an I/O thread), only
  // what needs no database is done: a cached GET answer, or a refusal;
  // anything else returns false untouched, to be dispatched on a worker.
  bool Dispatch(const Route& route, Call& call, bool may_block = true) const;
  // The route for a method and path under /api/v1, filling the captures.
  const Route* Find(const std::string& method, const std::string& path,
                    std::vector<std::string>* captures) const;

  // The most body bytes a request may send to `path` (under /api/v1) with
  // `method`, decided from the request line before the body is read.
  size_t BodyLimit(const std::string& method, const std::string& path) const;

  // The unit the route acts on, resolved from the request.
  Result<UnitId> ResolveUnit(const Route& route, Call& call) const;

 private:
  std::vector<Route> routes_;
  std::vector<std::shared_ptr<const PathPattern>> patterns_;
};

// Whether the caller may perform `action` on `unit` (kNoUnit: everywhere).
// Dispatch calls it for the route's unit; handlers call it again for any
// other unit a body names (moving a directive to another unit, say).
Status Authorise(const Call& call, Action action, UnitId unit);

// HTTP status for a Status code.
int HttpStatus(StatusCode code);
// {"error": {"code", "message", "field"}} in the call's language.
void ReplyError(Call& call, const Status& status);

// The route groups.
void AddAuthRoutes(Router& r);
void AddReferenceRoutes(Router& r);  // units, indicators, plans
void AddResultRoutes(Router& r);
void AddInboxRoutes(Router& r);      // the approval inbox and figures sent back
void AddAnalyticsRoutes(Router& r);  // evaluation, roll-up, comparison
void AddDocumentRoutes(Router& r);
void AddReportRoutes(Router& r);
void AddMeetingRoutes(Router& r);   // working sessions and directives
void AddCalendarRoutes(Router& r);  // a unit's deadlines as an iCalendar feed
void AddImportRoutes(Router& r);    // spreadsheets of results
// Who below a unit has reported a period; reminders to those late or due.
void AddCompletenessRoutes(Router& r);

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_ROUTER_H_
