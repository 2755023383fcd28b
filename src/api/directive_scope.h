// The unit and the working session a directive belongs to (the rule is
// core's UnitOfDirective), with every session at hand. Authorisation, the board's
// "from which unit and session" and a unit's calendar all ask the same.
#ifndef KIEMDEM_API_DIRECTIVE_SCOPE_H_
#define KIEMDEM_API_DIRECTIVE_SCOPE_H_

#include <cstdint>
#include <map>

#include "api/call.h"
#include "core/directive.h"
#include "store/store.h"

namespace kiemdem::api {

class DirectiveSessions {
 public:
  // Every working session kept (the store's errors as they are).
  static Result<DirectiveSessions> Load(store::Store& store);

  // UnitOfDirective with the session that issued `d`.
  UnitId UnitOf(const Directive& d) const;
  // The session that issued `d`, or null.
  const Meeting* MeetingOf(const Directive& d) const;

 private:
  std::map<int64_t, Meeting> meetings_;
};

// Where `d` came from, for its card: {"unit": {id, code, name, full_name} | null,
// "meeting": {id, held_on, host} | null}, names as of `today`.
Json DirectiveSourceView(const Call& call, const DirectiveSessions& sessions, const Directive& d, Date today);

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_DIRECTIVE_SCOPE_H_
